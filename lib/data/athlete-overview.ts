import "server-only";
import { cache } from "react";
import type { Scope } from "@/lib/auth/scope";
import { currentTrafficLight, type LightAssessment } from "@/lib/domain/pain";
import { RED_FLAGS, type IsoDate, type Prescription, type RedFlag } from "@/lib/domain/types";
import { LOOKBACK_DAYS, prescriptionOn } from "./athlete-records";
import { recordsToday } from "./records-once";
import { suggestionsFrom, type ItemSuggestion } from "./series";

export type AthleteOverview = {
  today: IsoDate;
  /** The running light on the latest check-in date; null when there is none in the last LOOKBACK_DAYS. */
  light: LightAssessment | null;
  lastCheckIn: { date: IsoDate; morningPain: number | null } | null;
  /** The latest check-ins, newest first (within LOOKBACK_DAYS). */
  recentCheckIns: { date: IsoDate; morningPain: number | null; redFlags: RedFlag[]; tape: boolean }[];
  lastRun: { date: IsoDate; distanceM: number | null; runningPain: number | null } | null;
  /** The caps in force today (a dated history, §2a). */
  prescription: Prescription;
  /** How far back lastCheckIn and lastRun look. */
  lookbackDays: number;
  suggestions: Map<string, ItemSuggestion>;
};

const RECENT_CHECK_INS = 7;

/**
 * The athlete page's summary and each program item's suggestion from one read of the athlete's
 * records (the read the suggestions alone used to make), shared by the page's sections per request.
 */
export const getAthleteOverview = cache(async (scope: Scope, athleteId: string): Promise<AthleteOverview> => {
  const { athlete, loaded } = await recordsToday(scope, athleteId);
  const d = athlete.today;
  const h = loaded.history;
  const recentCheckIns = [...h.checkIns.values()]
    .filter((c) => c.date <= d)
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .slice(0, RECENT_CHECK_INS)
    .map((c) => ({ date: c.date, morningPain: c.morningPain, redFlags: RED_FLAGS.filter((f) => c.redFlags[f]), tape: c.tape }));
  const lastCheckIn = recentCheckIns[0] ? { date: recentCheckIns[0].date, morningPain: recentCheckIns[0].morningPain } : null;
  let lastRun: AthleteOverview["lastRun"] = null;
  for (const [date, list] of h.activities) {
    if (date > d || (lastRun && lastRun.date > date)) continue;
    for (const a of list) {
      if (a.type !== "run") continue;
      const pains = [a.painDuring, a.painAfter].filter((p): p is number => p !== null);
      lastRun = { date, distanceM: a.distanceM, runningPain: pains.length ? Math.max(...pains) : null };
    }
  }
  return {
    today: d,
    light: currentTrafficLight(h, d),
    lastCheckIn,
    recentCheckIns,
    lastRun,
    prescription: prescriptionOn(loaded.prescriptions, d),
    lookbackDays: LOOKBACK_DAYS,
    suggestions: suggestionsFrom(loaded, d),
  };
});
