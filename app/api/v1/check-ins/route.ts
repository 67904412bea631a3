import { apiRoute } from "@/lib/api/handler";
import { checkInResponse } from "@/lib/validation/api-responses";
import { visibleTo } from "@/lib/data/visibility";
import { recordCheckIn } from "@/lib/data/check-ins";
import { checkInSchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

/** The morning check-in; one per athlete per local date, so posting again the same day updates it. */
export const POST = apiRoute({ role: "any", body: checkInSchema.strict(), response: checkInResponse, statuses: [201, 200] }, async ({ scope, body }) => {
  const result = await recordCheckIn(scope, body);
  return Response.json(visibleTo(scope, "checkIn", result.checkIn), { status: result.created ? 201 : 200 });
});
