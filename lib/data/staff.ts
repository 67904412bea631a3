import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { writeAudit } from "./audit";
import { endUserSessions, forgetRememberedSessions } from "./sessions";

/**
 * The clinic's trainers as the owner manages them. Deactivating a trainer closes their login at
 * once (every session ends, sign-in and API tokens refuse them, reset links die) and keeps
 * everything they wrote: their records, the athletes assigned to them and the audit. It is
 * undone by reactivating them, with the password they had.
 */
export type StaffMember = { id: string; name: string; email: string; role: "owner" | "trainer"; deactivatedAt: Date | null };

export async function listStaff(scope: TrainerScope): Promise<StaffMember[]> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner manages trainers.");
  const rows = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, deactivatedAt: users.archivedAt })
    .from(users)
    .where(and(eq(users.clinicId, scope.clinicId), inArray(users.role, ["owner", "trainer"])))
    .orderBy(asc(users.name));
  return rows as StaffMember[];
}

export async function setTrainerActive(scope: TrainerScope, userId: string, active: boolean): Promise<void> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner manages trainers.");
  await getDb().transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, role: users.role, name: users.name, archivedAt: users.archivedAt })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.clinicId, scope.clinicId)))
      .for("update");
    if (!target || target.role === "athlete") throw notFound("Trainer");
    if (target.role === "owner") throw conflict("The clinic owner cannot be deactivated.");
    if (active === (target.archivedAt === null)) return;
    await tx
      .update(users)
      .set({ archivedAt: active ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId));
    let ended = 0;
    if (!active) {
      ended = await endUserSessions(tx, userId, "deactivated");
      await tx
        .update(passwordResets)
        .set({ revokedAt: new Date() })
        .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
    }
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: active ? "user.reactivated" : "user.deactivated", entity: "user", entityId: userId, after: { name: target.name, sessionsEnded: ended } });
  });
  forgetRememberedSessions();
}
