import "server-only";
import { and, asc, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { alerts, athletes, runLadders, runStages, stageAssignments, users } from "@/db/schema";
import { isTrainerScope, type Scope, type TrainerScope } from "@/lib/auth/scope";
import {
  athleteStepRefusal,
  rtrVerdict,
  stageInWords,
  stageOn,
  todaysSession,
  verdictForTrainer,
  verdictInWords,
  type PlacedStage,
  type RtrVerdict,
  type TodaysSession,
} from "@/lib/domain/return-to-run";
import { conflict, invalid } from "@/lib/errors";
import type { PrescriptionInput } from "@/lib/validation/programs";
import type { StageStepInput, StartReturnToRunInput } from "@/lib/validation/return-to-run";
import { athleteAccess, type AthleteAccess } from "./access";
import { loadAthleteRecords, statusOn, type LoadedRecords } from "./athlete-records";
import { recordsToday } from "./records-once";
import { writeAudit } from "./audit";
import { bringUpToDate } from "./derived/evaluate";
import { writePrescription } from "./prescriptions";
import { visibleAllTo } from "./visibility";

export type ReturnToRunView = {
  onLadder: boolean;
  ladder: { id: string; name: string; stages: { id: string; number: number; words: string }[] } | null;
  stage: PlacedStage | null;
  verdict: { kind: RtrVerdict["kind"]; forTrainer: string; forAthlete: string } | null;
  today: TodaysSession | null;
  /** The athlete's local date now (the day Today and the timer log against). */
  todayDate: string;
  paused: boolean;
  athleteMayStepUp: boolean;
  /** Newest first: every start, step, resume and finish, who made it and why. */
  history: { id: string; date: string; kind: string; byTrainer: boolean; madeByName: string | null; reason: string; fromStageNumber: number | null; toStageNumber: number | null; at: Date }[];
};

/** The §2c state on the athlete's today from records already loaded (advice, Today, steps). */
export function returnToRunOn(loaded: LoadedRecords, d: string) {
  const plan = loaded.returnToRun;
  const status = statusOn(loaded.statuses, d, loaded.athlete.status);
  if (!plan || status !== "return_to_run") return null;
  const input = { ...plan, history: loaded.history, exerciseLogs: loaded.exerciseLogs };
  const verdict = rtrVerdict(input, d);
  return { plan, verdict, today: todaysSession(input, d), stage: stageOn(plan, d) };
}

async function stateFor(db: Parameters<typeof loadAthleteRecords>[0], target: AthleteAccess) {
  const loaded = await loadAthleteRecords(db, target, target.today, target.today);
  return { loaded, state: returnToRunOn(loaded, target.today) };
}

export async function getReturnToRun(scope: Scope, athleteId: string): Promise<ReturnToRunView> {
  const db = getDb();
  // the records up to today, shared with the page's other sections (read once per request)
  const { athlete: target, loaded } = await recordsToday(scope, athleteId);
  const state = returnToRunOn(loaded, target.today);
  const ladderId = loaded.returnToRun?.ladderId ?? null;
  const madeBy = users;
  // the ladder's name rides on the assignments (the ladder is that of the latest one)
  const rows = await db
    .select({
      id: stageAssignments.id,
      date: stageAssignments.date,
      kind: stageAssignments.kind,
      byTrainer: stageAssignments.byTrainer,
      madeByName: madeBy.name,
      reason: stageAssignments.reason,
      fromStageNumber: stageAssignments.fromStageNumber,
      toStageNumber: stageAssignments.toStageNumber,
      at: stageAssignments.createdAt,
      ladderName: sql<string | null>`(select ${runLadders.name} from ${runLadders} where ${runLadders.id} = ${ladderId})`,
    })
    .from(stageAssignments)
    .leftJoin(madeBy, and(eq(madeBy.id, stageAssignments.madeBy), eq(madeBy.clinicId, scope.clinicId)))
    .where(and(eq(stageAssignments.clinicId, scope.clinicId), eq(stageAssignments.athleteId, target.athleteId)))
    .orderBy(sql`${stageAssignments.createdAt} desc`)
    .limit(100);
  const history = rows.map(({ ladderName: _n, ...r }) => r);
  const ladderName = ladderId ? (rows[0] ? rows[0].ladderName : ((await db.select({ name: runLadders.name }).from(runLadders).where(eq(runLadders.id, ladderId)))[0]?.name ?? null)) : null;
  const ladder = ladderId && ladderName !== null ? { id: ladderId, name: ladderName } : undefined;
  const stages = loaded.returnToRun?.stages ?? [];
  const v = state?.verdict ?? null;
  return {
    onLadder: state !== null,
    ladder: ladder ? { ...ladder, stages: stages.map((s, i) => ({ id: s.id, number: i + 1, words: stageInWords({ ...s, number: i + 1, isFirst: i === 0, isLast: i === stages.length - 1 }) })) } : null,
    stage: state?.stage ?? null,
    verdict: v ? { kind: v.kind, forTrainer: verdictForTrainer(v), forAthlete: verdictInWords(v, target.rtrMayStepUp) } : null,
    today: state?.today ?? null,
    todayDate: target.today,
    paused: v?.kind === "stop",
    athleteMayStepUp: target.rtrMayStepUp,
    // an athlete sees their own steps, not the staff's reasons for them
    history: visibleAllTo(scope, "stageAssignment", history),
  };
}

/** Locks the athlete's row, so steps (and their evaluation) of one athlete run one at a time. */
async function lockAthlete(tx: Tx, clinicId: string, athleteId: string) {
  await tx.select({ id: athletes.id }).from(athletes).where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, clinicId))).for("no key update");
}

/**
 * §2c: a step, a resume or taking the athlete off the ladder resolves every rtr_ready and
 * rtr_step_down alert of the athlete not yet resolved and dated before it, noting the reason.
 */
async function resolveRtrAlerts(tx: Tx, target: AthleteAccess, actorId: string, note: string): Promise<void> {
  const now = new Date();
  const resolved = await tx
    .update(alerts)
    .set({ status: "resolved", resolvedBy: actorId, resolvedAt: now, note, updatedAt: now })
    .where(
      and(
        eq(alerts.clinicId, target.clinicId),
        eq(alerts.athleteId, target.athleteId),
        inArray(alerts.kind, ["rtr_ready", "rtr_step_down"]),
        ne(alerts.status, "resolved"),
        isNull(alerts.retiredAt),
        lt(alerts.date, target.today),
      ),
    )
    .returning({ id: alerts.id });
  if (resolved.length > 0) {
    await writeAudit(tx, { clinicId: target.clinicId, actorId, action: "alert.resolved", entity: "athlete", entityId: target.athleteId, after: { alertIds: resolved.map((r) => r.id), note } });
  }
}

type AssignmentWrite = { ladderId: string; stageId: string | null; kind: (typeof stageAssignments.kind.enumValues)[number]; reason: string; from: PlacedStage | null; toNumber: number | null };

async function writeAssignment(tx: Tx, scope: Scope, target: AthleteAccess, w: AssignmentWrite, resolutionNote: string): Promise<void> {
  const byTrainer = isTrainerScope(scope);
  const [row] = await tx
    .insert(stageAssignments)
    .values({
      clinicId: target.clinicId,
      athleteId: target.athleteId,
      ladderId: w.ladderId,
      stageId: w.stageId,
      // dated with the athlete's today: never backdated (§2c)
      date: target.today,
      kind: w.kind,
      byTrainer,
      madeBy: scope.userId,
      reason: w.reason,
      fromStageNumber: w.from?.number ?? null,
      toStageNumber: w.toNumber,
    })
    .returning({ id: stageAssignments.id });
  await writeAudit(tx, {
    clinicId: target.clinicId,
    actorId: scope.userId,
    action: `return_to_run.${w.kind}`,
    entity: "athlete",
    entityId: target.athleteId,
    before: w.from ? { stageId: w.from.id, stage: w.from.number } : null,
    after: { assignmentId: row!.id, stageId: w.stageId, stage: w.toNumber, reason: w.reason, byTrainer },
  });
  await resolveRtrAlerts(tx, target, scope.userId, resolutionNote);
}

async function setStatus(tx: Tx, scope: Scope, target: AthleteAccess, status: "active" | "return_to_run"): Promise<void> {
  const [before] = await tx.select({ status: athletes.status }).from(athletes).where(and(eq(athletes.id, target.athleteId), eq(athletes.clinicId, target.clinicId)));
  if (before?.status === status) return;
  // the status trigger (drizzle/0014) records the dated status history
  await tx.update(athletes).set({ status, updatedAt: new Date() }).where(and(eq(athletes.id, target.athleteId), eq(athletes.clinicId, target.clinicId)));
  await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "athlete.updated", entity: "athlete", entityId: target.athleteId, before: { status: before?.status }, after: { status } });
}

/**
 * The trainer puts the athlete on a running ladder at a chosen stage (status return to run), or
 * sets another stage while on it. A trainer-made assignment with a reason: it resumes a paused plan.
 */
export async function startReturnToRun(scope: TrainerScope, input: StartReturnToRunInput): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, input.athleteId, { write: true, db: tx });
    await lockAthlete(tx, target.clinicId, target.athleteId);
    const stages = await tx
      .select({ id: runStages.id, ladderId: runStages.ladderId })
      .from(runStages)
      .innerJoin(runLadders, eq(runLadders.id, runStages.ladderId))
      .where(and(eq(runStages.ladderId, input.ladderId), isNull(runStages.archivedAt), isNull(runLadders.archivedAt), sql`(${runLadders.clinicId} is null or ${runLadders.clinicId} = ${scope.clinicId})`))
      .orderBy(asc(runStages.position));
    const index = stages.findIndex((s) => s.id === input.stageId);
    if (index < 0) throw invalid("Choose a stage of this ladder.", { stageId: ["Choose a stage of this ladder."] });
    const { state } = await stateFor(tx, target);
    const kind = state === null ? "started" : state.verdict?.kind === "stop" ? "resumed" : "set";
    await writeAssignment(tx, scope, target, { ladderId: input.ladderId, stageId: input.stageId, kind, reason: input.reason, from: state?.stage ?? null, toNumber: index + 1 }, input.reason);
    await setStatus(tx, scope, target, "return_to_run");
    await bringUpToDate(tx, target, { because: `the return-to-run stage was set to stage ${index + 1}` });
  });
}

/**
 * One stage up or down (§2c). A trainer may step at any time with a reason (a trainer's step also
 * resumes a paused plan); the athlete steps up alone only when the trainer allowed it and step up
 * holds, and steps down one stage at any time when the plan is not paused and not at stage 1. At
 * the last stage only a trainer finishes the plan, by setting a distance prescription.
 */
export async function applyStageStep(scope: Scope, athleteId: string | undefined, input: Pick<StageStepInput, "direction" | "reason">): Promise<{ stage: number }> {
  return getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, athleteId, { write: true, db: tx });
    await lockAthlete(tx, target.clinicId, target.athleteId);
    const { loaded, state } = await stateFor(tx, target);
    if (!state || !state.stage || !loaded.returnToRun) throw conflict("This athlete is not on a return-to-run stage.");
    const stage = state.stage;
    const byTrainer = isTrainerScope(scope);
    if (byTrainer) {
      if (!input.reason) throw invalid("Say why.", { reason: ["Say why, in a few words."] });
      if (input.direction === "up" && stage.isLast) throw conflict("This is the last stage: finish the plan by setting a distance prescription.");
      if (input.direction === "down" && stage.isFirst) throw conflict("This is already the first stage.");
    } else {
      const refusal = athleteStepRefusal(state.verdict, input.direction, target.rtrMayStepUp);
      if (refusal) throw conflict(refusal);
    }
    const next = loaded.returnToRun.stages[stage.number - 1 + (input.direction === "up" ? 1 : -1)]!;
    const toNumber = stage.number + (input.direction === "up" ? 1 : -1);
    const reason = byTrainer ? input.reason! : `stepped ${input.direction} by the athlete`;
    await writeAssignment(tx, scope, target, { ladderId: loaded.returnToRun.ladderId, stageId: next.id, kind: input.direction === "up" ? "stepped_up" : "stepped_down", reason, from: stage, toNumber }, reason);
    await bringUpToDate(tx, target, { because: `stepped ${input.direction} to stage ${toNumber}` });
    return { stage: toNumber };
  });
}

/**
 * Off the ladder: at the last stage (`finished`, after the trainer set a distance prescription) or at
 * any time (`stopped`). Status active; open rtr_* alerts dated before today are resolved.
 */
export async function endReturnToRun(scope: TrainerScope, input: { athleteId: string; reason: string; finished: boolean }): Promise<void> {
  await getDb().transaction((tx) => endIn(tx, scope, input));
}

/**
 * §2c: at the last stage the trainer finishes the plan by setting a distance prescription, which
 * sets status active; prescription, assignment and status commit together.
 */
export async function finishReturnToRun(scope: TrainerScope, input: { prescription: PrescriptionInput; reason: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, input.prescription.athleteId, { write: true, db: tx });
    await lockAthlete(tx, target.clinicId, target.athleteId);
    const { state } = await stateFor(tx, target);
    if (!state?.stage?.isLast) throw conflict("The plan is finished from its last stage: step up to it first.");
    await writePrescription(tx, scope, input.prescription);
    await endIn(tx, scope, { athleteId: target.athleteId, reason: input.reason, finished: true });
  });
}

async function endIn(tx: Tx, scope: TrainerScope, input: { athleteId: string; reason: string; finished: boolean }): Promise<void> {
  const target = await athleteAccess(scope, input.athleteId, { write: true, db: tx });
  await lockAthlete(tx, target.clinicId, target.athleteId);
  const { loaded, state } = await stateFor(tx, target);
  if (!state || !loaded.returnToRun) throw conflict("This athlete is not on a return-to-run stage.");
  await writeAssignment(tx, scope, target, { ladderId: loaded.returnToRun.ladderId, stageId: null, kind: input.finished ? "finished" : "stopped", reason: input.reason, from: state.stage, toNumber: null }, input.reason);
  await setStatus(tx, scope, target, "active");
  await bringUpToDate(tx, target, { because: input.finished ? "the return-to-run plan was finished" : "the athlete was taken off the return-to-run plan" });
}

/** The trainer lets the athlete step up alone when step up holds (§2c), or takes that back. */
export async function setAthleteMayStepUp(scope: TrainerScope, input: { athleteId: string; allowed: boolean }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, input.athleteId, { write: true, db: tx });
    if (target.rtrMayStepUp === input.allowed) return;
    await tx.update(athletes).set({ rtrMayStepUp: input.allowed, updatedAt: new Date() }).where(and(eq(athletes.id, target.athleteId), eq(athletes.clinicId, target.clinicId)));
    await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "return_to_run.may_step_up", entity: "athlete", entityId: target.athleteId, before: { allowed: target.rtrMayStepUp }, after: { allowed: input.allowed } });
  });
}
