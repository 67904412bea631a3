import "server-only";
import { and, eq, gte, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, checkIns } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { engineActivityColumns } from "./athlete-records";
import { addDays, rangeOfDates, todayIn } from "@/lib/domain/dates";
import { groupBy } from "@/lib/domain/group-by";
import { indexHistory } from "@/lib/domain/history";
import { currentTrafficLight, type LightCause } from "@/lib/domain/pain";
import type { IsoDate, TrafficLight } from "@/lib/domain/types";

export const SPARKLINE_DAYS = 14;
// The light needs d−13…d; it is only shown when the latest check-in is within the sparkline.
const READ_DAYS = SPARKLINE_DAYS + 14;

export type RecentSignals = {
  /** Morning pain for today−13…today, null where none was reported. */
  sparkline: { date: IsoDate; morningPain: number | null }[];
  light: { light: TrafficLight; date: IsoDate; causes: LightCause[]; baseline: number | null } | null;
};

/**
 * The 14-day morning-pain sparkline and today's traffic light of a few athletes (a page of the
 * triage view): two queries for all of them, bounded by the page, never by the clinic.
 */
export async function recentSignals(scope: TrainerScope, list: { athleteId: string; today: IsoDate }[]): Promise<Map<string, RecentSignals>> {
  const out = new Map<string, RecentSignals>();
  if (list.length === 0) return out;
  const db = getDb();
  const ids = list.map((a) => a.athleteId);
  // time zones differ by at most a day either side of the server's date
  const since = addDays(todayIn("UTC"), -(READ_DAYS + 1));
  const [checkInRows, runRows] = await Promise.all([
    db
      .select({ athleteId: checkIns.athleteId, date: checkIns.date, morningPain: checkIns.morningPain })
      .from(checkIns)
      .where(and(eq(checkIns.clinicId, scope.clinicId), inArray(checkIns.athleteId, ids), gte(checkIns.date, since))),
    db
      .select({ athleteId: activities.athleteId, ...engineActivityColumns })
      .from(activities)
      .where(and(eq(activities.clinicId, scope.clinicId), inArray(activities.athleteId, ids), gte(activities.date, since), isNull(activities.archivedAt), eq(activities.type, "run"))),
  ]);

  const noFlags = { clicking: false, locking: false, giving_way: false, swelling: false, night_pain: false, cannot_bear_weight: false, hot_red_fever: false };
  const checkInsBy = groupBy(checkInRows, (c) => c.athleteId);
  const runsBy = groupBy(runRows, (r) => r.athleteId);
  for (const { athleteId, today } of list) {
    const h = indexHistory({
      checkIns: (checkInsBy.get(athleteId) ?? []).map((c) => ({ date: c.date, morningPain: c.morningPain, redFlags: noFlags, tape: false })),
      activities: runsBy.get(athleteId) ?? [],
    });
    const start = addDays(today, -(SPARKLINE_DAYS - 1));
    const sparkline = rangeOfDates(start, today).map((date) => ({ date, morningPain: h.morningPain.get(date) ?? null }));
    const light = currentTrafficLight(h, today);
    out.set(athleteId, { sparkline, light: light && light.date >= start ? { light: light.light, date: light.date, causes: light.causes, baseline: light.baseline } : null });
  }
  return out;
}
