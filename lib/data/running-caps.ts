import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { addDays } from "@/lib/domain/dates";
import type { History, IsoDate } from "@/lib/domain/types";
import { capWarning, checkRunAgainstCaps, type RunCapContext, type RunEntry } from "@/lib/domain/week-so-far";
import { isAppError } from "@/lib/errors";
import { getActivity } from "./activities";
import { athleteAccess } from "./access";
import { loadAthleteRecords } from "./athlete-records";
import { getMe } from "./clinics";


/** The runs dated from…to, as the caps read them. */
export function runEntriesBetween(history: History, from: IsoDate, to: IsoDate): RunEntry[] {
  const runs: RunEntry[] = [];
  for (const [date, list] of history.activities) {
    if (date < from || date > to) continue;
    for (const a of list) if (a.type === "run") runs.push({ id: a.id, date, distanceM: a.distanceM });
  }
  return runs;
}

/**
 * For the log and edit forms: enough runs for a run dated in the last week, or on `around` (the
 * date of the run being edited), to be checked against every §2a week that holds it.
 */
export async function getRunCapContext(scope: Scope, athleteId: string, around?: IsoDate): Promise<RunCapContext> {
  const db = getDb();
  const athlete = await athleteAccess(scope, athleteId, { db });
  const today = athlete.today;
  const earliest = around && around < addDays(today, -7) ? around : addDays(today, -7);
  const loaded = await loadAthleteRecords(db, athlete, earliest, today);
  const coversFrom = addDays(earliest, -6);
  return { today, coversFrom, runs: runEntriesBetween(loaded.history, coversFrom, today), periods: loaded.prescriptions };
}

/**
 * After a run is saved: "This run takes you to 23 of 20 km this week — your trainer will see it.",
 * or null when it passes no cap (or is not a run, or is not the caller's to see).
 */
export async function getRunCapNotice(scope: Scope, activityId: string): Promise<string | null> {
  if (!z.uuid().safeParse(activityId).success) return null;
  const activity = await getActivity(scope, activityId).catch((err) => {
    if (isAppError(err) && err.code === "not_found") return null;
    throw err;
  });
  if (activity?.type !== "run") return null;
  const db = getDb();
  const athlete = await athleteAccess(scope, activity.athleteId, { db });
  const [loaded, me] = await Promise.all([loadAthleteRecords(db, athlete, activity.date, athlete.today), getMe(scope)]);
  const check = checkRunAgainstCaps({
    runs: runEntriesBetween(loaded.history, addDays(activity.date, -6), athlete.today),
    periods: loaded.prescriptions,
    run: { id: activity.id, date: activity.date, distanceM: activity.distanceM },
    today: athlete.today,
  });
  return capWarning(check, me.unit, athlete.today);
}
