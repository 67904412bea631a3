import "server-only";
import { eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { cache } from "react";
import { getDb, type Db, type Tx } from "@/db/client";
import { exercises, ladderSteps, ladders } from "@/db/schema";
import { BUILTIN_LADDERS } from "@/lib/exercise-library/builtin-exercises";
import { nextStep, orderLadder, previousStep, type Dosage, type LadderMove } from "@/lib/domain/ladder";

export type Conn = Db | Tx;

/** Built-in rows (clinic_id NULL) plus the clinic's own: what one clinic may read in the library. */
export function visibleTo(column: PgColumn, clinicId: string): SQL {
  return or(isNull(column), eq(column, clinicId))!;
}

export type StepInfo = {
  exerciseId: string;
  position: number;
  name: string;
  builtin: boolean;
  archived: boolean;
  kind: string;
  perSide: boolean;
  defaultDosage: Dosage;
};

export type LadderView = { id: string; name: string; region: string; builtin: boolean; archived: boolean; steps: StepInfo[] };

export function defaultDosageOf(e: { defaultSets: number; defaultReps: number | null; defaultHoldSec: number | null; defaultDaysPerWeek: number }): Dosage {
  return e.defaultReps != null
    ? { sets: e.defaultSets, reps: e.defaultReps, daysPerWeek: e.defaultDaysPerWeek }
    : { sets: e.defaultSets, holdSec: e.defaultHoldSec ?? 1, daysPerWeek: e.defaultDaysPerWeek };
}

/** loadLadders for reads outside a transaction, once per request: a page's sections share it (read-only). */
export const clinicLadders = cache((clinicId: string) => loadLadders(getDb(), clinicId));

type StepRow = [exerciseId: string, position: number, name: string, exerciseClinicId: string | null, archived: boolean, kind: string, perSide: boolean, defaultSets: number, defaultReps: number | null, defaultHoldSec: number | null, defaultDaysPerWeek: number];

/**
 * Every ladder the clinic can see, with its steps ordered easiest → hardest: the built-in steps plus
 * the clinic's own (never another clinic's). One query (each ladder's steps as a JSON array); a
 * clinic's library is tens of rows.
 */
export async function loadLadders(db: Conn, clinicId: string): Promise<LadderView[]> {
  // explicit aliases: drizzle leaves a one-table query's columns unqualified, so the outer ladder id is named in full
  const steps = sql<StepRow[]>`(select coalesce(json_agg(json_build_array(s.exercise_id, s.position, e.name, e.clinic_id, e.archived_at is not null, e.kind, e.per_side,
      e.default_sets, e.default_reps, e.default_hold_sec, e.default_days_per_week)), '[]'::json)
    from ${ladderSteps} s inner join ${exercises} e on e.id = s.exercise_id
    where s.ladder_id = ${sql.identifier("ladders")}.${sql.identifier("id")} and (s.clinic_id is null or s.clinic_id = ${clinicId}) and (e.clinic_id is null or e.clinic_id = ${clinicId}))`;
  const ladderRows = await db
    .select({ id: ladders.id, slug: ladders.slug, name: ladders.name, region: ladders.region, clinicId: ladders.clinicId, archivedAt: ladders.archivedAt, steps })
    .from(ladders)
    .where(visibleTo(ladders.clinicId, clinicId))
    .orderBy(ladders.createdAt, ladders.name);
  // built-ins first, in the order DESIGN §2 lists them; then the clinic's own, oldest first
  const builtinOrder = (slug: string | null) => {
    const i = slug ? BUILTIN_LADDERS.findIndex((l) => l.slug === slug) : -1;
    return i === -1 ? BUILTIN_LADDERS.length : i;
  };
  ladderRows.sort((a, b) => builtinOrder(a.slug) - builtinOrder(b.slug));
  return ladderRows.map((l) => ({
    id: l.id,
    name: l.name,
    region: l.region,
    builtin: l.clinicId === null,
    archived: l.archivedAt !== null,
    steps: orderLadder(
      l.steps.map(([exerciseId, position, name, exerciseClinicId, archived, kind, perSide, defaultSets, defaultReps, defaultHoldSec, defaultDaysPerWeek]) => ({
        exerciseId,
        position,
        name,
        builtin: exerciseClinicId === null,
        archived,
        kind,
        perSide,
        defaultDosage: defaultDosageOf({ defaultSets, defaultReps, defaultHoldSec, defaultDaysPerWeek }),
      })),
    ),
  }));
}

export type LadderPlace = {
  ladder: LadderView;
  /** 1-based rung among the live steps (archived exercises drop out of the ladder). */
  step: number;
  of: number;
  up: LadderMove;
  down: LadderMove;
};

/** Where an exercise sits in the clinic's view of its ladder, and whether it can move up or down. */
export function placeOf(all: readonly LadderView[], exerciseId: string): LadderPlace | null {
  for (const ladder of all) {
    if (!ladder.steps.some((s) => s.exerciseId === exerciseId)) continue;
    // archived exercises are skipped as targets, but the current one always counts
    const live = ladder.steps.filter((s) => !s.archived || s.exerciseId === exerciseId);
    const index = live.findIndex((s) => s.exerciseId === exerciseId);
    return { ladder, step: index + 1, of: live.length, up: nextStep(live, exerciseId), down: previousStep(live, exerciseId) };
  }
  return null;
}

export const NOT_ON_LADDER_MESSAGE = "This exercise is not on a ladder, so there is no next or previous step";
