import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { checkInResponse, itemsOf } from "@/lib/validation/api-responses";
import { listCheckIns } from "@/lib/data/check-ins";
import { dateRangeQuerySchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

/** Morning check-ins, newest first: the athlete's own, or any athlete's of the clinic for a trainer. */
export const GET = apiRoute(
  { role: "any", summary: "Morning check-ins between from and to (ISO dates, both optional), newest first.", params: z.object({ athleteId: uuidParam }), query: dateRangeQuerySchema, response: itemsOf(checkInResponse) },
  async ({ scope, params, query }) => ({
    items: (await listCheckIns(scope, params.athleteId, query.from ?? "2000-01-01")).filter((c) => !query.to || c.date <= query.to),
  }),
);
