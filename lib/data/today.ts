import "server-only";
import { and, desc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checkIns, exerciseLogs } from "@/db/schema";
import type { AthleteScope } from "@/lib/auth/scope";
import type { AthleteAdvice } from "@/lib/domain/advice";
import { addDays } from "@/lib/domain/dates";
import { runningPain } from "@/lib/domain/pain";
import { formatDistance } from "@/lib/domain/units";
import { weekSoFar, type WeekSoFar } from "@/lib/domain/week-so-far";
import { ACTIVITY_LABELS } from "@/lib/validation/reporting";
import { listActivities, type ActivityView } from "./activities";
import { toCheckInView, type CheckInView } from "./check-ins";
import { getMe } from "./clinics";
import { getCurrentPrescription, type PrescriptionView } from "./prescriptions";
import { returnToRunOn } from "./return-to-run";
import { getProgram, type ProgramItemView } from "./programs";
import { athleteAccess } from "./access";
import { adviceFrom, listUnresolvedRedFlags } from "./advice";
import { loadAthleteRecords } from "./athlete-records";
import { runEntriesBetween } from "./running-caps";

export type TodayItem = ProgramItemView & { doneToday: { setsDone: number; exercisePain: number | null; couldNotFinish: boolean } | null };

export type TodayView = {
  today: string;
  unit: "km" | "mi";
  checkIn: CheckInView | null;
  items: TodayItem[];
  activities: ActivityView[];
  prescription: PrescriptionView | null;
  yesterday: string;
  /** What to do about running today (DESIGN §2a Athlete advice). */
  advice: AthleteAdvice;
  /** Running over §2a's week (today−6…today) against the caps in force today. */
  weekSoFar: WeekSoFar;
  /** On a return-to-run ladder today (§2c): the stage replaces the distance prescription. */
  onLadder: boolean;
};

/** Everything the athlete's home needs, in a handful of queries. */
export async function getToday(scope: AthleteScope): Promise<TodayView> {
  const db = getDb();
  const target = await athleteAccess(scope, scope.athleteId, { write: true, db });
  const { today } = target;
  const yesterday = addDays(today, -1);
  const [me, program, prescription, checkInRows, logs, recent, loaded, unresolvedRedFlags] = await Promise.all([
    getMe(scope),
    getProgram(scope, scope.athleteId),
    getCurrentPrescription(scope, scope.athleteId),
    db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.clinicId, scope.clinicId), eq(checkIns.athleteId, scope.athleteId), inArray(checkIns.date, [today, yesterday]))),
    db
      .select()
      .from(exerciseLogs)
      .where(and(eq(exerciseLogs.clinicId, scope.clinicId), eq(exerciseLogs.athleteId, scope.athleteId), isNull(exerciseLogs.archivedAt), gte(exerciseLogs.date, yesterday), lte(exerciseLogs.date, today)))
      .orderBy(desc(exerciseLogs.createdAt)),
    listActivities(scope, scope.athleteId, { from: yesterday, to: today }),
    loadAthleteRecords(db, target, today, today),
    listUnresolvedRedFlags(db, target.clinicId, target.athleteId),
  ]);
  const checkIn = checkInRows.find((c) => c.date === today);
  const items = program.items
    .filter((i) => i.status === "active")
    .map((i): TodayItem => {
      const log = logs.find((l) => l.programItemId === i.id && l.date === today);
      return { ...i, doneToday: log ? { setsDone: log.setsDone, exercisePain: log.exercisePain, couldNotFinish: log.couldNotFinish } : null };
    });
  const summary = summariseDay({
    activities: recent.filter((a) => a.date === yesterday),
    exercisesDone: logs.filter((l) => l.date === yesterday).length,
    morningPain: checkInRows.find((c) => c.date === yesterday)?.morningPain ?? null,
    unit: me.unit,
  });
  return {
    today,
    unit: me.unit,
    checkIn: checkIn ? toCheckInView(checkIn) : null,
    items,
    activities: recent.filter((a) => a.date === today),
    prescription,
    yesterday: summary,
    advice: adviceFrom(loaded, today, unresolvedRedFlags),
    weekSoFar: weekSoFar(runEntriesBetween(loaded.history, addDays(today, -6), today), loaded.prescriptions, today),
    onLadder: returnToRunOn(loaded, today) !== null,
  };
}

/** One line about a day, in plain words. */
export function summariseDay(d: { activities: ActivityView[]; exercisesDone: number; morningPain: number | null; unit: "km" | "mi" }): string {
  const parts: string[] = [];
  for (const a of d.activities) {
    const label = ACTIVITY_LABELS[a.type].toLowerCase();
    const distance = a.distanceM ? `${formatDistance(a.distanceM, d.unit)} ` : "";
    const minutes = Math.round(a.durationSec / 60);
    const pain = runningPain(a);
    parts.push(`${distance}${label} (${minutes} min, effort ${a.rpe}${pain !== null ? `, pain up to ${pain}` : ""})`);
  }
  if (d.exercisesDone) parts.push(`${d.exercisesDone} exercise${d.exercisesDone === 1 ? "" : "s"} done`);
  if (d.morningPain !== null) parts.push(`morning pain ${d.morningPain}/10`);
  return parts.length ? `Yesterday: ${parts.join("; ")}.` : "Nothing was logged yesterday.";
}
