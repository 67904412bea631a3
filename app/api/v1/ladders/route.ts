import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { ladderResponse } from "@/lib/validation/api-responses";
import { listLadders } from "@/lib/data/ladders";
import { KINDS, REGIONS } from "@/lib/exercise-library/builtin-exercises";

export const dynamic = "force-dynamic";

const query = z.object({ region: z.enum(REGIONS).optional(), kind: z.enum(KINDS).optional() });

/** Ladders ordered easiest → hardest: the built-in steps plus the clinic's own. */
export const GET = apiRoute({ role: "trainer", query, response: z.object({ ladders: z.array(ladderResponse) }) }, async ({ scope, query }) => ({
  ladders: (await listLadders(scope, query)).map((l) => ({
    id: l.id,
    name: l.name,
    region: l.region,
    builtin: l.builtin,
    steps: l.steps.map((s, i) => ({ step: i + 1, exerciseId: s.exerciseId, name: s.name, builtin: s.builtin, defaultDosage: s.defaultDosage })),
  })),
}));
