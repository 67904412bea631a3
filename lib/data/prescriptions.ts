import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { runningPrescriptions, users } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { toMetres } from "@/lib/domain/units";
import type { PrescriptionInput } from "@/lib/validation/programs";
import { writeAudit } from "./audit";
import { bringUpToDate } from "./derived/evaluate";
import { athleteAccess } from "./access";
import { visibleAllTo } from "./visibility";

export type PrescriptionView = {
  id: string;
  weeklyDistanceM: number;
  longestRunM: number;
  runIntervalSec: number | null;
  walkIntervalSec: number | null;
  note: string | null;
  setByName: string | null;
  setAt: Date;
};

/** Newest first: the first is the current prescription, the rest its history. */
export async function listPrescriptions(scope: Scope, athleteId: string, limit = 50): Promise<PrescriptionView[]> {
  const db = getDb();
  await athleteAccess(scope, athleteId);
  const rows = await db
    .select({
      id: runningPrescriptions.id,
      weeklyDistanceM: runningPrescriptions.weeklyDistanceM,
      longestRunM: runningPrescriptions.longestRunM,
      runIntervalSec: runningPrescriptions.runIntervalSec,
      walkIntervalSec: runningPrescriptions.walkIntervalSec,
      note: runningPrescriptions.note,
      setByName: users.name,
      setAt: runningPrescriptions.createdAt,
    })
    .from(runningPrescriptions)
    .leftJoin(users, and(eq(users.id, runningPrescriptions.setBy), eq(users.clinicId, scope.clinicId)))
    .where(and(eq(runningPrescriptions.clinicId, scope.clinicId), eq(runningPrescriptions.athleteId, athleteId)))
    .orderBy(desc(runningPrescriptions.createdAt))
    .limit(limit);
  return visibleAllTo(scope, "prescription", rows);
}

export async function getCurrentPrescription(scope: Scope, athleteId: string): Promise<PrescriptionView | null> {
  return (await listPrescriptions(scope, athleteId, 1))[0] ?? null;
}

/** A new prescription replaces the current one; the old one stays as history. */
export async function setRunningPrescription(scope: TrainerScope, input: PrescriptionInput): Promise<{ id: string }> {
  return getDb().transaction((tx) => writePrescription(tx, scope, input));
}

/** setRunningPrescription inside the caller's transaction (finishing a return-to-run plan sets one too). */
export async function writePrescription(tx: Tx, scope: TrainerScope, input: PrescriptionInput): Promise<{ id: string }> {
  await athleteAccess(scope, input.athleteId, { db: tx });
  const values = {
    weeklyDistanceM: Math.round(toMetres(input.weeklyDistance, input.unit)),
    longestRunM: Math.round(toMetres(input.longestRun, input.unit)),
    runIntervalSec: input.runMinutes === undefined ? null : Math.round(input.runMinutes * 60),
    walkIntervalSec: input.walkMinutes === undefined ? null : Math.round(input.walkMinutes * 60),
    note: input.note ?? null,
  };
  // rounding can push a longest run a metre over an equal weekly cap
  values.longestRunM = Math.min(values.longestRunM, values.weeklyDistanceM);
  // the one it replaces, so the audit reads "Weekly cap 30 → 32 km"
  const [before] = await tx
    .select({ weeklyDistanceM: runningPrescriptions.weeklyDistanceM, longestRunM: runningPrescriptions.longestRunM, runIntervalSec: runningPrescriptions.runIntervalSec, walkIntervalSec: runningPrescriptions.walkIntervalSec, note: runningPrescriptions.note })
    .from(runningPrescriptions)
    .where(and(eq(runningPrescriptions.clinicId, scope.clinicId), eq(runningPrescriptions.athleteId, input.athleteId)))
    .orderBy(desc(runningPrescriptions.createdAt))
    .limit(1);
  const [row] = await tx
    .insert(runningPrescriptions)
    .values({ clinicId: scope.clinicId, athleteId: input.athleteId, setBy: scope.userId, ...values })
    .returning({ id: runningPrescriptions.id });
  await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "running_prescription.set", entity: "athlete", entityId: input.athleteId, before: before ?? null, after: values });
  // it takes effect from the athlete's today (a dated history): the triggers mark that date
  await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId: input.athleteId }, { because: "the running prescription changed" });
  return row!;
}
