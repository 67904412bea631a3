// Training load (DESIGN §2 "Load", §2a). Session load = minutes × session RPE (Foster 2001); runs
// and cross-training both count. The acute:chronic ratio is descriptive only: nothing in this
// module feeds an alert (§2, Lolli 2019; Impellizzeri 2021), and alerts.ts never imports ratio().
import { addDays, daysBetween } from "./dates";
import type { Activity, CheckIn, IsoDate } from "./types";

export const ACUTE_DAYS = 7;
export const CHRONIC_DAYS = 28;
/** §2a: the ratio is shown only when at least this many of d−27…d have data. */
export const RATIO_MIN_DAYS_WITH_DATA = 21;

type Loads = ReadonlyMap<IsoDate, number>;

export function sessionLoad(activity: Pick<Activity, "durationSec" | "rpe">): number {
  return (activity.durationSec / 60) * activity.rpe;
}

/**
 * Daily load by date. A check-in with no activity is a real 0 (the athlete told us they rested);
 * a day with neither is absent, because §2a treats it as a gap, not as rest.
 */
export function dailyLoads(
  activities: readonly Pick<Activity, "date" | "durationSec" | "rpe">[],
  checkIns: readonly Pick<CheckIn, "date">[],
): Map<IsoDate, number> {
  const loads = new Map<IsoDate, number>();
  for (const c of checkIns) loads.set(c.date, 0);
  for (const a of activities) loads.set(a.date, (loads.get(a.date) ?? 0) + sessionLoad(a));
  return loads;
}

export function hasData(loads: Loads, date: IsoDate): boolean {
  return loads.has(date);
}

/** Days with data in from…to (both included). */
export function daysWithData(loads: Loads, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let i = 0; i <= daysBetween(from, to); i++) if (loads.has(addDays(from, i))) count++;
  return count;
}

/** Mean daily load over the `days` days ending on d, gaps counted as 0 (§2a). */
export function rollingMean(loads: Loads, d: IsoDate, days: number): number {
  let sum = 0;
  for (let i = 0; i < days; i++) sum += loads.get(addDays(d, -i)) ?? 0;
  return sum / days;
}

export function rollingAcute(loads: Loads, d: IsoDate): number {
  return rollingMean(loads, d, ACUTE_DAYS);
}

export function rollingChronic(loads: Loads, d: IsoDate): number {
  return rollingMean(loads, d, CHRONIC_DAYS);
}

/**
 * Rolling acute:chronic ratio, or null when it must not be shown: fewer than 21 of d−27…d have
 * data, or chronic load is 0. Descriptive only; never raise an alert from it.
 */
export function ratio(loads: Loads, d: IsoDate): number | null {
  if (daysWithData(loads, addDays(d, -(CHRONIC_DAYS - 1)), d) < RATIO_MIN_DAYS_WITH_DATA) return null;
  const chronic = rollingChronic(loads, d);
  return chronic > 0 ? rollingAcute(loads, d) / chronic : null;
}

export function ewmaLambda(n: number): number {
  return 2 / (n + 1);
}

function firstDate(loads: Loads): IsoDate | null {
  let first: IsoDate | null = null;
  // ISO dates sort as strings, so no parsing is needed.
  for (const date of loads.keys()) if (first === null || date < first) first = date;
  return first;
}

function lastDate(loads: Loads): IsoDate | null {
  let last: IsoDate | null = null;
  for (const date of loads.keys()) if (last === null || date > last) last = date;
  return last;
}

/**
 * EWMA of daily load with λ = 2/(N+1) (Williams 2017), from the first day with data, where
 * E = that day's load, through `to` (default: the last day with data). Gaps count as 0.
 * Dates before the first day with data have no value.
 *
 * `known` is the EWMA already computed for one day (a stored chart row's): the series continues
 * from it, reading no load on or before that day, and gives the same values as a run from the
 * first day with data.
 */
export function ewmaSeries(loads: Loads, n: number, to?: IsoDate, known?: { date: IsoDate; value: number }): Map<IsoDate, number> {
  const series = new Map<IsoDate, number>();
  const start = known?.date ?? firstDate(loads);
  const end = to ?? lastDate(loads);
  if (start === null || end === null || end < start) return series;
  const lambda = ewmaLambda(n);
  let e = known ? known.value : (loads.get(start) ?? 0);
  series.set(start, e);
  for (let i = 1; i <= daysBetween(start, end); i++) {
    const date = addDays(start, i);
    e = lambda * (loads.get(date) ?? 0) + (1 - lambda) * e;
    series.set(date, e);
  }
  return series;
}
