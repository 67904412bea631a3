import "server-only";
import { and, desc, eq, gte, isNull } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { exerciseLogs, exercises, programItems } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { conflict, notFound } from "@/lib/errors";
import type { ExerciseLogInput } from "@/lib/validation/reporting";
import { writeAudit, writeAudited } from "./audit";
import { bringUpToDate } from "./derived/evaluate";
import { athleteAccess } from "./access";
import { assertEditable, assertReportDate } from "./report-rules";

export type ExerciseLogView = {
  id: string;
  programItemId: string;
  exerciseName: string;
  date: string;
  setsDone: number;
  setsPrescribed: number;
  exercisePain: number | null;
  couldNotFinish: boolean;
  clientId: string;
};

const columns = {
  id: exerciseLogs.id,
  programItemId: exerciseLogs.programItemId,
  exerciseName: exercises.name,
  date: exerciseLogs.date,
  setsDone: exerciseLogs.setsDone,
  setsPrescribed: exerciseLogs.setsPrescribed,
  exercisePain: exerciseLogs.exercisePain,
  couldNotFinish: exerciseLogs.couldNotFinish,
  clientId: exerciseLogs.clientId,
};

const { exerciseName: _exerciseName, ...insertedColumns } = columns;

/** Ticks an exercise off; stored once per client id, so a double tap is one log. */
export async function recordExerciseLog(scope: Scope, input: ExerciseLogInput): Promise<{ log: ExerciseLogView; created: boolean; athleteId: string; date: string }> {
  const db = getDb();
  const target = await athleteAccess(scope, input.athleteId, { write: true, db });
  // a retry answers with what the first submit stored, whatever its date (the date rules are for new writes)
  const earlier = await storedLog(db, target.clinicId, target.athleteId, input.clientId);
  if (earlier) return earlier;
  const date = input.date ?? target.today;
  assertReportDate(target, date);
  const [item] = await db
    .select({ id: programItems.id, sets: programItems.sets, status: programItems.status, exerciseName: exercises.name })
    .from(programItems)
    .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
    .where(and(eq(programItems.id, input.programItemId), eq(programItems.clinicId, target.clinicId), eq(programItems.athleteId, target.athleteId)));
  if (!item) throw notFound("Program exercise");
  if (item.status === "removed") throw conflict("This exercise was removed from the program.");
  const insert = (conn: Db | Tx) =>
    conn
      .insert(exerciseLogs)
      .values({
        clinicId: target.clinicId,
        athleteId: target.athleteId,
        programItemId: item.id,
        date,
        setsDone: input.setsDone,
        setsPrescribed: item.sets,
        exercisePain: input.exercisePain ?? null,
        couldNotFinish: input.couldNotFinish,
        clientId: input.clientId,
        recordedBy: scope.userId,
      })
      .onConflictDoNothing({ target: [exerciseLogs.clinicId, exerciseLogs.clientId] })
      .returning(insertedColumns);
  // a trainer's entry is audited
  const row = await writeAudited(db, target.byTrainer, insert, (r) => ({ clinicId: target.clinicId, actorId: scope.userId, action: "exercise_log.created", entity: "exercise_log", entityId: r.id, after: { ...input, date } }), (tx) =>
    bringUpToDate(tx, target, { because: `exercises of ${date} were ticked off` }),
  );
  if (row) return { log: { ...row, exerciseName: item.exerciseName }, created: true, athleteId: target.athleteId, date: row.date };
  // a retry that raced the first submit: answer with what it stored
  const stored = await storedLog(db, target.clinicId, target.athleteId, input.clientId);
  if (!stored) throw conflict("This submission id was already used for another record.");
  return stored;
}

/** The log stored under a client id, or null; a client id of another athlete's log is a conflict. */
async function storedLog(db: Db, clinicId: string, athleteId: string, clientId: string): Promise<{ log: ExerciseLogView; created: false; athleteId: string; date: string } | null> {
  const [stored] = await db
    .select({ ...columns, athleteId: exerciseLogs.athleteId })
    .from(exerciseLogs)
    .innerJoin(programItems, eq(programItems.id, exerciseLogs.programItemId))
    .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
    .where(and(eq(exerciseLogs.clinicId, clinicId), eq(exerciseLogs.clientId, clientId)));
  if (!stored) return null;
  if (stored.athleteId !== athleteId) throw conflict("This submission id was already used for another record.");
  const { athleteId: _athleteId, ...log } = stored;
  return { log, created: false, athleteId, date: log.date };
}

export async function archiveExerciseLog(scope: Scope, logId: string): Promise<{ athleteId: string; date: string }> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(exerciseLogs)
      .where(
        and(
          eq(exerciseLogs.id, logId),
          eq(exerciseLogs.clinicId, scope.clinicId),
          isNull(exerciseLogs.archivedAt),
          scope.role === "athlete" ? eq(exerciseLogs.athleteId, scope.athleteId) : undefined,
        ),
      );
    if (!row) throw notFound("Exercise log");
    const target = await athleteAccess(scope, row.athleteId, { write: true, db: tx });
    assertEditable(target, row.date);
    await tx.update(exerciseLogs).set({ archivedAt: new Date(), updatedAt: new Date() }).where(eq(exerciseLogs.id, logId));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "exercise_log.archived", entity: "exercise_log", entityId: logId, before: row });
    await bringUpToDate(tx, target, { because: `an exercise tick of ${row.date} was undone` });
    return { athleteId: row.athleteId, date: row.date };
  });
}

export async function listExerciseLogs(scope: Scope, athleteId: string, from: string): Promise<ExerciseLogView[]> {
  const target = await athleteAccess(scope, athleteId);
  return getDb()
    .select(columns)
    .from(exerciseLogs)
    .innerJoin(programItems, eq(programItems.id, exerciseLogs.programItemId))
    .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
    .where(and(eq(exerciseLogs.clinicId, target.clinicId), eq(exerciseLogs.athleteId, target.athleteId), isNull(exerciseLogs.archivedAt), gte(exerciseLogs.date, from)))
    .orderBy(desc(exerciseLogs.date), desc(exerciseLogs.createdAt));
}
