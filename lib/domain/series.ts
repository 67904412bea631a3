// Per-day and per-week rows for the charts (DESIGN §2: acute and chronic plotted separately, the
// ratio shown only when §2a allows, prescription against what was done). Linear in days: the
// history is indexed once and each row looks at fixed windows of at most 28 days.
import { addDays, mondayOf, rangeOfDates } from "./dates";
import { asHistory } from "./history";
import { ewmaSeries, rollingAcute, rollingChronic, ratio } from "./load";
import { baseline, runningPain, trafficLightOn } from "./pain";
import type { AthleteRecords, History, IsoDate, TrafficLight } from "./types";

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

export function buildDailySeries(input: AthleteRecords | History, from: IsoDate, to: IsoDate): DailyRow[] {
  const h = asHistory(input);
  const acuteEwma = ewmaSeries(h.loads, 7, to);
  const chronicEwma = ewmaSeries(h.loads, 28, to);
  return rangeOfDates(from, to).map((date) => {
    let crossTrainingSec = 0;
    let maxPain: number | null = null;
    for (const a of h.activities.get(date) ?? []) {
      if (a.type !== "run") crossTrainingSec += a.durationSec;
      const p = a.type === "run" ? runningPain(a) : null;
      if (p !== null && (maxPain === null || p > maxPain)) maxPain = p;
    }
    const load = h.loads.get(date) ?? null;
    return {
      date,
      runningDistanceM: h.runDistance.get(date) ?? 0,
      crossTrainingMin: crossTrainingSec / 60,
      load,
      runningPain: maxPain,
      morningPain: h.morningPain.get(date) ?? null,
      acuteRolling: rollingAcute(h.loads, date),
      chronicRolling: rollingChronic(h.loads, date),
      acuteEwma: acuteEwma.get(date) ?? null,
      chronicEwma: chronicEwma.get(date) ?? null,
      ratio: ratio(h.loads, date),
      baseline: baseline(h.morningPain, date),
      light: load === null ? null : trafficLightOn(h, date),
      tape: h.checkIns.get(date)?.tape ?? false,
    };
  });
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
