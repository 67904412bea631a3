import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { getAthleteStatus } from "@/lib/data/series";
import { athleteStatusResponse } from "@/lib/validation/api-responses-athletes";

export const dynamic = "force-dynamic";

/** Today's light, baseline, tolerated load, ratio (descriptive), open alerts and program suggestions. */
export const GET = apiRoute({ role: "any", summary: "Today's light, baseline, tolerated load, ratio (descriptive), advice, open alerts and program suggestions.", params: z.object({ athleteId: uuidParam }), response: athleteStatusResponse }, ({ scope, params }) => getAthleteStatus(scope, params.athleteId));
