import "server-only";
import { and, asc, eq, gte, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { activities, athletes, checkIns, clinics, exerciseLogs, exercises, programItems, runningPrescriptions, users } from "@/db/schema";
import { isTrainerScope, type Scope } from "@/lib/auth/scope";
import { addDays, localDateOf, todayIn } from "@/lib/domain/dates";
import { indexHistory } from "@/lib/domain/history";
import type { Activity, AthleteStatus, CheckIn, DistanceUnit, ExerciseLog, History, IsoDate, Prescription } from "@/lib/domain/types";
import { notFound } from "@/lib/errors";

type Conn = Db | Tx;

/**
 * How far before the first requested date raw records are read. The longest §2a window is the
 * tolerated load: 8 Mon–Sun weeks before d's week (up to 62 days), each of whose days asks for
 * the traffic light, which looks back 13 days more. 84 days (12 weeks) covers it; spike (30),
 * chronic (28) and the weekly trend (13) fit inside.
 */

/** The activity columns the clinical engine reads (lib/domain Activity), for every loader. */
export const engineActivityColumns = {
  id: activities.id,
  date: activities.date,
  type: activities.type,
  durationSec: activities.durationSec,
  distanceM: activities.distanceM,
  rpe: activities.rpe,
  painDuring: activities.painDuring,
  painAfter: activities.painAfter,
};

export const LOOKBACK_DAYS = 84;

export type AthleteContext = {
  athleteId: string;
  clinicId: string;
  name: string;
  status: AthleteStatus;
  timeZone: string;
  today: IsoDate;
  /** The local date the athlete joined the roster: no missed-check-in alert before it. */
  trackedSince: IsoDate;
  /** The assigned trainer's km/mi preference, used for stored alert reasons. */
  unit: DistanceUnit;
  /** athletes.data_version: changes with every write to the athlete's records (drizzle/0007). */
  dataVersion: number;
};

export type ProgramItemRef = { id: string; name: string; status: "active" | "paused"; sets: number; daysPerWeek: number };

export type PrescriptionPeriod = { fromDate: IsoDate; weeklyDistanceCapM: number; longestRunCapM: number };

export type LoadedRecords = {
  athlete: AthleteContext;
  history: History;
  exerciseLogs: ExerciseLog[];
  programItems: ProgramItemRef[];
  /** Oldest first; each applies from its local date until the next one. */
  prescriptions: PrescriptionPeriod[];
};

/**
 * The athlete a caller may read: a trainer, any athlete of their clinic; an athlete, only
 * themselves. Another clinic's athlete, or someone else's, is "not found".
 */
export async function athleteContext(db: Conn, scope: Scope, athleteId: string): Promise<AthleteContext> {
  if (!isTrainerScope(scope) && scope.athleteId !== athleteId) throw notFound("Athlete");
  return loadAthleteContext(db, scope.clinicId, athleteId);
}

/** For internal callers that already hold a clinic id (the write paths recomputing alerts). */
export async function loadAthleteContext(db: Conn, clinicId: string, athleteId: string): Promise<AthleteContext> {
  const [row] = await db
    .select({
      name: athletes.name,
      status: athletes.status,
      tz: athletes.timeZone,
      clinicTz: clinics.timeZone,
      createdAt: athletes.createdAt,
      unit: users.unit,
      dataVersion: athletes.dataVersion,
    })
    .from(athletes)
    .innerJoin(clinics, eq(clinics.id, athletes.clinicId))
    .leftJoin(users, and(eq(users.id, athletes.trainerId), eq(users.clinicId, clinicId)))
    .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, clinicId)));
  if (!row) throw notFound("Athlete");
  const timeZone = row.tz ?? row.clinicTz;
  return {
    athleteId,
    clinicId,
    name: row.name,
    status: row.status,
    timeZone,
    today: todayIn(timeZone),
    trackedSince: localDateOf(row.createdAt, timeZone),
    unit: row.unit ?? "km",
    dataVersion: row.dataVersion,
  };
}

/** The check-in columns the engine reads: no notes or timestamps to parse for a year of rows. */
const engineCheckInColumns = {
  date: checkIns.date,
  morningPain: checkIns.morningPain,
  clicking: checkIns.clicking,
  locking: checkIns.locking,
  givingWay: checkIns.givingWay,
  swelling: checkIns.swelling,
  nightPain: checkIns.nightPain,
  cannotBearWeight: checkIns.cannotBearWeight,
  hotRedFever: checkIns.hotRedFever,
  tapeYesterday: checkIns.tapeYesterday,
};

type EngineCheckInRow = { [K in keyof typeof engineCheckInColumns]: (typeof checkIns.$inferSelect)[K] };

const flagsOf = (r: EngineCheckInRow): CheckIn["redFlags"] => ({
  clicking: r.clicking,
  locking: r.locking,
  giving_way: r.givingWay,
  swelling: r.swelling,
  night_pain: r.nightPain,
  cannot_bear_weight: r.cannotBearWeight,
  hot_red_fever: r.hotRedFever,
});

/** Load per date before `before` (check-in-only days as 0), aggregated in SQL. */
async function olderDailyLoads(db: Conn, clinicId: string, athleteId: string, before: IsoDate): Promise<{ date: string; load: number }[]> {
  const result = await db.execute<{ date: string; load: number }>(sql`
    select date::text as date, sum(load)::float8 as load from (
        select ${activities.date} as date, ${activities.durationSec} / 60.0 * ${activities.rpe} as load
          from ${activities}
          where ${activities.clinicId} = ${clinicId} and ${activities.athleteId} = ${athleteId}
            and ${activities.archivedAt} is null and ${activities.date} < ${before}
        union all
        select ${checkIns.date}, 0 from ${checkIns}
          where ${checkIns.clinicId} = ${clinicId} and ${checkIns.athleteId} = ${athleteId} and ${checkIns.date} < ${before}
      ) d group by date`);
  return result.rows;
}

/**
 * One athlete's records for from…to plus LOOKBACK_DAYS before, in the engine's shape. With
 * `olderLoads` (the chart, whose EWMA runs from the first day with data), earlier days add their
 * daily load, summed in SQL; no alert or suggestion reads them, so the write path skips that scan.
 */
export async function loadAthleteRecords(
  db: Conn,
  athlete: AthleteContext,
  from: IsoDate,
  to: IsoDate,
  { olderLoads: withOlderLoads = false }: { olderLoads?: boolean } = {},
): Promise<LoadedRecords> {
  const { clinicId, athleteId } = athlete;
  const start = addDays(from, -LOOKBACK_DAYS);
  const [checkInRows, activityRows, logRows, itemRows, prescriptionRows, olderLoads] = await Promise.all([
    db
      .select(engineCheckInColumns)
      .from(checkIns)
      .where(and(eq(checkIns.clinicId, clinicId), eq(checkIns.athleteId, athleteId), gte(checkIns.date, start), lte(checkIns.date, to))),
    db
      .select(engineActivityColumns)
      .from(activities)
      .where(and(eq(activities.clinicId, clinicId), eq(activities.athleteId, athleteId), isNull(activities.archivedAt), gte(activities.date, start), lte(activities.date, to)))
      .orderBy(asc(activities.date), asc(activities.startedAt)),
    db
      .select({
        itemId: exerciseLogs.programItemId,
        date: exerciseLogs.date,
        setsDone: exerciseLogs.setsDone,
        setsPrescribed: exerciseLogs.setsPrescribed,
        exercisePain: exerciseLogs.exercisePain,
        couldNotFinish: exerciseLogs.couldNotFinish,
      })
      .from(exerciseLogs)
      .where(and(eq(exerciseLogs.clinicId, clinicId), eq(exerciseLogs.athleteId, athleteId), isNull(exerciseLogs.archivedAt), gte(exerciseLogs.date, start), lte(exerciseLogs.date, to)))
      .orderBy(asc(exerciseLogs.date), asc(exerciseLogs.createdAt)),
    db
      .select({ id: programItems.id, name: exercises.name, status: programItems.status, sets: programItems.sets, daysPerWeek: programItems.daysPerWeek })
      .from(programItems)
      .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
      .where(and(eq(programItems.clinicId, clinicId), eq(programItems.athleteId, athleteId), ne(programItems.status, "removed")))
      .orderBy(asc(programItems.position), asc(programItems.createdAt)),
    db
      .select({ weekly: runningPrescriptions.weeklyDistanceM, longest: runningPrescriptions.longestRunM, at: runningPrescriptions.createdAt })
      .from(runningPrescriptions)
      .where(and(eq(runningPrescriptions.clinicId, clinicId), eq(runningPrescriptions.athleteId, athleteId)))
      .orderBy(asc(runningPrescriptions.createdAt)),
    // days before the window: load per date (check-in-only days as 0), for EWMA
    withOlderLoads ? olderDailyLoads(db, clinicId, athleteId, start) : [],
  ]);

  const history = indexHistory({
    checkIns: checkInRows.map((r) => ({ date: r.date, morningPain: r.morningPain, redFlags: flagsOf(r), tape: r.tapeYesterday })),
    activities: activityRows.map((a): Activity => ({ ...a, distanceM: a.distanceM ?? null })),
  });
  const older = olderLoads;
  if (older.length > 0) {
    const loads = new Map(history.loads);
    for (const r of older) loads.set(String(r.date).slice(0, 10), Number(r.load));
    let first = history.firstDataDate;
    for (const date of loads.keys()) if (first === null || date < first) first = date;
    Object.assign(history, { loads, firstDataDate: first });
  }

  return {
    athlete,
    history,
    exerciseLogs: logRows,
    programItems: itemRows.map((i) => ({ ...i, status: i.status as "active" | "paused" })),
    prescriptions: prescriptionRows.map((p) => ({
      fromDate: localDateOf(p.at, athlete.timeZone),
      weeklyDistanceCapM: p.weekly,
      longestRunCapM: p.longest,
    })),
  };
}

/** The prescription in effect on d (the newest set on or before d), or null. */
export function prescriptionOn(periods: readonly PrescriptionPeriod[], d: IsoDate): Prescription {
  let found: PrescriptionPeriod | null = null;
  for (const p of periods) if (p.fromDate <= d) found = p;
  return found ? { weeklyDistanceCapM: found.weeklyDistanceCapM, longestRunCapM: found.longestRunCapM } : null;
}
