import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { activityResponse, itemsOf } from "@/lib/validation/api-responses";
import { listActivities } from "@/lib/data/activities";
import { isoDate } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

const query = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must be on or before to.", path: ["from"] });

export const GET = apiRoute({ role: "any", params: z.object({ athleteId: z.uuid() }), query, response: itemsOf(activityResponse) }, async ({ scope, params, query }) => ({
  items: await listActivities(scope, params.athleteId, query),
}));
