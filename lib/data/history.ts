import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { addDays } from "@/lib/domain/dates";
import { listActivities, type ActivityView } from "./activities";
import { listCheckIns, type CheckInView } from "./check-ins";
import { listExerciseLogs, type ExerciseLogView } from "./exercise-logs";
import { athleteAccess } from "./access";

export type HistoryDay = { date: string; checkIn: CheckInView | null; activities: ActivityView[]; exercises: ExerciseLogView[]; editable: boolean };

/** The athlete's own entries, newest first, grouped by day. */
export async function getHistory(scope: Scope, athleteId: string, days = 90): Promise<HistoryDay[]> {
  const target = await athleteAccess(scope, athleteId);
  const from = addDays(target.today, -days);
  const [checkIns, activities, logs] = await Promise.all([
    listCheckIns(scope, athleteId, from),
    // activities are not cut at 90 days: an old watch file just imported must be findable
    listActivities(scope, athleteId, {}, "desc", 200),
    listExerciseLogs(scope, athleteId, from),
  ]);
  const byDate = new Map<string, HistoryDay>();
  const day = (date: string) => {
    let d = byDate.get(date);
    if (!d) {
      d = { date, checkIn: null, activities: [], exercises: [], editable: target.byTrainer || date >= addDays(target.today, -7) };
      byDate.set(date, d);
    }
    return d;
  };
  for (const c of checkIns) day(c.date).checkIn = c;
  for (const a of activities) day(a.date).activities.push(a);
  for (const l of logs) day(l.date).exercises.push(l);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
}
