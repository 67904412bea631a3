import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { athletes, clinics, users, userTwoFactor } from "@/db/schema";
import { dummyPasswordHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Scope } from "@/lib/auth/scope";
import { conflict, invalid, notFound } from "@/lib/errors";
import { mailQueued } from "@/lib/mail";
import { passwordChangedMail } from "@/lib/mail/messages";
import { writeAudit } from "./audit";
import { queueMail } from "./outbox";
import { endUserSessions, forgetRememberedSessions } from "./sessions";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  clinicId: string;
  role: "owner" | "trainer" | "athlete";
  athleteId: string | null;
};

export const emailTaken = () =>
  conflict("An account with this email already exists. Sign in instead.", {
    email: ["An account with this email already exists."],
  });

export type NewClinic = { clinicName: string; timeZone: string; email: string; name: string; passwordHash: string };

/**
 * A new clinic and its owner, inside the caller's transaction; the owner's email is taken as
 * confirmed: lib/data/sign-ups.ts calls this once the emailed link is opened. An email that has
 * an account is a conflict.
 */
export async function createClinicWithOwner(tx: Tx, input: NewClinic): Promise<SessionUser> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw emailTaken();
  const [clinic] = await tx.insert(clinics).values({ name: input.clinicName, timeZone: input.timeZone }).returning();
  const [owner] = await tx
    .insert(users)
    .values({ clinicId: clinic!.id, email: input.email, name: input.name, passwordHash: input.passwordHash, role: "owner" })
    .returning({ id: users.id, email: users.email, name: users.name, clinicId: users.clinicId, role: users.role });
  await writeAudit(tx, {
    clinicId: clinic!.id,
    actorId: owner!.id,
    action: "clinic.created",
    entity: "clinic",
    entityId: clinic!.id,
    after: { name: clinic!.name, timeZone: clinic!.timeZone },
  });
  return { ...owner!, athleteId: null };
}

/**
 * Returns the user for a correct email and password, null otherwise (never says which was wrong).
 * `twoFactor`: a second factor is owed before this sign-in counts (lib/data/two-factor.ts).
 */
export async function verifyCredentials(email: string, password: string): Promise<(SessionUser & { twoFactor: boolean }) | null> {
  const db = getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      clinicId: users.clinicId,
      role: users.role,
      passwordHash: users.passwordHash,
      archivedAt: users.archivedAt,
      twoFactor: sql<boolean>`${userTwoFactor.userId} is not null`,
    })
    .from(users)
    .leftJoin(userTwoFactor, and(eq(userTwoFactor.userId, users.id), isNotNull(userTwoFactor.enabledAt)))
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!row) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  const ok = await verifyPassword(row.passwordHash, password);
  if (!ok || row.archivedAt) return null;
  let athleteId: string | null = null;
  if (row.role === "athlete") {
    const [a] = await db.select({ id: athletes.id }).from(athletes).where(eq(athletes.userId, row.id));
    if (!a) return null;
    athleteId = a.id;
  }
  return { id: row.id, email: row.email, name: row.name, clinicId: row.clinicId, role: row.role, athleteId, twoFactor: row.role !== "athlete" && Boolean(row.twoFactor) };
}

/** Kilometres or miles, for the signed-in user's own forms and pages. */
export async function setUnit(scope: Scope, unit: "km" | "mi"): Promise<void> {
  await getDb()
    .update(users)
    .set({ unit, updatedAt: new Date() })
    .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId)));
}

const wrongCurrent = () => invalid("Your current password is not right.", { currentPassword: ["Your current password is not right."] });

/**
 * Change while signed in: the current password is required; every other session of the person
 * ends (this one goes on), and they are told by email.
 */
export async function changePassword(scope: Scope, currentSessionId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const [row] = await getDb()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId), isNull(users.archivedAt)));
  if (!row) throw notFound("Your account");
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) throw wrongCurrent();
  const passwordHash = await hashPassword(input.newPassword);
  await getDb().transaction(async (tx) => {
    // the hash read above must still be the one in force: two changes at once, one wins
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId), eq(users.passwordHash, row.passwordHash)))
      .returning({ email: users.email });
    if (!user) throw wrongCurrent();
    const ended = await endUserSessions(tx, scope.userId, "password_changed", currentSessionId);
    await queueMail(tx, { ...passwordChangedMail({ when: "changed" }), clinicId: scope.clinicId, key: `password-changed:${randomUUID()}`, kind: "password_changed", to: user.email, secret: false, actorId: scope.userId });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "password.changed", entity: "user", entityId: scope.userId, after: { sessionsEnded: ended } });
  });
  forgetRememberedSessions();
  mailQueued();
}

/** Ends every session of the signed-in person, this one included. */
export async function signOutEverywhere(scope: Scope): Promise<number> {
  const ended = await getDb().transaction(async (tx) => {
    const n = await endUserSessions(tx, scope.userId, "signed_out_everywhere");
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "sessions.ended", entity: "user", entityId: scope.userId, after: { sessionsEnded: n } });
    return n;
  });
  forgetRememberedSessions();
  return ended;
}
