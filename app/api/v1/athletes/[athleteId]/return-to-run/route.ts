import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { getReturnToRun } from "@/lib/data/return-to-run";
import { returnToRunResponse } from "@/lib/validation/api-responses-athletes";

export const dynamic = "force-dynamic";

/** The §2c state on the athlete's today: ladder, stage, verdict, today's session, and every step made. */
export const GET = apiRoute(
  { role: "trainer", summary: "Return to run: the ladder, the stage in force, the §2c verdict, today's session and the history of steps.", params: z.object({ athleteId: uuidParam }), response: returnToRunResponse },
  ({ scope, params }) => getReturnToRun(scope, params.athleteId),
);
