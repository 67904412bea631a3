import { apiRoute } from "@/lib/api/handler";
import { activityResponse } from "@/lib/validation/api-responses";
import { visibleTo } from "@/lib/data/visibility";
import { recordStageSession } from "@/lib/data/stage-sessions";
import { stageSessionSchema } from "@/lib/validation/return-to-run";

export const dynamic = "force-dynamic";

/**
 * A return-to-run session against its stage (DESIGN §2c), stored as the athlete's walk or run.
 * The athlete's own, or entered by their trainer with athleteId. 201 when stored, 200 with the same
 * record when this clientId was stored before (a retry); 409 when no plan was in force that day.
 */
export const POST = apiRoute(
  {
    role: "any",
    summary: "Log a return-to-run stage session (completed or stopped early; pain during and after), stored as an activity once per clientId.",
    body: stageSessionSchema.strict(),
    response: activityResponse,
    statuses: [201, 200],
  },
  async ({ scope, body }) => {
    const result = await recordStageSession(scope, body);
    return Response.json(visibleTo(scope, "activity", result.activity), { status: result.created ? 201 : 200 });
  },
);
