import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { exerciseResponse } from "@/lib/validation/api-responses";
import { plainText } from "@/lib/validation/fields";
import { listExercises } from "@/lib/data/exercises";
import { KINDS, REGIONS } from "@/lib/exercise-library/builtin-exercises";

export const dynamic = "force-dynamic";

const query = z.object({ q: plainText().trim().max(80, "Keep the search under 80 characters.").optional(), region: z.enum(REGIONS).optional(), kind: z.enum(KINDS).optional() });

/** The library as the caller's clinic sees it: built-ins plus its own, each with its ladder place. */
export const GET = apiRoute({ role: "trainer", query, response: z.object({ exercises: z.array(exerciseResponse) }) }, async ({ scope, query }) => ({ exercises: await listExercises(scope, query) }));
