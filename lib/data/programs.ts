import "server-only";
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db/client";
import { exercises, programItemEvents, programItems, programs, users, type ProgramEventKind, type ProgramItem } from "@/db/schema";
import { isTrainerScope, type Scope, type TrainerScope } from "@/lib/auth/scope";
import { sameDosage } from "@/lib/domain/dosage";
import { carryDosage } from "@/lib/domain/ladder";
import { invalid, notFound } from "@/lib/errors";
import type { AddItemInput, DosageInput, StepDirection } from "@/lib/validation/programs";
import { athleteAccess } from "./access";
import { resolveItemSuggestions } from "./alerts";
import { bringUpToDate } from "./derived/evaluate";
import { writeAudit } from "./audit";
import { clinicLadders, loadLadders, NOT_ON_LADDER_MESSAGE, placeOf, type Conn, type LadderView } from "./library-scope";
import { visibleAllTo } from "./visibility";

export type Move = { ok: true; toName: string } | { ok: false; message: string };

export type ProgramItemView = {
  id: string;
  exerciseId: string;
  exerciseName: string;
  region: string;
  kind: string;
  /** One side at a time: the dosage is per side. */
  perSide: boolean;
  howTo: string[];
  cues: string[];
  equipment: string[];
  sets: number;
  reps: number | null;
  holdSec: number | null;
  daysPerWeek: number;
  load: string | null;
  note: string | null;
  status: "active" | "paused" | "removed";
  ladder: { name: string; step: number; of: number } | null;
  progress: Move;
  regress: Move;
};

export type ProgramView = { athlete: { id: string; name: string; trainerName: string | null }; items: ProgramItemView[] };

function move(place: ReturnType<typeof placeOf>, dir: "up" | "down"): Move {
  if (!place) return { ok: false, message: NOT_ON_LADDER_MESSAGE };
  const m = place[dir];
  if (!m.ok) return { ok: false, message: m.message };
  return { ok: true, toName: place.ladder.steps.find((s) => s.exerciseId === m.exerciseId)!.name };
}

/** One current program item as read, with its exercise's facts (getProgram, program-page.ts). */
export type ProgramItemRead = Pick<ProgramItem, "id" | "exerciseId" | "sets" | "reps" | "holdSec" | "daysPerWeek" | "load" | "note" | "status"> &
  Pick<ProgramItemView, "exerciseName" | "region" | "kind" | "perSide" | "howTo" | "cues" | "equipment">;

/** The program as shown: each item with its ladder place and what one click would do. */
export function programView(scope: Scope, athlete: { athleteId: string; name: string; trainerName: string | null }, rows: ProgramItemRead[], all: LadderView[]): ProgramView {
  return {
    athlete: { id: athlete.athleteId, name: athlete.name, trainerName: athlete.trainerName },
    items: visibleAllTo(scope, "programItem", rows.map((item) => {
      const place = placeOf(all, item.exerciseId);
      return {
        id: item.id,
        exerciseId: item.exerciseId,
        exerciseName: item.exerciseName,
        region: item.region,
        kind: item.kind,
        perSide: item.perSide,
        howTo: item.howTo,
        cues: item.cues,
        equipment: item.equipment,
        sets: item.sets,
        reps: item.reps,
        holdSec: item.holdSec,
        daysPerWeek: item.daysPerWeek,
        load: item.load,
        note: item.note,
        status: item.status,
        ladder: place ? { name: place.ladder.name, step: place.step, of: place.of } : null,
        progress: move(place, "up"),
        regress: move(place, "down"),
      };
    })),
  };
}

/** The current program (active and paused items), each with its ladder place and what one click would do. */
export async function getProgram(scope: Scope, athleteId: string): Promise<ProgramView> {
  const db = getDb();
  const athlete = await athleteAccess(scope, athleteId);
  const rows = await db
    .select({ item: programItems, exerciseName: exercises.name, region: exercises.region, kind: exercises.kind, perSide: exercises.perSide, howTo: exercises.howTo, cues: exercises.cues, equipment: exercises.equipment })
    .from(programItems)
    .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
    .where(and(eq(programItems.clinicId, scope.clinicId), eq(programItems.athleteId, athleteId), ne(programItems.status, "removed")))
    .orderBy(asc(programItems.position), asc(programItems.createdAt));
  return programView(scope, athlete, rows.map(({ item, ...ex }) => ({ ...item, ...ex })), await clinicLadders(scope.clinicId));
}

export type ProgramEventView = {
  id: string;
  kind: ProgramEventKind;
  at: Date;
  actorName: string | null;
  reason: string | null;
  itemId: string;
  fromExercise: string | null;
  toExercise: string | null;
  fromStep: number | null;
  toStep: number | null;
  before: DosageSnapshot | null;
  after: DosageSnapshot | null;
};

export type DosageSnapshot = { sets: number; reps: number | null; holdSec: number | null; daysPerWeek: number; load: string | null; note?: string | null };

/** Every change to the athlete's program, newest first. */
export async function listProgramHistory(scope: Scope, athleteId: string, limit = 200): Promise<ProgramEventView[]> {
  const db = getDb();
  await athleteAccess(scope, athleteId);
  const fromEx = alias(exercises, "from_ex");
  const toEx = alias(exercises, "to_ex");
  const rows = await db
    .select({
      id: programItemEvents.id,
      kind: programItemEvents.kind,
      at: programItemEvents.createdAt,
      actorName: users.name,
      reason: programItemEvents.reason,
      itemId: programItemEvents.itemId,
      fromExercise: fromEx.name,
      toExercise: toEx.name,
      fromStep: programItemEvents.fromStep,
      toStep: programItemEvents.toStep,
      before: programItemEvents.before,
      after: programItemEvents.after,
    })
    .from(programItemEvents)
    .leftJoin(users, and(eq(users.id, programItemEvents.actorId), eq(users.clinicId, scope.clinicId)))
    .leftJoin(fromEx, eq(fromEx.id, programItemEvents.fromExerciseId))
    .leftJoin(toEx, eq(toEx.id, programItemEvents.toExerciseId))
    .where(and(eq(programItemEvents.clinicId, scope.clinicId), eq(programItemEvents.athleteId, athleteId)))
    .orderBy(desc(programItemEvents.createdAt), desc(sql`${programItemEvents.id}`))
    .limit(limit);
  return visibleAllTo(scope, "programEvent", rows.map((r) => ({ ...r, before: r.before as DosageSnapshot | null, after: r.after as DosageSnapshot | null })));
}

// ── writes ────────────────────────────────────────────────────────────────────────────────────

export function snapshot(d: { sets: number; reps?: number | null; holdSec?: number | null; daysPerWeek: number; load?: string | null; note?: string | null }): DosageSnapshot {
  return { sets: d.sets, reps: d.reps ?? null, holdSec: d.holdSec ?? null, daysPerWeek: d.daysPerWeek, load: d.load ?? null, note: d.note ?? null };
}

/** The athlete's program row, created on first use. */
export async function ensureProgram(tx: Tx, scope: TrainerScope, athleteId: string): Promise<string> {
  await athleteAccess(scope, athleteId, { db: tx });
  await tx.insert(programs).values({ clinicId: scope.clinicId, athleteId, createdBy: scope.userId }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.clinicId, scope.clinicId), eq(programs.athleteId, athleteId)));
  return row!.id;
}

export async function visibleExercise(tx: Conn, scope: TrainerScope, exerciseId: string) {
  const [ex] = await tx
    .select({ id: exercises.id, name: exercises.name, archivedAt: exercises.archivedAt })
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), sql`(${exercises.clinicId} is null or ${exercises.clinicId} = ${scope.clinicId})`));
  if (!ex) throw notFound("Exercise");
  return ex;
}

type EventInput = {
  kind: ProgramEventKind;
  reason?: string | null;
  fromExerciseId?: string | null;
  toExerciseId?: string | null;
  fromStep?: number | null;
  toStep?: number | null;
  before?: DosageSnapshot | null;
  after?: DosageSnapshot | null;
};

/** One history row and its audit row, inside the caller's transaction. */
export async function recordEvent(tx: Tx, scope: TrainerScope, item: { id: string; athleteId: string }, e: EventInput): Promise<void> {
  await tx.insert(programItemEvents).values({ clinicId: scope.clinicId, athleteId: item.athleteId, itemId: item.id, actorId: scope.userId, ...e });
  await writeAudit(tx, {
    clinicId: scope.clinicId,
    actorId: scope.userId,
    action: `program_item.${e.kind}`,
    entity: "program_item",
    entityId: item.id,
    before: e.before ?? null,
    after: { ...(e.after ?? {}), reason: e.reason ?? null, toExerciseId: e.toExerciseId ?? null },
  });
}

export async function insertItem(tx: Tx, scope: TrainerScope, programId: string, athleteId: string, input: DosageInput & { exerciseId: string }, reason: string | null) {
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${programItems.position}), 0) + 1` })
    .from(programItems)
    .where(and(eq(programItems.clinicId, scope.clinicId), eq(programItems.programId, programId)));
  const dosage = snapshot(input);
  const [item] = await tx
    .insert(programItems)
    .values({ clinicId: scope.clinicId, programId, athleteId, exerciseId: input.exerciseId, ...dosage, position: Number(next) })
    .returning();
  await recordEvent(tx, scope, item!, { kind: "added", reason, toExerciseId: input.exerciseId, after: dosage });
  return item!;
}

export async function addProgramItem(scope: TrainerScope, input: AddItemInput): Promise<{ id: string }> {
  const added = await getDb().transaction(async (tx) => {
    const programId = await ensureProgram(tx, scope, input.athleteId);
    const ex = await visibleExercise(tx, scope, input.exerciseId);
    if (ex.archivedAt) throw invalid("That exercise is archived. Restore it or choose another.", { exerciseId: ["That exercise is archived."] });
    const item = await insertItem(tx, scope, programId, input.athleteId, input, null);
    await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId: input.athleteId }, { because: `${ex.name} was added to the program` });
    return { id: item.id };
  });
  return added;
}

/** The item, locked for the rest of the transaction so two clicks cannot both step it. */
async function lockItem(tx: Tx, scope: TrainerScope, itemId: string): Promise<ProgramItem> {
  const [item] = await tx
    .select()
    .from(programItems)
    .where(and(eq(programItems.id, itemId), eq(programItems.clinicId, scope.clinicId)))
    .for("update");
  if (!item) throw notFound("Program item");
  return item;
}

export async function updateItemDosage(scope: TrainerScope, itemId: string, input: DosageInput, reason: string | null): Promise<void> {
  await getDb().transaction(async (tx) => {
    const item = await lockItem(tx, scope, itemId);
    if (item.status === "removed") throw invalid("This exercise was removed from the program; add it again instead.");
    const before = snapshot(item);
    const after = snapshot(input);
    if (sameDosage(before, after) && before.load === after.load && before.note === after.note) return;
    await tx.update(programItems).set({ ...after, updatedAt: new Date() }).where(and(eq(programItems.id, itemId), eq(programItems.clinicId, scope.clinicId)));
    await recordEvent(tx, scope, item, { kind: "dosage_changed", reason, fromExerciseId: item.exerciseId, toExerciseId: item.exerciseId, before, after });
    await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId: item.athleteId }, { because: "the dosage of an exercise changed" });
  });
}

/**
 * One click up or down the item's ladder: the next/previous exercise with the dosage carried over
 * (carryDosage) and without the old exercise's note, recorded with the steps, both dosages and the
 * trainer's reason. The event's time starts the new step: logs stored before it stay with the old
 * one (lib/domain/progression.ts loggedAtStep).
 */
export async function stepItem(scope: TrainerScope, input: { itemId: string; direction: StepDirection; reason: string }): Promise<ProgramItem> {
  const stepped = await getDb().transaction(async (tx) => {
    const item = await lockItem(tx, scope, input.itemId);
    if (item.status === "removed") throw invalid("This exercise was removed from the program.");
    const all: LadderView[] = await loadLadders(tx, scope.clinicId);
    const place = placeOf(all, item.exerciseId);
    if (!place) throw invalid(NOT_ON_LADDER_MESSAGE);
    const m = input.direction === "progress" ? place.up : place.down;
    if (!m.ok) throw invalid(m.message);
    const target = place.ladder.steps.find((s) => s.exerciseId === m.exerciseId)!;
    const carried = carryDosage(item, target.defaultDosage);
    const before = snapshot(item);
    // the coaching note was written for the exercise being left ("move to the banded version once
    // 3 × 15 is easy"): it stays in this step's history, not on the new exercise
    const after = snapshot({ ...carried, load: item.load, note: null });
    const [updated] = await tx
      .update(programItems)
      .set({ exerciseId: target.exerciseId, sets: after.sets, reps: after.reps, holdSec: after.holdSec, daysPerWeek: after.daysPerWeek, note: null, updatedAt: new Date() })
      .where(and(eq(programItems.id, item.id), eq(programItems.clinicId, scope.clinicId)))
      .returning();
    await recordEvent(tx, scope, item, {
      kind: input.direction === "progress" ? "progressed" : "regressed",
      reason: input.reason,
      fromExerciseId: item.exerciseId,
      toExerciseId: target.exerciseId,
      fromStep: place.step,
      toStep: place.step + (input.direction === "progress" ? 1 : -1),
      before,
      after,
    });
    await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId: item.athleteId }, { because: `the exercise was ${input.direction === "progress" ? "progressed" : "regressed"} one step` });
    await resolveItemSuggestions(tx, scope, item.id, `${input.direction === "progress" ? "progressed" : "regressed"} to ${target.name}: ${input.reason}`);
    return updated!;
  });
  return stepped;
}

/** Pause, resume or remove. A removed item stays in the history and is never deleted. */
export async function setItemStatus(scope: TrainerScope, input: { itemId: string; status: "active" | "paused" | "removed"; reason?: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const item = await lockItem(tx, scope, input.itemId);
    if (item.status === input.status) return;
    if (item.status === "removed") throw invalid("This exercise was removed from the program; add it again instead.");
    await tx
      .update(programItems)
      .set({ status: input.status, updatedAt: new Date() })
      .where(and(eq(programItems.id, item.id), eq(programItems.clinicId, scope.clinicId)));
    const kind: ProgramEventKind = input.status === "active" ? "resumed" : input.status;
    await recordEvent(tx, scope, item, { kind, reason: input.reason ?? null, fromExerciseId: item.exerciseId, before: snapshot(item) });
    // a program change changes which items can be "ready to progress"
    await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId: item.athleteId }, { because: `an exercise was ${input.status === "active" ? "resumed" : input.status}` });
  });
}

/** Whose item is this (for revalidating the right page after a write), within the clinic. */
export async function itemAthleteId(scope: Scope, itemId: string): Promise<string> {
  const [row] = await getDb()
    .select({ athleteId: programItems.athleteId })
    .from(programItems)
    .where(and(eq(programItems.id, itemId), eq(programItems.clinicId, scope.clinicId)));
  if (!row) throw notFound("Program item");
  if (!isTrainerScope(scope) && scope.athleteId !== row.athleteId) throw notFound("Program item");
  return row.athleteId;
}
