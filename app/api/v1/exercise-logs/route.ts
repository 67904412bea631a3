import { apiRoute } from "@/lib/api/handler";
import { exerciseLogResponse } from "@/lib/validation/api-responses";
import { visibleTo } from "@/lib/data/visibility";
import { recordExerciseLog } from "@/lib/data/exercise-logs";
import { exerciseLogSchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ role: "any", body: exerciseLogSchema.strict(), response: exerciseLogResponse, statuses: [201, 200] }, async ({ scope, body }) => {
  const result = await recordExerciseLog(scope, body);
  return Response.json(visibleTo(scope, "exerciseLog", result.log), { status: result.created ? 201 : 200 });
});
