// Running amount and load alerts (DESIGN §2 "Load", §2a tolerated load, spike, weekly jump,
// prescription, missed check-ins). Only runs count toward running distance.
//
// Noted while implementing §2a as written:
// - Tolerated load asks whether any *day* of a week was red, and red looks back over runs in
//   d−6…d, so a painful Sunday run also disqualifies the following week.
// - Weekly jump and over-prescription are evaluated per date d over d−6…d, so one big week raises
//   them on each of the following days until it leaves the window (one alert per date, deduped).
import { addDays, mondayOf } from "./dates";
import { trafficLightOn } from "./pain";
import type { Activity, AthleteStatus, CheckIn, History, IsoDate, Prescription, TrafficLight } from "./types";

/** §2a: "more than 10% longer" and "up more than 30%", kept as integer ratios for exact compares. */
const SPIKE_NUM = 11;
const SPIKE_DEN = 10;
const JUMP_NUM = 13;
const JUMP_DEN = 10;
export const SPIKE_LOOKBACK_DAYS = 30;
export const TOLERATED_LOAD_WEEKS = 8;

type ActivitiesByDate = ReadonlyMap<IsoDate, readonly Activity[]>;
type Distances = ReadonlyMap<IsoDate, number>;

/** Running distance by date; a run with no distance adds 0 but still marks the day as run. */
export function runningDistanceByDate(activities: readonly Pick<Activity, "type" | "date" | "distanceM">[]): Map<IsoDate, number> {
  const byDate = new Map<IsoDate, number>();
  for (const a of activities) {
    if (a.type === "run") byDate.set(a.date, (byDate.get(a.date) ?? 0) + (a.distanceM ?? 0));
  }
  return byDate;
}

/** Running distance over from…to, both included. */
export function runningDistanceBetween(byDate: Distances, from: IsoDate, to: IsoDate): number {
  let sum = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) sum += byDate.get(date) ?? 0;
  return sum;
}

/** Running distance of the ISO week (Mon–Sun) that contains `date`. */
export function weeklyRunningDistance(byDate: Distances, date: IsoDate): number {
  const monday = mondayOf(date);
  return runningDistanceBetween(byDate, monday, addDays(monday, 6));
}

export type ToleratedLoad = { distanceM: number; weekStart: IsoDate };

/**
 * §2a tolerated load on d: over the 8 Mon–Sun weeks before d's week, the largest weekly running
 * distance of a week with no red day. Null when no such week had a run.
 * A caller asking for many weeks (a chart) may pass a memoised `lightOn`: consecutive weeks share
 * seven of their eight weeks, so each day's light is otherwise computed up to eight times.
 */
export function toleratedLoad(
  h: Pick<History, "activities" | "morningPain" | "runDistance">,
  d: IsoDate,
  lightOn: (date: IsoDate) => TrafficLight = (date) => trafficLightOn(h, date),
): ToleratedLoad | null {
  let best: ToleratedLoad | null = null;
  const thisMonday = mondayOf(d);
  for (let w = 1; w <= TOLERATED_LOAD_WEEKS; w++) {
    const weekStart = addDays(thisMonday, -7 * w);
    let hadRun = false;
    let red = false;
    for (let i = 0; i < 7 && !red; i++) {
      const date = addDays(weekStart, i);
      if (h.runDistance.has(date)) hadRun = true;
      red = lightOn(date) === "red";
    }
    if (red || !hadRun) continue;
    const distanceM = runningDistanceBetween(h.runDistance, weekStart, addDays(weekStart, 6));
    // Ties go to the more recent week, which is the likelier current capacity.
    if (best === null || distanceM > best.distanceM) best = { distanceM, weekStart };
  }
  return best;
}

/** Longest single run in from…to; null when there was no run with a distance. */
export function longestRunBetween(activities: ReadonlyMap<IsoDate, readonly Pick<Activity, "type" | "distanceM">[]>, from: IsoDate, to: IsoDate): number | null {
  let longest: number | null = null;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const a of activities.get(date) ?? []) {
      if (a.type === "run" && a.distanceM !== null && (longest === null || a.distanceM > longest)) {
        longest = a.distanceM;
      }
    }
  }
  return longest;
}

export type RunSpike = {
  activityId: string;
  date: IsoDate;
  distanceM: number;
  longestM: number;
  /** How far over the 30-day longest, in percent (10.5 vs 9.5 km → 10.53). */
  overPercent: number;
};

/**
 * §2a single-run spike: longer than 1.10 × the longest run on d−30…d−1. Runs earlier the same day
 * don't count, so two runs on one day are each judged against the previous 30 days only.
 */
export function singleRunSpike(activities: ActivitiesByDate, run: Activity): RunSpike | null {
  if (run.type !== "run" || run.distanceM === null) return null;
  const longestM = longestRunBetween(activities, addDays(run.date, -SPIKE_LOOKBACK_DAYS), addDays(run.date, -1));
  if (longestM === null || !(run.distanceM * SPIKE_DEN > longestM * SPIKE_NUM)) return null;
  return {
    activityId: run.id,
    date: run.date,
    distanceM: run.distanceM,
    longestM,
    overPercent: longestM > 0 ? (run.distanceM / longestM - 1) * 100 : Number.POSITIVE_INFINITY,
  };
}

export function runSpikesOn(activities: ActivitiesByDate, d: IsoDate): RunSpike[] {
  return (activities.get(d) ?? []).flatMap((a) => singleRunSpike(activities, a) ?? []);
}

export type WeeklyJump = { currentM: number; previousM: number; overPercent: number };

/** §2a weekly jump: d−6…d above 1.30 × d−13…d−7, and d−13…d−7 above 0. */
export function weeklyJump(runDistance: Distances, d: IsoDate): WeeklyJump | null {
  const currentM = runningDistanceBetween(runDistance, addDays(d, -6), d);
  const previousM = runningDistanceBetween(runDistance, addDays(d, -13), addDays(d, -7));
  if (previousM <= 0 || !(currentM * JUMP_DEN > previousM * JUMP_NUM)) return null;
  return { currentM, previousM, overPercent: (currentM / previousM - 1) * 100 };
}

export type PrescriptionBreach =
  | { kind: "weekly"; distanceM: number; capM: number }
  | { kind: "longest"; activityId: string; distanceM: number; capM: number };

/**
 * §2a over prescription on d: running distance over d−6…d above the weekly cap, or a run on d
 * above the longest-run cap (each run is judged on its own date, so it alerts once).
 */
export function overPrescription(
  h: Pick<History, "activities" | "runDistance">,
  prescription: Prescription,
  d: IsoDate,
): PrescriptionBreach[] {
  if (!prescription) return [];
  const breaches: PrescriptionBreach[] = [];
  const weeklyCap = prescription.weeklyDistanceCapM;
  if (weeklyCap !== null) {
    const distanceM = runningDistanceBetween(h.runDistance, addDays(d, -6), d);
    if (distanceM > weeklyCap) breaches.push({ kind: "weekly", distanceM, capM: weeklyCap });
  }
  const longCap = prescription.longestRunCapM;
  if (longCap !== null) {
    for (const a of h.activities.get(d) ?? []) {
      if (a.type === "run" && a.distanceM !== null && a.distanceM > longCap) {
        breaches.push({ kind: "longest", activityId: a.id, distanceM: a.distanceM, capM: longCap });
      }
    }
  }
  return breaches;
}

export const MISSED_CHECKIN_DAYS = 3;

/**
 * §2a missed check-ins: an active or return-to-run athlete with no check-in on d−2, d−1 and d,
 * where d is today in the athlete's time zone. `trackedSince` (e.g. the day the athlete joined)
 * keeps a brand-new athlete from being flagged for days before they were on the roster.
 */
export function missedCheckIns(
  checkIns: ReadonlyMap<IsoDate, CheckIn> | ReadonlySet<IsoDate>,
  status: AthleteStatus,
  d: IsoDate,
  trackedSince?: IsoDate,
): boolean {
  if (status !== "active" && status !== "return_to_run") return false;
  const from = addDays(d, -(MISSED_CHECKIN_DAYS - 1));
  if (trackedSince !== undefined && from < trackedSince) return false;
  for (let date = from; date <= d; date = addDays(date, 1)) if (checkIns.has(date)) return false;
  return true;
}
