import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { runLadders, runStages, stageAssignments } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { insertPosition } from "@/lib/domain/ladder";
import { stageInWords } from "@/lib/domain/return-to-run";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { RunStageInput } from "@/lib/validation/return-to-run";
import { writeAudit } from "./audit";
import { bringUpToDate } from "./derived/evaluate";

export type RunLadderView = {
  id: string;
  name: string;
  builtIn: boolean;
  stages: { id: string; number: number; runMin: number; walkMin: number; repeats: number; sessionsPerWeek: number; words: string }[];
};

const visible = (clinicId: string) => sql`(${runLadders.clinicId} is null or ${runLadders.clinicId} = ${clinicId})`;

/** Running ladders the clinic can use (built-in first), each with its live stages, easiest first. */
export async function listRunLadders(scope: Scope): Promise<RunLadderView[]> {
  const rows = await getDb()
    .select({ ladder: { id: runLadders.id, name: runLadders.name, clinicId: runLadders.clinicId }, stage: { id: runStages.id, runMin: runStages.runMin, walkMin: runStages.walkMin, repeats: runStages.repeats, sessionsPerWeek: runStages.sessionsPerWeek } })
    .from(runLadders)
    .leftJoin(runStages, and(eq(runStages.ladderId, runLadders.id), isNull(runStages.archivedAt)))
    .where(and(visible(scope.clinicId), isNull(runLadders.archivedAt)))
    .orderBy(sql`${runLadders.clinicId} is not null`, asc(runLadders.name), asc(runLadders.id), asc(runStages.position));
  const byId = new Map<string, RunLadderView>();
  for (const r of rows) {
    let l = byId.get(r.ladder.id);
    if (!l) byId.set(r.ladder.id, (l = { id: r.ladder.id, name: r.ladder.name, builtIn: r.ladder.clinicId === null, stages: [] }));
    if (r.stage) l.stages.push({ ...r.stage, number: l.stages.length + 1, words: "" });
  }
  for (const l of byId.values()) for (const s of l.stages) s.words = stageInWords({ ...s, isFirst: s.number === 1, isLast: s.number === l.stages.length });
  return [...byId.values()];
}

/** A clinic copy of a ladder (its stages copied in order); the copy can then be edited. */
export async function copyRunLadder(scope: TrainerScope, input: { ladderId: string; name: string }): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const [source] = await tx.select({ id: runLadders.id }).from(runLadders).where(and(eq(runLadders.id, input.ladderId), visible(scope.clinicId)));
    if (!source) throw notFound("Running ladder");
    const [copy] = await tx.insert(runLadders).values({ clinicId: scope.clinicId, name: input.name, copiedFromId: source.id, createdBy: scope.userId }).returning({ id: runLadders.id });
    const stages = await tx.select().from(runStages).where(and(eq(runStages.ladderId, source.id), isNull(runStages.archivedAt))).orderBy(asc(runStages.position));
    if (stages.length > 0) {
      await tx.insert(runStages).values(stages.map((s, i) => ({ clinicId: scope.clinicId, ladderId: copy!.id, position: i + 1, runMin: s.runMin, walkMin: s.walkMin, repeats: s.repeats, sessionsPerWeek: s.sessionsPerWeek })));
    }
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "run_ladder.copied", entity: "run_ladder", entityId: copy!.id, after: { from: source.id, name: input.name } });
    return copy!;
  });
}

async function ownLadder(tx: Tx, scope: TrainerScope, ladderId: string) {
  const [row] = await tx.select({ id: runLadders.id, clinicId: runLadders.clinicId }).from(runLadders).where(and(eq(runLadders.id, ladderId), visible(scope.clinicId)));
  if (!row) throw notFound("Running ladder");
  if (row.clinicId === null) throw forbidden("The built-in ladder is read-only. Copy it to edit the copy.");
  return row;
}

/**
 * A ladder's definition is read by the rules: an edit takes effect from each athlete's today
 * (§2d), so every athlete whose latest assignment is on this ladder is brought up to date.
 */
async function touchAthletesOn(tx: Tx, scope: TrainerScope, ladderId: string, because: string) {
  const rows = await tx.execute<{ athlete_id: string }>(sql`
    select distinct on (${stageAssignments.athleteId}) ${stageAssignments.athleteId} as athlete_id, ${stageAssignments.ladderId} as ladder_id
      from ${stageAssignments} where ${stageAssignments.clinicId} = ${scope.clinicId}
     order by ${stageAssignments.athleteId}, ${stageAssignments.date} desc, ${stageAssignments.createdAt} desc`);
  for (const r of rows.rows as { athlete_id: string; ladder_id: string }[]) {
    if (r.ladder_id === ladderId) await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId: r.athlete_id }, { because });
  }
}

/** Inserts a stage just above `afterStageId` (null: below the easiest); nothing is renumbered. */
export async function insertRunStage(scope: TrainerScope, input: { ladderId: string; afterStageId: string | null; stage: RunStageInput }): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    await ownLadder(tx, scope, input.ladderId);
    const stages = await tx.select({ id: runStages.id, position: runStages.position }).from(runStages).where(and(eq(runStages.ladderId, input.ladderId), isNull(runStages.archivedAt))).orderBy(asc(runStages.position));
    if (input.afterStageId && !stages.some((s) => s.id === input.afterStageId)) throw notFound("Stage");
    let position: number;
    try {
      position = insertPosition(stages.map((s) => ({ exerciseId: s.id, position: s.position })), input.afterStageId);
    } catch {
      throw conflict("There is no room between those two stages. Place it one stage higher or lower.");
    }
    const [row] = await tx.insert(runStages).values({ clinicId: scope.clinicId, ladderId: input.ladderId, position, ...input.stage }).returning({ id: runStages.id });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "run_ladder.stage_added", entity: "run_ladder", entityId: input.ladderId, after: { stageId: row!.id, ...input.stage } });
    await touchAthletesOn(tx, scope, input.ladderId, "a stage was added to the running ladder");
    return row!;
  });
}

/** Edits a stage's recipe; its id stays, so alerts and assignments keep naming it. */
export async function updateRunStage(scope: TrainerScope, input: { stageId: string; stage: RunStageInput }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(runStages).where(and(eq(runStages.id, input.stageId), eq(runStages.clinicId, scope.clinicId)));
    if (!before) throw notFound("Stage");
    await tx.update(runStages).set({ ...input.stage, updatedAt: new Date() }).where(and(eq(runStages.id, input.stageId), eq(runStages.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "run_ladder.stage_changed", entity: "run_ladder", entityId: before.ladderId, before: { runMin: before.runMin, walkMin: before.walkMin, repeats: before.repeats, sessionsPerWeek: before.sessionsPerWeek }, after: input.stage });
    await touchAthletesOn(tx, scope, before.ladderId, "a stage of the running ladder changed");
  });
}

/** Removing a stage archives it: past assignments and sessions keep naming it. */
export async function archiveRunStage(scope: TrainerScope, stageId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select({ ladderId: runStages.ladderId }).from(runStages).where(and(eq(runStages.id, stageId), eq(runStages.clinicId, scope.clinicId), isNull(runStages.archivedAt)));
    if (!before) throw notFound("Stage");
    await tx.update(runStages).set({ archivedAt: new Date(), updatedAt: new Date() }).where(and(eq(runStages.id, stageId), eq(runStages.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "run_ladder.stage_removed", entity: "run_ladder", entityId: before.ladderId, after: { stageId } });
    await touchAthletesOn(tx, scope, before.ladderId, "a stage was removed from the running ladder");
  });
}
