import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { activities, athleteStatusHistory, athletes, checkIns, clinics, exerciseLogs, exercises, ladderSteps, programItemEvents, programItems, runStages, runningPrescriptions, stageAssignments, users, type Athlete } from "@/db/schema";
import { addDays, localDateOf, todayIn } from "@/lib/domain/dates";
import { indexHistory } from "@/lib/domain/history";
import { capsOn } from "@/lib/domain/week-so-far";
import type { LadderRung } from "@/lib/domain/ladder";
import type { ItemStep } from "@/lib/domain/progression";
import type { ReturnToRunPlan, RunStage, StageAssignment } from "@/lib/domain/return-to-run";
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
  /** The assigned trainer's name, when they are still on the clinic's staff. */
  trainerName: string | null;
  /** athletes.data_version: changes with every write to the athlete's records (drizzle/0007 and 0009). */
  dataVersion: number;
  /** §2c: the trainer lets the athlete step up a running stage alone when step up holds. */
  rtrMayStepUp: boolean;
};

export type ProgramItemRef = {
  id: string;
  name: string;
  status: "active" | "paused";
  sets: number;
  daysPerWeek: number;
  /** Oldest first: the exercise it started on, then one per progress or regress (progression.ts). */
  steps: ItemStep[];
  /** The live rungs of the current exercise's ladder as this clinic sees it; null when on none. */
  rungs: LadderRung[] | null;
};

export type PrescriptionPeriod = { fromDate: IsoDate; weeklyDistanceCapM: number; longestRunCapM: number };

export type StatusPeriod = { fromDate: IsoDate; status: AthleteStatus };

export type LoadedRecords = {
  athlete: AthleteContext;
  history: History;
  exerciseLogs: ExerciseLog[];
  programItems: ProgramItemRef[];
  /** Oldest first; each applies from its local date until the next one. */
  prescriptions: PrescriptionPeriod[];
  /** Oldest first, likewise (athlete_status_history). */
  statuses: StatusPeriod[];
  /** §2c: the running ladder of the latest stage assignment and every assignment; null when never on one. */
  returnToRun: (ReturnToRunPlan & { ladderId: string }) | null;
};

const contextColumns = {
  name: athletes.name,
  status: athletes.status,
  tz: athletes.timeZone,
  clinicTz: clinics.timeZone,
  createdAt: athletes.createdAt,
  unit: users.unit,
  trainerName: users.name,
  dataVersion: athletes.dataVersion,
  rtrMayStepUp: athletes.rtrMayStepUp,
};

function contextQuery(db: Conn) {
  const clinicId = sql.placeholder("clinicId");
  return db
    // the whole row too, so a page's profile read shares this one (athletes.ts getAthleteOnce)
    .select({ ...contextColumns, athlete: athletes })
    .from(athletes)
    .innerJoin(clinics, eq(clinics.id, athletes.clinicId))
    .leftJoin(users, and(eq(users.id, athletes.trainerId), eq(users.clinicId, clinicId)))
    .where(and(eq(athletes.id, sql.placeholder("athleteId")), eq(athletes.clinicId, clinicId)))
    .prepare("athlete_context");
}

/**
 * The same, with the evaluation's marks, locking the athlete's row (FOR NO KEY UPDATE, the lock the
 * triggers' UPDATE of it takes): an evaluation's first statement (lib/data/derived/evaluate.ts).
 */
function lockedContextQuery(db: Conn) {
  const clinicId = sql.placeholder("clinicId");
  return db
    .select({ ...contextColumns, evaluatedThrough: athletes.evaluatedThrough, alertsFrom: athletes.alertsFrom })
    .from(athletes)
    .innerJoin(clinics, eq(clinics.id, athletes.clinicId))
    .leftJoin(users, and(eq(users.id, athletes.trainerId), eq(users.clinicId, clinicId)))
    .where(and(eq(athletes.id, sql.placeholder("athleteId")), eq(athletes.clinicId, clinicId)))
    .for("no key update", { of: athletes })
    .prepare("athlete_context_locked");
}

/**
 * The context query, built once per database handle (or transaction) and named, so that the most
 * frequent query of the app (every series read, status and write) skips drizzle's SQL building
 * and, on each pooled connection after the first use, PostgreSQL's parse and plan.
 */
const preparedContext = new WeakMap<Conn, ReturnType<typeof contextQuery>>();
const preparedLockedContext = new WeakMap<Conn, ReturnType<typeof lockedContextQuery>>();

type ContextRow = Omit<Awaited<ReturnType<ReturnType<typeof contextQuery>["execute"]>>[number], "athlete">;

function contextOf(clinicId: string, athleteId: string, row: ContextRow): AthleteContext {
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
    trainerName: row.trainerName ?? null,
    dataVersion: row.dataVersion,
    rtrMayStepUp: row.rtrMayStepUp,
  };
}

/** The athlete as the rules read them, by clinic id: athleteAccess checks the caller first; system tasks (evaluation) call it directly. */
export async function loadAthleteContext(db: Conn, clinicId: string, athleteId: string): Promise<AthleteContext> {
  return (await loadAthleteWithContext(db, clinicId, athleteId)).context;
}

/** The same one read, with the athlete's whole row (for a profile). */
export async function loadAthleteWithContext(db: Conn, clinicId: string, athleteId: string): Promise<{ context: AthleteContext; athlete: Athlete }> {
  let query = preparedContext.get(db);
  if (!query) preparedContext.set(db, (query = contextQuery(db)));
  const [row] = await query.execute({ clinicId, athleteId });
  if (!row) throw notFound("Athlete");
  return { context: contextOf(clinicId, athleteId, row), athlete: row.athlete };
}

/**
 * The context and the evaluation's marks (athletes.evaluated_through, alerts_from) in one statement
 * that locks the athlete's row for the rest of the transaction; null when the athlete is not there.
 */
export async function lockAthleteContext(tx: Tx, clinicId: string, athleteId: string): Promise<{ athlete: AthleteContext; evaluatedThrough: IsoDate | null; alertsFrom: IsoDate | null } | null> {
  let query = preparedLockedContext.get(tx);
  if (!query) preparedLockedContext.set(tx, (query = lockedContextQuery(tx)));
  const [row] = await query.execute({ clinicId, athleteId });
  if (!row) return null;
  return { athlete: contextOf(clinicId, athleteId, row), evaluatedThrough: row.evaluatedThrough, alertsFrom: row.alertsFrom };
}

/** The check-in's red-flag columns, in the order CheckInRow reads them. */
const RED_FLAG_COLUMNS = [checkIns.clicking, checkIns.locking, checkIns.givingWay, checkIns.swelling, checkIns.nightPain, checkIns.cannotBearWeight, checkIns.hotRedFever];

/** `coalesce(json_agg(json_build_array(…) order by …), '[]')`: one JSON array of arrays per table. */
const arrays = (columns: SQL[], order: SQL) => sql`coalesce(json_agg(json_build_array(${sql.join(columns, sql`, `)}) order by ${order}), '[]'::json)`;

type CheckInRow = [date: IsoDate, morningPain: number | null, tape: boolean, ...flags: [boolean, boolean, boolean, boolean, boolean, boolean, boolean], recordedAtMs: number];
type ActivityRow = [
  id: string,
  date: IsoDate,
  type: Activity["type"],
  durationSec: number,
  distanceM: number | null,
  rpe: number,
  painDuring: number | null,
  painAfter: number | null,
  stageId: string | null,
  outcome: Activity["outcome"],
  stopReason: Activity["stopReason"],
  stoppedAtRepeat: number | null,
  runningSec: number | null,
  recordedAtMs: number,
];
type AssignmentRow = [stageId: string, date: IsoDate, byTrainer: boolean, madeAtMs: number, ladderId: string];
type StageRow = [id: string, runMin: number, walkMin: number, repeats: number, sessionsPerWeek: number];
type LogRow = [itemId: string, date: IsoDate, setsDone: number, setsPrescribed: number, exercisePain: number | null, couldNotFinish: boolean, loggedAtMs: number];
type StepRow = [fromExerciseId: string | null, fromName: string | null, toExerciseId: string, toName: string, atMs: number];
type RungRow = [exerciseId: string, position: number, archived: boolean];
type ItemRow = [id: string, name: string, status: "active" | "paused", sets: number, daysPerWeek: number, exerciseId: string, steps: StepRow[], rungs: RungRow[] | null];
type PrescriptionRow = [weeklyM: number, longestM: number, createdAtMs: number];
type RecordsRow = { check_ins: CheckInRow[]; activities: ActivityRow[]; logs: LogRow[]; items: ItemRow[]; prescriptions: PrescriptionRow[]; statuses: [AthleteStatus, IsoDate][]; older: [IsoDate, number][]; assignments: AssignmentRow[]; stages: StageRow[] };

/**
 * The records statement (see loadAthleteRecords), with placeholders for the clinic, the athlete and
 * the dates, built once per database handle and named: it is the app's largest statement (every
 * write's evaluation, every chart computed from records, the athlete page), and PostgreSQL spent
 * more time planning it (about 4 ms) than running it. Named, each pooled connection parses it once
 * and, after its first executions, reuses the plan.
 */
function recordsQuery(db: Conn, olderLoads: boolean) {
  const clinicId = sql.placeholder("clinicId");
  const athleteId = sql.placeholder("athleteId");
  const start = sql`${sql.placeholder("start")}::date`;
  const to = sql`${sql.placeholder("to")}::date`;
  const ofAthlete = (t: typeof checkIns | typeof activities | typeof exerciseLogs | typeof programItems | typeof runningPrescriptions | typeof athleteStatusHistory | typeof stageAssignments) =>
    sql`${t.clinicId} = ${clinicId} and ${t.athleteId} = ${athleteId}`;
  const epochMs = (c: typeof exerciseLogs.createdAt | typeof programItemEvents.createdAt | typeof checkIns.updatedAt | typeof activities.updatedAt | typeof stageAssignments.createdAt) =>
    sql`floor(extract(epoch from ${c}) * 1000)`;
  const fromEx = sql.raw("from_ex");
  const toEx = sql.raw("to_ex");
  // each item's steps (progress/regress events, oldest first) with both exercises' names
  const steps = sql`(select coalesce(json_agg(json_build_array(${programItemEvents.fromExerciseId}, ${fromEx}.name, ${programItemEvents.toExerciseId}, ${toEx}.name, ${epochMs(programItemEvents.createdAt)})
                            order by ${programItemEvents.createdAt}, ${programItemEvents.id}), '[]'::json)
       from ${programItemEvents}
       left join ${exercises} ${fromEx} on ${fromEx}.id = ${programItemEvents.fromExerciseId}
       join ${exercises} ${toEx} on ${toEx}.id = ${programItemEvents.toExerciseId}
      where ${programItemEvents.clinicId} = ${clinicId} and ${programItemEvents.itemId} = ${programItems.id}
        and ${programItemEvents.kind} in ('progressed', 'regressed'))`;
  // the rungs of the current exercise's ladder this clinic sees (lib/data/library-scope.ts loadLadders)
  const rung = sql.raw("rung");
  const mine = sql.raw("mine");
  const rungEx = sql.raw("rung_ex");
  const rungs = sql`(select json_agg(json_build_array(${rung}.exercise_id, ${rung}.position, ${rungEx}.archived_at is not null))
       from ${ladderSteps} ${mine}
       join ${ladderSteps} ${rung} on ${rung}.ladder_id = ${mine}.ladder_id
       join ${exercises} ${rungEx} on ${rungEx}.id = ${rung}.exercise_id
      where ${mine}.exercise_id = ${programItems.exerciseId}
        and (${rung}.clinic_id is null or ${rung}.clinic_id = ${clinicId})
        and (${rungEx}.clinic_id is null or ${rungEx}.clinic_id = ${clinicId}))`;
  // days before the window: load per date (check-in-only days as 0), for EWMA
  const older = olderLoads
    ? sql`(select coalesce(json_agg(json_build_array(d.date, d.load)), '[]'::json) from (
          select date, sum(load)::float8 as load from (
            select ${activities.date} as date, ${activities.durationSec} / 60.0 * ${activities.rpe} as load from ${activities}
             where ${ofAthlete(activities)} and ${activities.archivedAt} is null and ${activities.date} < ${start}
            union all
            select ${checkIns.date}, 0 from ${checkIns} where ${ofAthlete(checkIns)} and ${checkIns.date} < ${start}
          ) l group by date) d)`
    : sql`'[]'::json`;
  return db
    .select({
      check_ins: sql<RecordsRow["check_ins"]>`
      (select ${arrays([...[checkIns.date, checkIns.morningPain, checkIns.tapeYesterday, ...RED_FLAG_COLUMNS].map((c) => sql`${c}`), epochMs(checkIns.updatedAt)], sql`${checkIns.date}`)}
         from ${checkIns} where ${ofAthlete(checkIns)} and ${checkIns.date} between ${start} and ${to})`,
      activities: sql<RecordsRow["activities"]>`
      (select ${arrays(
        [
          ...[
            activities.id,
            activities.date,
            activities.type,
            activities.durationSec,
            activities.distanceM,
            activities.rpe,
            activities.painDuring,
            activities.painAfter,
            activities.stageId,
            activities.sessionOutcome,
            activities.stopReason,
            activities.stoppedAtRepeat,
            activities.runningSec,
          ].map((c) => sql`${c}`),
          epochMs(activities.updatedAt),
        ],
        // same date and start time (two sessions logged without a time both start at noon): the one
        // entered later is the later one, so "the latest session" (§2c) never depends on row order
        sql`${activities.date}, ${activities.startedAt}, ${activities.createdAt}, ${activities.id}`,
      )}
         from ${activities} where ${ofAthlete(activities)} and ${activities.archivedAt} is null and ${activities.date} between ${start} and ${to})`,
      logs: sql<RecordsRow["logs"]>`
      (select ${arrays(
        [...[exerciseLogs.programItemId, exerciseLogs.date, exerciseLogs.setsDone, exerciseLogs.setsPrescribed, exerciseLogs.exercisePain, exerciseLogs.couldNotFinish].map((c) => sql`${c}`), epochMs(exerciseLogs.createdAt)],
        sql`${exerciseLogs.date}, ${exerciseLogs.createdAt}`,
      )}
         from ${exerciseLogs} where ${ofAthlete(exerciseLogs)} and ${exerciseLogs.archivedAt} is null and ${exerciseLogs.date} between ${start} and ${to})`,
      items: sql<RecordsRow["items"]>`
      (select ${arrays(
        [...[programItems.id, exercises.name, programItems.status, programItems.sets, programItems.daysPerWeek, programItems.exerciseId].map((c) => sql`${c}`), steps, rungs],
        sql`${programItems.position}, ${programItems.createdAt}`,
      )}
         from ${programItems} join ${exercises} on ${exercises.id} = ${programItems.exerciseId}
        where ${ofAthlete(programItems)} and ${programItems.status} <> 'removed')`,
      prescriptions: sql<RecordsRow["prescriptions"]>`
      (select ${arrays(
        [sql`${runningPrescriptions.weeklyDistanceM}`, sql`${runningPrescriptions.longestRunM}`, sql`floor(extract(epoch from ${runningPrescriptions.createdAt}) * 1000)`],
        sql`${runningPrescriptions.createdAt}`,
      )}
         from ${runningPrescriptions} where ${ofAthlete(runningPrescriptions)})`,
      statuses: sql<RecordsRow["statuses"]>`
      (select ${arrays([sql`${athleteStatusHistory.status}`, sql`${athleteStatusHistory.fromDate}`], sql`${athleteStatusHistory.fromDate}, ${athleteStatusHistory.createdAt}`)}
         from ${athleteStatusHistory} where ${ofAthlete(athleteStatusHistory)})`,
      assignments: sql<RecordsRow["assignments"]>`
      (select ${arrays(
        [...[stageAssignments.stageId, stageAssignments.date, stageAssignments.byTrainer].map((c) => sql`${c}`), epochMs(stageAssignments.createdAt), sql`${stageAssignments.ladderId}`],
        sql`${stageAssignments.date}, ${stageAssignments.createdAt}`,
      )}
         from ${stageAssignments} where ${ofAthlete(stageAssignments)} and ${stageAssignments.stageId} is not null)`,
      stages: sql<RecordsRow["stages"]>`
      -- the live stages of the ladder of the latest assignment, easiest first
      (select ${arrays([runStages.id, runStages.runMin, runStages.walkMin, runStages.repeats, runStages.sessionsPerWeek].map((c) => sql`${c}`), sql`${runStages.position}`)}
         from ${runStages}
        where ${runStages.archivedAt} is null and ${runStages.ladderId} = (
          select ${stageAssignments.ladderId} from ${stageAssignments} where ${ofAthlete(stageAssignments)}
           order by ${stageAssignments.date} desc, ${stageAssignments.createdAt} desc limit 1))`,
      older: sql<RecordsRow["older"]>`${older}`,
    })
    .from(athletes)
    // a join as well as the athlete's row: drizzle writes the columns of a one-table select without
    // their table's name, which the subqueries above (several tables with an id) cannot afford
    .innerJoin(clinics, eq(clinics.id, athletes.clinicId))
    .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, clinicId)))
    .prepare(olderLoads ? "athlete_records_older" : "athlete_records");
}

const preparedRecords = { plain: new WeakMap<Conn, ReturnType<typeof recordsQuery>>(), older: new WeakMap<Conn, ReturnType<typeof recordsQuery>>() };

/**
 * One athlete's records for from…to plus LOOKBACK_DAYS before, in the engine's shape, read in one
 * statement: each table's rows come back as one JSON array (parsed natively by the driver), which
 * costs the server a fraction of what seven row-by-row result sets did. With `olderLoads` (the
 * chart, whose EWMA runs from the first day with data), earlier days add their daily load, summed
 * in SQL; no alert or suggestion reads them, so the write path skips that scan.
 */
export async function loadAthleteRecords(
  db: Conn,
  athlete: AthleteContext,
  from: IsoDate,
  to: IsoDate,
  { olderLoads = false }: { olderLoads?: boolean } = {},
): Promise<LoadedRecords> {
  const cache = olderLoads ? preparedRecords.older : preparedRecords.plain;
  let query = cache.get(db);
  if (!query) cache.set(db, (query = recordsQuery(db, olderLoads)));
  const [row] = await query.execute({ clinicId: athlete.clinicId, athleteId: athlete.athleteId, start: addDays(from, -LOOKBACK_DAYS), to });
  if (!row) throw notFound("Athlete");

  const history = indexHistory({
    checkIns: row.check_ins.map(([date, morningPain, tape, clicking, locking, givingWay, swelling, nightPain, cannotBearWeight, hotRedFever, recordedAtMs]): CheckIn => ({
      date,
      morningPain,
      tape,
      recordedAtMs,
      redFlags: { clicking, locking, giving_way: givingWay, swelling, night_pain: nightPain, cannot_bear_weight: cannotBearWeight, hot_red_fever: hotRedFever },
    })),
    activities: row.activities.map(
      ([id, date, type, durationSec, distanceM, rpe, painDuring, painAfter, stageId, outcome, stopReason, stoppedAtRepeat, runningSec, recordedAtMs]): Activity => ({
        id,
        date,
        type,
        durationSec,
        distanceM,
        rpe,
        painDuring,
        painAfter,
        stageId,
        outcome,
        stopReason,
        stoppedAtRepeat,
        runningSec,
        recordedAtMs,
      }),
    ),
  });
  if (row.older.length > 0) {
    const loads = new Map(history.loads);
    for (const [date, load] of row.older) loads.set(date, load);
    let first = history.firstDataDate;
    for (const date of loads.keys()) if (first === null || date < first) first = date;
    Object.assign(history, { loads, firstDataDate: first });
  }

  return {
    athlete,
    history,
    exerciseLogs: row.logs.map(([itemId, date, setsDone, setsPrescribed, exercisePain, couldNotFinish, loggedAtMs]) => ({ itemId, date, setsDone, setsPrescribed, exercisePain, couldNotFinish, loggedAtMs })),
    programItems: row.items.map(([id, name, status, sets, daysPerWeek, exerciseId, stepRows, rungRows]) => ({
      id,
      name,
      status,
      sets,
      daysPerWeek,
      steps: itemSteps({ exerciseId, name }, stepRows, athlete.timeZone),
      rungs: rungRows?.map(([exerciseId, position, archived]) => ({ exerciseId, position, archived })) ?? null,
    })),
    prescriptions: row.prescriptions.map(([weekly, longest, atMs]) => ({
      fromDate: localDateOf(new Date(atMs), athlete.timeZone),
      weeklyDistanceCapM: weekly,
      longestRunCapM: longest,
    })),
    statuses: row.statuses.map(([status, fromDate]) => ({ status, fromDate })),
    returnToRun: returnToRunPlan(row, athlete),
  };
}

function returnToRunPlan(row: RecordsRow, athlete: AthleteContext): LoadedRecords["returnToRun"] {
  const last = row.assignments.at(-1);
  if (!last) return null;
  const assignments = row.assignments.map(([stageId, date, byTrainer, madeAtMs]): StageAssignment => ({ stageId, date, byTrainer, madeAtMs }));
  const stages = row.stages.map(([id, runMin, walkMin, repeats, sessionsPerWeek]): RunStage => ({ id, runMin, walkMin, repeats, sessionsPerWeek }));
  return { ladderId: last[4], stages, assignments, athleteMayStepUp: athlete.rtrMayStepUp };
}

/**
 * An item's steps from its progress/regress events: before the first, the exercise that event
 * moved from (the item's current one when it never moved); after each, the one it moved to,
 * from the event's local date and moment.
 */
function itemSteps(current: { exerciseId: string; name: string }, rows: readonly StepRow[], timeZone: string): ItemStep[] {
  const [fromId, fromName] = rows[0] ?? [];
  const first: ItemStep = { exerciseId: fromId ?? current.exerciseId, name: fromName ?? current.name, from: null, startedAtMs: null };
  return [first, ...rows.map(([, , exerciseId, name, atMs]): ItemStep => ({ exerciseId, name, from: localDateOf(new Date(atMs), timeZone), startedAtMs: atMs }))];
}

/**
 * The status in force on d: the latest change dated on or before d (several on one date: the last
 * made). Before the first recorded change, the first one (the status the athlete was added with).
 */
export function statusOn(periods: readonly StatusPeriod[], d: IsoDate, fallback: AthleteStatus): AthleteStatus {
  let found: StatusPeriod | null = null;
  for (const p of periods) if (p.fromDate <= d) found = p;
  return (found ?? periods[0])?.status ?? fallback;
}

/** The prescription in effect on d (the newest set on or before d), or null. */
export function prescriptionOn(periods: readonly PrescriptionPeriod[], d: IsoDate): Prescription {
  const caps = capsOn(periods, d);
  return caps ? { weeklyDistanceCapM: caps.weeklyM, longestRunCapM: caps.longestM } : null;
}
