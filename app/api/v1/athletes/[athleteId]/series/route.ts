import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { getAthleteSeries } from "@/lib/data/series";
import { seriesQuerySchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

/**
 * Chart rows for one athlete (shape: seriesResponseSchema in lib/validation/series.ts).
 * Trainers of the clinic, or the athlete themselves; anyone else 404.
 */
export const GET = apiRoute({ role: "any", params: z.object({ athleteId: uuidParam }), query: seriesQuerySchema }, ({ scope, params, query }) =>
  getAthleteSeries(scope, params.athleteId, query),
);
