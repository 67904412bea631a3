import "server-only";
import { desc, eq, isNotNull, max } from "drizzle-orm";
import { getDb } from "@/db/client";
import { evaluationRunClinics, evaluationRuns } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { forbidden } from "@/lib/errors";

export type DailyEvaluationStatus = {
  /** This clinic's latest run that evaluated (or failed) one of its athletes: the start of its day. */
  lastRun: { startedAt: Date; finishedAt: Date | null; athletesEvaluated: number; failures: number } | null;
  /** When any run last finished: the schedule is alive even when none of this clinic's athletes was due. */
  lastCheckAt: Date | null;
};

/**
 * The day-start evaluation as the owner sees it (settings page): their own clinic's numbers only.
 * Error texts stay with the operators (evaluation_runs.last_error and the logs).
 */
export async function getDailyEvaluationStatus(scope: TrainerScope): Promise<DailyEvaluationStatus> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can see the daily evaluation.");
  const db = getDb();
  const [[last], [check]] = await Promise.all([
    db
      .select({
        startedAt: evaluationRunClinics.startedAt,
        finishedAt: evaluationRuns.finishedAt,
        athletesEvaluated: evaluationRunClinics.athletesEvaluated,
        failures: evaluationRunClinics.failures,
      })
      .from(evaluationRunClinics)
      .innerJoin(evaluationRuns, eq(evaluationRuns.id, evaluationRunClinics.runId))
      .where(eq(evaluationRunClinics.clinicId, scope.clinicId))
      .orderBy(desc(evaluationRunClinics.startedAt))
      .limit(1),
    db.select({ at: max(evaluationRuns.finishedAt) }).from(evaluationRuns).where(isNotNull(evaluationRuns.finishedAt)),
  ]);
  return { lastRun: last ?? null, lastCheckAt: check?.at ?? null };
}
