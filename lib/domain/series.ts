// Per-day and per-week rows for the charts (DESIGN §2: acute and chronic plotted separately, the
// ratio shown only when §2a allows, prescription against what was done). Linear in days: the
// history is indexed once and each row looks at fixed windows of at most 28 days.
// series.test.ts checks every row against the per-date rules of load.ts and pain.ts.
import { addDays, mondayOf, rangeOfDates } from "./dates";
import { asHistory } from "./history";
import { ACUTE_DAYS, CHRONIC_DAYS, ewmaSeries, RATIO_MIN_DAYS_WITH_DATA } from "./load";
import { median, MIN_MORNING_VALUES, runningPain, trafficLightOn } from "./pain";
import type { AthleteRecords, History, IsoDate, TrafficLight } from "./types";

/** The unrounded acute and chronic EWMAs of one day. */
export type EwmaState = { acute: number; chronic: number };

export type DailyRow = {
  date: IsoDate;
  runningDistanceM: number;
  crossTrainingMin: number;
  /** Null for a gap: no check-in and no activity (§2a). */
  load: number | null;
  runningPain: number | null;
  morningPain: number | null;
  acuteRolling: number;
  chronicRolling: number;
  /** Null before the athlete's first day with data. */
  acuteEwma: number | null;
  chronicEwma: number | null;
  /** Null when §2a says not to show it; descriptive only. */
  ratio: number | null;
  baseline: number | null;
  /** Null on a gap: with nothing reported that day there is no guidance to show. */
  light: TrafficLight | null;
  tape: boolean;
};

/**
 * One row per day from…to. Each day's windows (7 and 28 days of load, 7 mornings of baseline) are
 * read from arrays indexed by day rather than by date look-ups; sums run in the same order as
 * rollingMean, so the values are identical to the per-date functions in load.ts and pain.ts.
 * `lightOn` lets a caller share one memo of each day's light with other per-day rules.
 */
export function buildDailySeries(
  input: AthleteRecords | History,
  from: IsoDate,
  to: IsoDate,
  lightOn?: (date: IsoDate) => TrafficLight,
  ewmaBefore?: EwmaState | null,
): DailyRow[] {
  const h = asHistory(input);
  const light = lightOn ?? ((date: IsoDate) => trafficLightOn(h, date));
  // with the EWMAs of the day before `from` known, the loads before it need not be in the history
  const before = addDays(from, -1);
  const acuteEwma = ewmaSeries(h.loads, ACUTE_DAYS, to, ewmaBefore ? { date: before, value: ewmaBefore.acute } : undefined);
  const chronicEwma = ewmaSeries(h.loads, CHRONIC_DAYS, to, ewmaBefore ? { date: before, value: ewmaBefore.chronic } : undefined);
  // index 0 is from − 27, so every day in range has its 28-day window inside the arrays
  const lead = CHRONIC_DAYS - 1;
  const dates = rangeOfDates(addDays(from, -lead), to);
  const loads = dates.map((d) => h.loads.get(d));
  const mornings = dates.map((d) => h.morningPain.get(d));
  const rows: DailyRow[] = [];
  for (let i = lead; i < dates.length; i++) {
    const date = dates[i]!;
    let acuteSum = 0;
    let chronicSum = 0;
    let withData = 0;
    for (let k = 0; k < CHRONIC_DAYS; k++) {
      const v = loads[i - k];
      if (v !== undefined) withData++;
      if (k < ACUTE_DAYS) acuteSum += v ?? 0;
      chronicSum += v ?? 0;
    }
    const acuteRolling = acuteSum / ACUTE_DAYS;
    const chronicRolling = chronicSum / CHRONIC_DAYS;
    const priorMornings: number[] = [];
    for (let k = 7; k >= 1; k--) {
      const m = mornings[i - k];
      if (m !== undefined) priorMornings.push(m);
    }
    let crossTrainingSec = 0;
    let maxPain: number | null = null;
    for (const a of h.activities.get(date) ?? []) {
      if (a.type !== "run") crossTrainingSec += a.durationSec;
      const p = a.type === "run" ? runningPain(a) : null;
      if (p !== null && (maxPain === null || p > maxPain)) maxPain = p;
    }
    const load = loads[i] ?? null;
    rows.push({
      date,
      runningDistanceM: h.runDistance.get(date) ?? 0,
      crossTrainingMin: crossTrainingSec / 60,
      load,
      runningPain: maxPain,
      morningPain: mornings[i] ?? null,
      acuteRolling,
      chronicRolling,
      acuteEwma: acuteEwma.get(date) ?? null,
      chronicEwma: chronicEwma.get(date) ?? null,
      ratio: withData >= RATIO_MIN_DAYS_WITH_DATA && chronicRolling > 0 ? acuteRolling / chronicRolling : null,
      baseline: priorMornings.length >= MIN_MORNING_VALUES ? median(priorMornings) : null,
      light: load === null ? null : light(date),
      tape: h.checkIns.get(date)?.tape ?? false,
    });
  }
  return rows;
}

export type WeeklyRow = {
  weekStart: IsoDate;
  weekEnd: IsoDate;
  runningDistanceM: number;
  crossTrainingMin: number;
  /** Sum over days with data; null when the whole week was a gap. */
  load: number | null;
  maxRunningPain: number | null;
  maxMorningPain: number | null;
  daysWithData: number;
};

const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Sums distance, minutes and load and takes the worst pain per ISO week (Mon–Sun), in row order. */
export function bucketWeekly(rows: readonly DailyRow[]): WeeklyRow[] {
  const weeks: WeeklyRow[] = [];
  let current: WeeklyRow | undefined;
  for (const row of rows) {
    const weekStart = mondayOf(row.date);
    if (!current || current.weekStart !== weekStart) {
      current = {
        weekStart,
        weekEnd: addDays(weekStart, 6),
        runningDistanceM: 0,
        crossTrainingMin: 0,
        load: null,
        maxRunningPain: null,
        maxMorningPain: null,
        daysWithData: 0,
      };
      weeks.push(current);
    }
    current.runningDistanceM += row.runningDistanceM;
    current.crossTrainingMin += row.crossTrainingMin;
    if (row.load !== null) {
      current.load = (current.load ?? 0) + row.load;
      current.daysWithData++;
    }
    current.maxRunningPain = maxOf(current.maxRunningPain, row.runningPain);
    current.maxMorningPain = maxOf(current.maxMorningPain, row.morningPain);
  }
  return weeks;
}
