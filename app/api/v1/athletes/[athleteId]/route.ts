import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getAthlete, updateAthlete } from "@/lib/data/athletes";
import { athleteProfileResponse } from "@/lib/validation/api-responses-athletes";
import { athletePatchSchema } from "@/lib/validation/athletes";

export const dynamic = "force-dynamic";

const params = z.object({ athleteId: z.uuid() });

// an athlete may read their own profile; everything else here is for trainers
export const GET = apiRoute({ role: "any", summary: "One athlete's profile (an athlete may read only their own).", params, response: athleteProfileResponse }, async ({ scope, params }) => getAthlete(scope, params.athleteId));

/** Edits; `{"status":"archived"}` archives and any other status restores (records are never deleted). */
export const PATCH = apiRoute({ role: "trainer", summary: "Edit a profile; {\"status\":\"archived\"} archives and another status restores.", params, body: athletePatchSchema, response: athleteProfileResponse }, async ({ scope, params, body }) =>
  updateAthlete(scope, params.athleteId, body),
);
