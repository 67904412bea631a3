import { apiRoute } from "@/lib/api/handler";
import { createAthlete, getAthlete, listAthletes } from "@/lib/data/athletes";
import { athleteInputSchema, rosterApiQuerySchema } from "@/lib/validation/athletes";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "trainer", query: rosterApiQuerySchema }, async ({ scope, query }) => {
  const { query: q2, q, ...rest } = query;
  return listAthletes(scope, { ...rest, q: q ?? q2 });
});

export const POST = apiRoute({ role: "trainer", body: athleteInputSchema.strict(), status: 201 }, async ({ scope, body }) => {
  const { id } = await createAthlete(scope, body);
  return getAthlete(scope, id);
});

