import { apiRoute } from "@/lib/api/handler";
import { activityResponse } from "@/lib/validation/api-responses";
import { visibleTo } from "@/lib/data/visibility";
import { recordActivity } from "@/lib/data/activities";
import { activitySchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

/** 201 when stored, 200 with the same record when this clientId was stored before (a retry). */
export const POST = apiRoute({ role: "any", body: activitySchema, response: activityResponse, statuses: [201, 200] }, async ({ scope, body }) => {
  const result = await recordActivity(scope, body);
  return Response.json(visibleTo(scope, "activity", result.activity), { status: result.created ? 201 : 200 });
});
