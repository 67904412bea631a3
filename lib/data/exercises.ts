import "server-only";
import { and, asc, eq, ilike, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { exercises } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import type { Dosage } from "@/lib/domain/ladder";
import { forbidden, notFound } from "@/lib/errors";
import type { ExerciseInput } from "@/lib/validation/exercises";
import { writeAudit } from "./audit";
import { clinicLadders, defaultDosageOf, placeOf, visibleTo, type Conn, type LadderView } from "./library-scope";

export type ExerciseSummary = {
  id: string;
  name: string;
  region: string;
  kind: string;
  /** One side at a time: reps and holds are per side. */
  perSide: boolean;
  builtin: boolean;
  archived: boolean;
  defaultDosage: Dosage;
  equipment: string[];
  ladder: { id: string; name: string; step: number; of: number } | null;
};

export type ExerciseDetail = ExerciseSummary & { howTo: string[]; cues: string[]; copiedFromId: string | null; ladderView: LadderView | null };

const summaryColumns = {
  id: exercises.id,
  name: exercises.name,
  region: exercises.region,
  kind: exercises.kind,
  perSide: exercises.perSide,
  clinicId: exercises.clinicId,
  archivedAt: exercises.archivedAt,
  equipment: exercises.equipment,
  defaultSets: exercises.defaultSets,
  defaultReps: exercises.defaultReps,
  defaultHoldSec: exercises.defaultHoldSec,
  defaultDaysPerWeek: exercises.defaultDaysPerWeek,
};

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The library as one clinic sees it: built-ins plus its own, optionally filtered. */
export async function listExercises(
  scope: Scope,
  filters: { q?: string; region?: string; kind?: string; includeArchived?: boolean } = {},
): Promise<ExerciseSummary[]> {
  const db = getDb();
  const rows = await db
    .select(summaryColumns)
    .from(exercises)
    .where(
      and(
        visibleTo(exercises.clinicId, scope.clinicId),
        filters.q ? ilike(exercises.name, `%${escapeLike(filters.q)}%`) : undefined,
        filters.region ? eq(exercises.region, filters.region) : undefined,
        filters.kind ? eq(exercises.kind, filters.kind) : undefined,
        filters.includeArchived ? undefined : isNull(exercises.archivedAt),
      ),
    )
    .orderBy(asc(exercises.region), asc(exercises.name));
  const all = await clinicLadders(scope.clinicId);
  return rows.map((r) => toSummary(r, all));
}

type SummaryRow = {
  id: string;
  name: string;
  region: string;
  kind: string;
  perSide: boolean;
  clinicId: string | null;
  archivedAt: Date | null;
  equipment: string[];
  defaultSets: number;
  defaultReps: number | null;
  defaultHoldSec: number | null;
  defaultDaysPerWeek: number;
};

function toSummary(r: SummaryRow, all: LadderView[]): ExerciseSummary {
  const place = placeOf(all, r.id);
  return {
    id: r.id,
    name: r.name,
    region: r.region,
    kind: r.kind,
    perSide: r.perSide,
    builtin: r.clinicId === null,
    archived: r.archivedAt !== null,
    equipment: r.equipment,
    defaultDosage: defaultDosageOf(r),
    ladder: place ? { id: place.ladder.id, name: place.ladder.name, step: place.step, of: place.of } : null,
  };
}

export async function getExercise(scope: Scope, exerciseId: string): Promise<ExerciseDetail> {
  const db = getDb();
  const [row] = await db
    .select({ ...summaryColumns, howTo: exercises.howTo, cues: exercises.cues, copiedFromId: exercises.copiedFromId })
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), visibleTo(exercises.clinicId, scope.clinicId)));
  if (!row) throw notFound("Exercise");
  const all = await clinicLadders(scope.clinicId);
  const place = placeOf(all, row.id);
  return { ...toSummary(row, all), howTo: row.howTo, cues: row.cues, copiedFromId: row.copiedFromId, ladderView: place?.ladder ?? null };
}

/** A clinic's own exercise, for writing; a built-in is read-only and another clinic's does not exist. */
async function ownExercise(db: Conn, scope: TrainerScope, exerciseId: string) {
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), visibleTo(exercises.clinicId, scope.clinicId)));
  if (!row) throw notFound("Exercise");
  if (row.clinicId === null) throw forbidden("Built-in exercises are read-only. Copy it into your clinic to change it.");
  return row;
}

function columnsOf(input: ExerciseInput) {
  return {
    name: input.name,
    region: input.region,
    kind: input.kind,
    perSide: input.perSide,
    howTo: input.howTo,
    cues: input.cues,
    equipment: input.equipment,
    defaultSets: input.sets,
    defaultReps: input.reps ?? null,
    defaultHoldSec: input.holdSec ?? null,
    defaultDaysPerWeek: input.daysPerWeek,
  };
}

export async function createExercise(scope: TrainerScope, input: ExerciseInput): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(exercises)
      .values({ ...columnsOf(input), clinicId: scope.clinicId, createdBy: scope.userId })
      .returning({ id: exercises.id });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "exercise.created", entity: "exercise", entityId: row!.id, after: columnsOf(input) });
    return row!;
  });
}

export async function updateExercise(scope: TrainerScope, exerciseId: string, input: ExerciseInput): Promise<void> {
  await getDb().transaction(async (tx) => {
    const before = await ownExercise(tx, scope, exerciseId);
    await tx
      .update(exercises)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(and(eq(exercises.id, exerciseId), eq(exercises.clinicId, scope.clinicId)));
    await writeAudit(tx, {
      clinicId: scope.clinicId,
      actorId: scope.userId,
      action: "exercise.updated",
      entity: "exercise",
      entityId: exerciseId,
      before: { name: before.name, region: before.region, kind: before.kind, perSide: before.perSide, defaultSets: before.defaultSets, defaultReps: before.defaultReps, defaultHoldSec: before.defaultHoldSec },
      after: columnsOf(input),
    });
  });
}

/** Archive (or restore). Program items that use it keep it; it just leaves the library and its ladder. */
export async function setExerciseArchived(scope: TrainerScope, exerciseId: string, archived: boolean): Promise<void> {
  await getDb().transaction(async (tx) => {
    await ownExercise(tx, scope, exerciseId);
    await tx
      .update(exercises)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(exercises.id, exerciseId), eq(exercises.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: archived ? "exercise.archived" : "exercise.restored", entity: "exercise", entityId: exerciseId });
  });
}

/** Copy a built-in (or the clinic's own) exercise into the clinic, to edit. The copy is on no ladder yet. */
export async function copyExercise(scope: TrainerScope, exerciseId: string): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const [src] = await tx
      .select()
      .from(exercises)
      .where(and(eq(exercises.id, exerciseId), visibleTo(exercises.clinicId, scope.clinicId)));
    if (!src) throw notFound("Exercise");
    const [row] = await tx
      .insert(exercises)
      .values({
        clinicId: scope.clinicId,
        name: src.clinicId === null ? src.name : `${src.name} (copy)`,
        region: src.region,
        kind: src.kind,
        perSide: src.perSide,
        howTo: src.howTo,
        cues: src.cues,
        equipment: src.equipment,
        defaultSets: src.defaultSets,
        defaultReps: src.defaultReps,
        defaultHoldSec: src.defaultHoldSec,
        defaultDaysPerWeek: src.defaultDaysPerWeek,
        copiedFromId: src.id,
        createdBy: scope.userId,
      })
      .returning({ id: exercises.id });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "exercise.copied", entity: "exercise", entityId: row!.id, before: { copiedFromId: src.id } });
    return row!;
  });
}
