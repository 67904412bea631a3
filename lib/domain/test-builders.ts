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
