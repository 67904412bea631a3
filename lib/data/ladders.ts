import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { exercises, ladderSteps, ladders } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { insertPosition } from "@/lib/domain/ladder";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import type { LadderInput } from "@/lib/validation/exercises";
import { writeAudit } from "./audit";
import { clinicLadders, loadLadders, visibleTo, type Conn, type LadderView } from "./library-scope";

export type { LadderView } from "./library-scope";

/** Ladders the clinic can see (built-in first), each ordered easiest → hardest. */
/** With `kind`, only ladders with a step of that kind (a ladder's kind is its exercises'). */
export async function listLadders(scope: Scope, filters: { region?: string; kind?: string; includeArchived?: boolean } = {}): Promise<LadderView[]> {
  const all = await clinicLadders(scope.clinicId);
  return all
    .filter((l) => (filters.includeArchived || !l.archived) && (!filters.region || l.region === filters.region))
    .map((l) => ({ ...l, steps: filters.includeArchived ? l.steps : l.steps.filter((s) => !s.archived) }))
    .filter((l) => !filters.kind || l.steps.some((s) => s.kind === filters.kind));
}

export async function createLadder(scope: TrainerScope, input: LadderInput): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(ladders)
      .values({ clinicId: scope.clinicId, name: input.name, region: input.region, description: input.description ?? "", createdBy: scope.userId })
      .returning({ id: ladders.id });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "ladder.created", entity: "ladder", entityId: row!.id, after: input });
    return row!;
  });
}

async function ownLadder(tx: Conn, scope: TrainerScope, ladderId: string) {
  const [row] = await tx.select().from(ladders).where(and(eq(ladders.id, ladderId), visibleTo(ladders.clinicId, scope.clinicId)));
  if (!row) throw notFound("Ladder");
  if (row.clinicId === null) throw forbidden("Built-in ladders are read-only. You can still add your own exercises to them.");
  return row;
}

export async function updateLadder(scope: TrainerScope, ladderId: string, input: LadderInput): Promise<void> {
  await getDb().transaction(async (tx) => {
    const before = await ownLadder(tx, scope, ladderId);
    await tx
      .update(ladders)
      .set({ name: input.name, region: input.region, description: input.description ?? "", updatedAt: new Date() })
      .where(and(eq(ladders.id, ladderId), eq(ladders.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "ladder.updated", entity: "ladder", entityId: ladderId, before: { name: before.name, region: before.region }, after: input });
  });
}

export async function setLadderArchived(scope: TrainerScope, ladderId: string, archived: boolean): Promise<void> {
  await getDb().transaction(async (tx) => {
    await ownLadder(tx, scope, ladderId);
    await tx
      .update(ladders)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(ladders.id, ladderId), eq(ladders.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: archived ? "ladder.archived" : "ladder.restored", entity: "ladder", entityId: ladderId });
  });
}

/**
 * Put one of the clinic's exercises on a ladder (its own or a built-in) just above `afterExerciseId`
 * (null: below the easiest step). An exercise already on a ladder moves. One row written: the
 * position is fractional, so no other step is renumbered (lib/domain/ladder.ts insertPosition).
 */
export async function insertIntoLadder(
  scope: TrainerScope,
  input: { exerciseId: string; ladderId: string; afterExerciseId: string | null },
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [exercise] = await tx
      .select({ id: exercises.id, clinicId: exercises.clinicId })
      .from(exercises)
      .where(and(eq(exercises.id, input.exerciseId), visibleTo(exercises.clinicId, scope.clinicId)));
    if (!exercise) throw notFound("Exercise");
    if (exercise.clinicId === null) throw forbidden("Built-in exercises keep their place. Copy it into your clinic to place the copy.");
    const all = await loadLadders(tx, scope.clinicId);
    const ladder = all.find((l) => l.id === input.ladderId && !l.archived);
    if (!ladder) throw notFound("Ladder");
    const others = ladder.steps.filter((s) => s.exerciseId !== input.exerciseId);
    if (input.afterExerciseId && !others.some((s) => s.exerciseId === input.afterExerciseId)) {
      throw invalid("Choose a step on this ladder.", { afterExerciseId: ["Choose a step on this ladder."] });
    }
    let position: number;
    try {
      position = insertPosition(others, input.afterExerciseId);
    } catch {
      throw conflict("There is no room between those two steps. Place it one step higher or lower.");
    }
    const [existing] = await tx
      .select({ id: ladderSteps.id, ladderId: ladderSteps.ladderId, position: ladderSteps.position })
      .from(ladderSteps)
      .where(and(eq(ladderSteps.exerciseId, input.exerciseId), eq(ladderSteps.clinicId, scope.clinicId)));
    if (existing) {
      await tx
        .update(ladderSteps)
        .set({ ladderId: ladder.id, position })
        .where(and(eq(ladderSteps.id, existing.id), eq(ladderSteps.clinicId, scope.clinicId)));
    } else {
      await tx.insert(ladderSteps).values({ clinicId: scope.clinicId, ladderId: ladder.id, exerciseId: input.exerciseId, position });
    }
    await writeAudit(tx, {
      clinicId: scope.clinicId,
      actorId: scope.userId,
      action: "ladder.step_placed",
      entity: "exercise",
      entityId: input.exerciseId,
      before: existing ? { ladderId: existing.ladderId, position: existing.position } : null,
      after: { ladderId: ladder.id, position },
    });
  });
}
