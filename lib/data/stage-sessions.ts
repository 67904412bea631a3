import "server-only";
import { getDb } from "@/db/client";
import { activities } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { instantOf } from "@/lib/domain/local-time";
import { addDays } from "@/lib/domain/dates";
import { assignmentOn } from "@/lib/domain/return-to-run";
import { conflict, invalid } from "@/lib/errors";
import type { StageSessionInput } from "@/lib/validation/return-to-run";
import { athleteAccess } from "./access";
import { activityByClientId, type ActivityView } from "./activities";
import { loadAthleteRecords, statusOn } from "./athlete-records";
import { writeAudit } from "./audit";
import { bringUpToDate } from "./derived/evaluate";
import { assertReportDate } from "./report-rules";

/**
 * Logs a return-to-run session against its stage (DESIGN §2c): completed, or stopped early with
 * the repeat reached and whether pain was the reason; pain during and after; distance optional.
 * The stage must have been in force at some time on the session's date. A stage-1 (walking) session
 * is stored as a `walk`. Stored once per client id, like every report.
 */
export async function recordStageSession(scope: Scope, input: StageSessionInput): Promise<{ id: string; created: boolean; activity: ActivityView }> {
  return getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, input.athleteId, { write: true, db: tx });
    // a retry (the outbox sending again after a lost answer) gets what the first submit stored, whatever its date
    const existing = await activityByClientId(tx, target.clinicId, input.clientId);
    if (existing) return retried(existing, target.athleteId);
    assertReportDate(target, input.date);
    const loaded = await loadAthleteRecords(tx, target, input.date, input.date);
    const plan = loaded.returnToRun;
    if (!plan || statusOn(loaded.statuses, input.date, target.status) !== "return_to_run") {
      throw conflict("There was no return-to-run plan on that date: log it as a run instead.");
    }
    // in force at some time on the date: at its start, or assigned during it
    const inForce = new Set([assignmentOn(plan.assignments, addDays(input.date, -1))?.stageId, ...plan.assignments.filter((a) => a.date === input.date).map((a) => a.stageId)]);
    const index = plan.stages.findIndex((s) => s.id === input.stageId);
    if (index < 0 || !inForce.has(input.stageId)) throw invalid("Choose the stage you were on that day.", { stageId: ["Choose the stage you were on that day."] });
    const stage = plan.stages[index]!;
    if (input.stoppedAtRepeat !== undefined && input.stoppedAtRepeat > stage.repeats) {
      throw invalid(`This stage has ${stage.repeats} repeats.`, { stoppedAtRepeat: [`Enter a repeat from 0 to ${stage.repeats}.`] });
    }
    const type = stage.runMin === 0 ? "walk" : "run";
    const [row] = await tx
      .insert(activities)
      .values({
        clinicId: target.clinicId,
        athleteId: target.athleteId,
        type,
        startedAt: instantOf(input.date, input.startTime ?? "12:00", target.timeZone),
        date: input.date,
        durationSec: input.durationSec,
        runningSec: input.runningSec ?? null,
        distanceM: input.distanceM ?? null,
        rpe: input.rpe,
        painDuring: input.painDuring ?? null,
        painAfter: input.painAfter ?? null,
        note: input.note || null,
        stageId: input.stageId,
        sessionOutcome: input.outcome,
        stoppedAtRepeat: input.outcome === "stopped_early" ? (input.stoppedAtRepeat ?? null) : null,
        stopReason: input.outcome === "stopped_early" ? (input.stopReason ?? null) : null,
        source: "manual",
        clientId: input.clientId,
        recordedBy: scope.userId,
      })
      // two sends of one submission at once: the second waits for the first, then stores nothing
      .onConflictDoNothing({ target: [activities.clinicId, activities.clientId] })
      .returning({ id: activities.id });
    if (!row) return retried(await activityByClientId(tx, target.clinicId, input.clientId), target.athleteId);
    if (target.byTrainer) {
      await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "activity.created", entity: "activity", entityId: row.id, after: { ...input, type } });
    }
    await bringUpToDate(tx, target, { because: `the stage ${index + 1} session of ${input.date} was entered` });
    return { id: row.id, created: true, activity: (await activityByClientId(tx, target.clinicId, input.clientId))! };
  });
}

function retried(stored: ActivityView | null, athleteId: string) {
  if (!stored || stored.athleteId !== athleteId) throw conflict("This submission id was already used for another record.");
  return { id: stored.id, created: false, activity: stored };
}
