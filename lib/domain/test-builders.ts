// Builders for the engine's unit tests only (imported by *.test.ts, never by app code), so each
// hand-computed example states just the numbers it is about.
import { addDays } from "./dates";
import { RED_FLAGS } from "./types";
import type { Activity, CheckIn, ExerciseLog, IsoDate, RedFlag } from "./types";

/** A Sunday, so ISO-week tests can reason about it: Monday of its week is 2026-02-23. */
export const D: IsoDate = "2026-03-01";

export const day = (offset: number, from: IsoDate = D): IsoDate => addDays(from, offset);

export function checkIn(date: IsoDate, morningPain: number | null = null, flags: RedFlag[] = []): CheckIn {
  const redFlags = Object.fromEntries(RED_FLAGS.map((f) => [f, flags.includes(f)])) as Record<RedFlag, boolean>;
  return { date, morningPain, redFlags, tape: false };
}

let nextId = 0;

export function activity(date: IsoDate, fields: Partial<Omit<Activity, "date">> = {}): Activity {
  nextId += 1;
  return {
    id: `a${nextId}`,
    type: "run",
    durationSec: 30 * 60,
    distanceM: null,
    rpe: 5,
    painDuring: null,
    painAfter: null,
    ...fields,
    date,
  };
}

/** A run of `km` kilometres; pain and effort optional. */
export function run(date: IsoDate, km: number, fields: Partial<Omit<Activity, "date">> = {}): Activity {
  return activity(date, { type: "run", distanceM: Math.round(km * 1000), ...fields });
}

export function log(itemId: string, date: IsoDate, fields: Partial<Omit<ExerciseLog, "itemId" | "date">> = {}): ExerciseLog {
  return { itemId, date, setsDone: 3, setsPrescribed: 3, exercisePain: 1, couldNotFinish: false, ...fields };
}

/** Check-ins with no pain reported on every day from…to. */
export function dailyCheckIns(from: IsoDate, to: IsoDate): CheckIn[] {
  const list: CheckIn[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) list.push(checkIn(date));
  return list;
}

/**
 * A deterministic pseudo-random history of `days` days ending on D: gaps, rest days, missing
 * morning values, cross-training and painful runs, for property tests of the per-day fast paths.
 */
export function randomRecords(seed: number, days = 120): { checkIns: CheckIn[]; activities: Activity[] } {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const checkIns: CheckIn[] = [];
  const activities: Activity[] = [];
  for (let i = -(days - 1); i <= 0; i++) {
    const date = day(i);
    if (rand() < 0.8) checkIns.push(checkIn(date, rand() < 0.15 ? null : Math.floor(rand() * 8)));
    if (rand() < 0.55) activities.push(run(date, 2 + rand() * 10, { durationSec: 900 + Math.floor(rand() * 3600), rpe: 1 + Math.floor(rand() * 9), painDuring: rand() < 0.3 ? null : Math.floor(rand() * 9) }));
    if (rand() < 0.5) activities.push(run(date, 2 + rand() * 10, { durationSec: 900 + Math.floor(rand() * 3600), rpe: 1 + Math.floor(rand() * 9), painAfter: Math.floor(rand() * 9) }));
    if (rand() < 0.2) activities.push(activity(date, { type: "bike", durationSec: 1200 + Math.floor(rand() * 2400), rpe: 3 }));
  }
  return { checkIns, activities };
}
