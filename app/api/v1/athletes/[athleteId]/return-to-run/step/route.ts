import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { stageStepResponse } from "@/lib/validation/api-responses";
import { applyStageStep } from "@/lib/data/return-to-run";
import { stageStepSchema } from "@/lib/validation/return-to-run";

export const dynamic = "force-dynamic";

/**
 * Body { direction: "up" | "down", reason }: a trainer's step needs a reason; an athlete steps down
 * at any time and up only when allowed and the §2c verdict is step up (409 with why otherwise).
 */
export const POST = apiRoute(
  { role: "any", summary: "Step the return-to-run stage up or down, under the §2c rules of who may step when.", params: z.object({ athleteId: uuidParam }), body: stageStepSchema.omit({ athleteId: true }).strict(), response: stageStepResponse },
  ({ scope, params, body }) => applyStageStep(scope, params.athleteId, body),
);
