import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { currentTrafficLight, type LightAssessment } from "@/lib/domain/pain";
import type { IsoDate, Prescription } from "@/lib/domain/types";
import { athleteAccess } from "./access";
import { LOOKBACK_DAYS, loadAthleteRecords, prescriptionOn } from "./athlete-records";
import { suggestionsFrom, type ItemSuggestion } from "./series";

export type AthleteOverview = {
  today: IsoDate;
  /** The running light on the latest check-in date; null when there is none in the last LOOKBACK_DAYS. */
  light: LightAssessment | null;
  lastCheckIn: { date: IsoDate; morningPain: number | null } | null;
  lastRun: { date: IsoDate; distanceM: number | null; runningPain: number | null } | null;
  /** The caps in force today (a dated history, §2a). */
  prescription: Prescription;
  /** How far back lastCheckIn and lastRun look. */
  lookbackDays: number;
  suggestions: Map<string, ItemSuggestion>;
};

/**
 * The athlete page's summary and each program item's suggestion from one read of the athlete's
 * records (the read the suggestions alone used to make), shared by the page's sections per request.
 */
export const getAthleteOverview = cache(async (scope: Scope, athleteId: string): Promise<AthleteOverview> => {
  const db = getDb();
  const athlete = await athleteAccess(scope, athleteId);
  const d = athlete.today;
  const loaded = await loadAthleteRecords(db, athlete, d, d);
  const h = loaded.history;
  let lastCheckIn: AthleteOverview["lastCheckIn"] = null;
  for (const [date, c] of h.checkIns) if (date <= d && (!lastCheckIn || date > lastCheckIn.date)) lastCheckIn = { date, morningPain: c.morningPain };
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
    lastRun,
    prescription: prescriptionOn(loaded.prescriptions, d),
    lookbackDays: LOOKBACK_DAYS,
    suggestions: suggestionsFrom(loaded, d),
  };
});
