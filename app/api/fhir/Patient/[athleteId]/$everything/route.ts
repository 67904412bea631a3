import { z } from "zod";
import { apiRoute, jsonError, uuidParam } from "@/lib/api/handler";
import { getFhirEverything } from "@/lib/data/fhir";
import { fhirEverythingQuerySchema, fhirQueryProblem } from "@/lib/validation/fhir";

export const dynamic = "force-dynamic";

/**
 * GET /api/fhir/Patient/{athleteId}/$everything: the athlete's record as a FHIR R4 Bundle
 * (lib/domain/fhir/bundle.ts), for a trainer of the clinic, their API token, or the athlete
 * themself (lib/data/fhir.ts cuts it to what they may see). Authentication, the 404 for anyone
 * else and error mapping are apiRoute's; the date parameters are checked here so that a bad one
 * is a 400 (FHIR's answer to a bad search parameter) with a sentence saying which and why.
 * Outside /api/v1, so not in the OpenAPI document: its answer is FHIR's, not ours.
 */
export const GET = apiRoute(
  {
    role: "any",
    summary: "FHIR R4 Patient/$everything",
    params: z.object({ athleteId: uuidParam }),
    query: z.object({}).passthrough(),
  },
  async ({ scope, params, query }) => {
    const parsed = fhirEverythingQuerySchema.safeParse(query);
    if (!parsed.success) return jsonError(400, `The date range is not valid. ${fhirQueryProblem(parsed.error)}`);
    const { start, end, _since } = parsed.data;
    const bundle = await getFhirEverything(scope, params.athleteId, { start, end, since: _since });
    const day = bundle.timestamp!.slice(0, 10);
    return new Response(JSON.stringify(bundle, null, 2), {
      headers: {
        "content-type": "application/fhir+json; charset=utf-8",
        "content-disposition": `attachment; filename="stride-fhir-${params.athleteId.slice(0, 8)}-${day}.json"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
