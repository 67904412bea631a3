// Pain monitoring (DESIGN §2 "Pain", §2a baseline, rise and traffic light), after the
// Silbernagel 2007 pain-monitoring model: 0–2 safe, 3–5 acceptable, > 5 too much.
//
// Noted while implementing §2a as written:
// - Red looks back over runs in d−6…d, so one painful run keeps the light red for seven days even
//   when the knee has settled by the next morning; amber/green only consider d's morning.
// - The baseline is a median of d−7…d−1 that includes any flare days, so a run of rising mornings
//   slowly raises its own baseline; the week-on-week mean trend is what catches that drift.
import { addDays, rangeOfDates } from "./dates";
import type { Activity, CheckIn, ExerciseLog, History, IsoDate, TrafficLight } from "./types";

/** Pain above this is "too much" (§2). */
export const PAIN_TOO_MUCH = 5;
/** Pain at or above this is the urgent critical line (§2a pain ≥ 7). */
export const PAIN_CRITICAL = 7;

export type CriticalPain = {
  date: IsoDate;
  value: number;
  source: "morning" | "activity" | "exercise";
  /** For an activity's pain: which activity, and whether the pain was during or after it. */
  activity?: { type: Activity["type"]; when: "during" | "after" };
};

/**
 * §2a: every pain value of PAIN_CRITICAL or more (morning; during or after any activity; exercise)
 * dated from…to, in that order: the pain_7 alert words them, the athlete's advice acts on them.
 */
export function criticalPains(
  records: {
    checkIns: readonly Pick<CheckIn, "date" | "morningPain">[];
    activities: readonly Pick<Activity, "date" | "type" | "painDuring" | "painAfter">[];
    exerciseLogs: readonly Pick<ExerciseLog, "date" | "exercisePain">[];
  },
  from: IsoDate,
  to: IsoDate,
): CriticalPain[] {
  const found: CriticalPain[] = [];
  const add = (date: IsoDate, value: number | null, source: CriticalPain["source"], activity?: CriticalPain["activity"]) => {
    if (value !== null && value >= PAIN_CRITICAL && date >= from && date <= to) found.push({ date, value, source, ...(activity ? { activity } : {}) });
  };
  for (const c of records.checkIns) add(c.date, c.morningPain, "morning");
  for (const a of records.activities) {
    add(a.date, a.painDuring, "activity", { type: a.type, when: "during" });
    add(a.date, a.painAfter, "activity", { type: a.type, when: "after" });
  }
  for (const l of records.exerciseLogs) add(l.date, l.exercisePain, "exercise");
  return found;
}
/** §2a: a baseline (and each half of the weekly trend) needs at least this many morning values. */
export const MIN_MORNING_VALUES = 3;

type Morning = ReadonlyMap<IsoDate, number>;
type ActivitiesByDate = ReadonlyMap<IsoDate, readonly Activity[]>;

/** §2a: max(pain during, pain after), ignoring whichever was not reported. */
export function runningPain(run: Pick<Activity, "painDuring" | "painAfter">): number | null {
  const values = [run.painDuring, run.painAfter].filter((v): v is number => v !== null);
  return values.length > 0 ? Math.max(...values) : null;
}

export function morningPainByDate(checkIns: readonly CheckIn[]): Map<IsoDate, number> {
  const morning = new Map<IsoDate, number>();
  for (const c of checkIns) if (c.morningPain !== null) morning.set(c.date, c.morningPain);
  return morning;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function morningValues(morning: Morning, from: IsoDate, days: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < days; i++) {
    const v = morning.get(addDays(from, i));
    if (v !== undefined) values.push(v);
  }
  return values;
}

/** §2a: median morning pain over d−7…d−1, or null with fewer than 3 values there. */
export function baseline(morning: Morning, d: IsoDate): number | null {
  const values = morningValues(morning, addDays(d, -7), 7);
  return values.length >= MIN_MORNING_VALUES ? median(values) : null;
}

/** §2a: morning pain(d) − baseline(d); null when either is missing. */
export function rise(morning: Morning, d: IsoDate): number | null {
  const today = morning.get(d);
  const base = baseline(morning, d);
  return today === undefined || base === null ? null : today - base;
}

/** Highest running pain over runs in from…to; null when no run there reported pain. */
export function maxRunningPain(activities: ActivitiesByDate, from: IsoDate, to: IsoDate): number | null {
  let max: number | null = null;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const a of activities.get(date) ?? []) {
      const p = a.type === "run" ? runningPain(a) : null;
      if (p !== null && (max === null || p > max)) max = p;
    }
  }
  return max;
}

export type MorningTrend = { recentMean: number; previousMean: number; rising: boolean };

/**
 * Week-on-week trend: mean morning pain over d−6…d against d−13…d−7, each needing 3 values.
 * "rising" means the recent mean is at least 1 higher; compared on sums so that means such as
 * 8/3 − 5/3 do not fall just short of 1 in floating point.
 */
export function morningTrend(morning: Morning, d: IsoDate): MorningTrend | null {
  const recent = morningValues(morning, addDays(d, -6), 7);
  const previous = morningValues(morning, addDays(d, -13), 7);
  if (recent.length < MIN_MORNING_VALUES || previous.length < MIN_MORNING_VALUES) return null;
  const r = sum(recent);
  const p = sum(previous);
  return {
    recentMean: r / recent.length,
    previousMean: p / previous.length,
    rising: r * previous.length - p * recent.length >= recent.length * previous.length,
  };
}

export type LightCause = "running_pain" | "morning_pain" | "rise_2" | "rise_1" | "weekly_trend";

export type LightAssessment = {
  date: IsoDate;
  light: TrafficLight;
  /** Every condition that held, red ones first; empty for green. */
  causes: LightCause[];
  maxRunningPain: number | null;
  morningPain: number | null;
  baseline: number | null;
  rise: number | null;
  trend: MorningTrend | null;
};

type LightHistory = Pick<History, "morningPain" | "activities">;

/** §2a traffic light on d, with the reasons so the UI can say why. */
export function assessTrafficLight(h: LightHistory, d: IsoDate): LightAssessment {
  const runPain = maxRunningPain(h.activities, addDays(d, -6), d);
  const morningPain = h.morningPain.get(d) ?? null;
  const base = baseline(h.morningPain, d);
  const r = rise(h.morningPain, d);
  const trend = morningTrend(h.morningPain, d);
  const causes: LightCause[] = [];
  if (runPain !== null && runPain > PAIN_TOO_MUCH) causes.push("running_pain");
  if (morningPain !== null && morningPain > PAIN_TOO_MUCH) causes.push("morning_pain");
  if (r !== null && r >= 2) causes.push("rise_2");
  const red = causes.length > 0;
  if (r !== null && r >= 1 && r < 2) causes.push("rise_1");
  if (trend?.rising) causes.push("weekly_trend");
  const light: TrafficLight = red ? "red" : causes.length > 0 ? "amber" : "green";
  return { date: d, light, causes, maxRunningPain: runPain, morningPain, baseline: base, rise: r, trend };
}

export function trafficLightOn(h: LightHistory, d: IsoDate): TrafficLight {
  return assessTrafficLight(h, d).light;
}

/**
 * trafficLightOn for every date from start to end, in order: the same rules read from arrays
 * indexed by day instead of a dozen date look-ups per window, for a chart's hundreds of days.
 * pain.test.ts checks it against trafficLightOn on every day of random histories.
 */
export function trafficLightsBetween(h: LightHistory, start: IsoDate, end: IsoDate): TrafficLight[] {
  // index 0 is start − 13, so every day's 14-day window is inside the arrays
  const lead = 13;
  const dates = rangeOfDates(addDays(start, -lead), end);
  const days = dates.length;
  const morning = dates.map((d) => h.morningPain.get(d));
  const runPain = dates.map((d) => maxRunningPain(h.activities, d, d));
  const lights: TrafficLight[] = [];
  const window = (from: number, count: number) => {
    const values: number[] = [];
    for (let k = from; k < from + count; k++) {
      const v = morning[k];
      if (v !== undefined) values.push(v);
    }
    return values;
  };
  for (let i = lead; i < days; i++) {
    let maxRun: number | null = null;
    for (let k = i - 6; k <= i; k++) if (runPain[k] !== null && (maxRun === null || runPain[k]! > maxRun)) maxRun = runPain[k]!;
    const m = morning[i];
    const prior = window(i - 7, 7);
    const base = prior.length >= MIN_MORNING_VALUES ? median(prior) : null;
    const r = m === undefined || base === null ? null : m - base;
    const red = (maxRun !== null && maxRun > PAIN_TOO_MUCH) || (m !== undefined && m > PAIN_TOO_MUCH) || (r !== null && r >= 2);
    if (red) {
      lights.push("red");
      continue;
    }
    const recent = window(i - 6, 7);
    const previous = window(i - 13, 7);
    const rising =
      recent.length >= MIN_MORNING_VALUES &&
      previous.length >= MIN_MORNING_VALUES &&
      sum(recent) * previous.length - sum(previous) * recent.length >= recent.length * previous.length;
    lights.push((r !== null && r >= 1) || rising ? "amber" : "green");
  }
  return lights;
}

/** Latest date with a check-in, on or before `asOf` when given. */
export function latestCheckInDate(
  checkIns: ReadonlyMap<IsoDate, CheckIn>,
  asOf?: IsoDate,
): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const date of checkIns.keys()) {
    if ((asOf === undefined || date <= asOf) && (latest === null || date > latest)) latest = date;
  }
  return latest;
}

/** §2a: the athlete's light is the one on their latest check-in date; null before any check-in. */
export function currentTrafficLight(
  h: LightHistory & Pick<History, "checkIns">,
  asOf?: IsoDate,
): LightAssessment | null {
  const date = latestCheckInDate(h.checkIns, asOf);
  return date === null ? null : assessTrafficLight(h, date);
}
