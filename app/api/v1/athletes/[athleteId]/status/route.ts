import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { getAthleteStatus } from "@/lib/data/series";

export const dynamic = "force-dynamic";

/** Today's light, baseline, tolerated load, ratio (descriptive), open alerts and program suggestions. */
export const GET = apiRoute({ role: "any", params: z.object({ athleteId: uuidParam }) }, ({ scope, params }) => getAthleteStatus(scope, params.athleteId));
