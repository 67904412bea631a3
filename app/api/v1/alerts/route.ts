import { apiRoute } from "@/lib/api/handler";
import { alertResponse, itemsOf } from "@/lib/validation/api-responses";
import { listAlerts } from "@/lib/data/alerts";
import { alertListQuerySchema } from "@/lib/validation/alerts";

export const dynamic = "force-dynamic";

/** The clinic's alerts, most severe first; filter by status, athleteId and date range. */
export const GET = apiRoute({ role: "trainer", query: alertListQuerySchema, response: itemsOf(alertResponse) }, async ({ scope, query }) => ({ items: await listAlerts(scope, query) }));
