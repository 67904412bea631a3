import { apiRoute } from "@/lib/api/handler";
import { athleteProfileResponse, rosterPageResponse } from "@/lib/validation/api-responses-athletes";
import { createAthlete, getAthlete, listAthletes } from "@/lib/data/athletes";
import { athleteInputSchema, rosterApiQuerySchema } from "@/lib/validation/athletes";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ role: "trainer", summary: "The roster of the clinic, a page at a time (archived athletes only when asked for).", query: rosterApiQuerySchema, response: rosterPageResponse }, async ({ scope, query }) => {
  const { query: q2, q, ...rest } = query;
  return listAthletes(scope, { ...rest, q: q ?? q2 });
});

export const POST = apiRoute({ role: "trainer", summary: "Add an athlete to the clinic; answers the new profile.", body: athleteInputSchema.strict(), status: 201, response: athleteProfileResponse }, async ({ scope, body }) => {
  const { id } = await createAthlete(scope, body);
  return getAthlete(scope, id);
});

