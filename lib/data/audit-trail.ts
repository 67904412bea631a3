import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, alerts, auditLog, checkIns, exerciseLogs, programItems, runningPrescriptions, shoes, users } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { forbidden } from "@/lib/errors";
import { athleteAccess } from "./access";

export type AuditRow = { id: string; action: string; entity: string; entityId: string | null; actorName: string | null; before: unknown; after: unknown; createdAt: Date };

const columns = {
  id: auditLog.id,
  action: auditLog.action,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  actorName: users.name,
  before: auditLog.before,
  after: auditLog.after,
  createdAt: auditLog.createdAt,
};

/** Who changed what about one athlete: the athlete row and everything that hangs off it. */
export async function listAthleteAudit(scope: TrainerScope, athleteId: string, limit = 100): Promise<AuditRow[]> {
  const db = getDb();
  await athleteAccess(scope, athleteId); // 404 for another clinic's athlete
  const owned = (table: typeof programItems | typeof alerts | typeof activities | typeof checkIns | typeof exerciseLogs | typeof runningPrescriptions | typeof shoes) =>
    inArray(auditLog.entityId, db.select({ id: table.id }).from(table).where(and(eq(table.clinicId, scope.clinicId), eq(table.athleteId, athleteId))));
  return db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.clinicId, scope.clinicId),
        or(
          eq(auditLog.entityId, athleteId),
          sql`${auditLog.after}->>'athleteId' = ${athleteId}`,
          owned(programItems),
          owned(alerts),
          owned(activities),
          owned(checkIns),
          owned(exerciseLogs),
          owned(runningPrescriptions),
          owned(shoes),
        ),
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

/** The clinic's whole audit log, newest first: the owner's view. */
export async function listClinicAudit(scope: TrainerScope, limit = 300): Promise<AuditRow[]> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can read the clinic's audit log.");
  return getDb()
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.clinicId, scope.clinicId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
