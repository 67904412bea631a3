import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { athleteAccess } from "./access";
import { loadAthleteRecords } from "./athlete-records";

/**
 * The athlete's records up to today, read once per request for read-only callers (after the
 * access check): the athlete page's summary, pain by activity and return-to-run share it.
 */
export const recordsToday = cache(async (scope: Scope, athleteId: string) => {
  const athlete = await athleteAccess(scope, athleteId);
  const loaded = await loadAthleteRecords(getDb(), athlete, athlete.today, athlete.today);
  return { athlete, loaded };
});
