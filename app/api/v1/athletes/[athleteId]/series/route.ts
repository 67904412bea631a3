import { z } from "zod";
import { apiRoute, jsonText, uuidParam } from "@/lib/api/handler";
import { getAthleteSeriesJson } from "@/lib/data/series";
import { seriesQuerySchema, seriesResponseSchema } from "@/lib/validation/series";

export const dynamic = "force-dynamic";

/**
 * Chart rows for one athlete (shape: seriesResponseSchema in lib/validation/series.ts).
 * Trainers of the clinic, or the athlete themselves; anyone else 404.
 */
export const GET = apiRoute({ role: "any", params: z.object({ athleteId: uuidParam }), query: seriesQuerySchema, response: seriesResponseSchema }, async ({ scope, params, query }) =>
  jsonText(await getAthleteSeriesJson(scope, params.athleteId, query)),
);
