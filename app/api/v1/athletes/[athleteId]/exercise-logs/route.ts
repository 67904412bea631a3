import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { exerciseLogResponse, itemsOf } from "@/lib/validation/api-responses";
import { listExerciseLogs } from "@/lib/data/exercise-logs";
import { dateRangeQuerySchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

/** Exercise ticks (sets done, pain during the exercise), newest first; undone ticks are left out. */
export const GET = apiRoute(
  { role: "any", summary: "Exercise logs between from and to (ISO dates, both optional), newest first.", params: z.object({ athleteId: uuidParam }), query: dateRangeQuerySchema, response: itemsOf(exerciseLogResponse) },
  async ({ scope, params, query }) => ({
    items: (await listExerciseLogs(scope, params.athleteId, query.from ?? "2000-01-01")).filter((l) => !query.to || l.date <= query.to),
  }),
);
