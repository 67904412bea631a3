// Indexes an athlete's records by local date once, so every §2a window is a few map look-ups
// and a whole chart series stays linear in the number of days.
import { groupBy } from "./group-by";
import { dailyLoads } from "./load";
import { morningPainByDate } from "./pain";
import { runningDistanceByDate } from "./running";
import type { Activity, AthleteRecords, CheckIn, History, IsoDate } from "./types";

export function indexHistory(records: AthleteRecords): History {
  const checkIns = new Map<IsoDate, CheckIn>();
  // One check-in per athlete per local date (§3); should duplicates slip through, the last wins.
  for (const c of records.checkIns) checkIns.set(c.date, c);
  const activities: Map<IsoDate, Activity[]> = groupBy(records.activities, (a) => a.date);
  const loads = dailyLoads(records.activities, [...checkIns.values()]);
  let firstDataDate: IsoDate | null = null;
  for (const date of loads.keys()) if (firstDataDate === null || date < firstDataDate) firstDataDate = date;
  return {
    checkIns,
    activities,
    morningPain: morningPainByDate([...checkIns.values()]),
    loads,
    runDistance: runningDistanceByDate(records.activities),
    firstDataDate,
  };
}

/** Accepts either raw records or an already indexed history, so callers can reuse the index. */
export function asHistory(input: AthleteRecords | History): History {
  return input.checkIns instanceof Map ? (input as History) : indexHistory(input as AthleteRecords);
}
