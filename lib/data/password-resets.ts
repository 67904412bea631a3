import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { athletes, passwordResets, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { TrainerScope } from "@/lib/auth/scope";
import { appUrl } from "@/lib/env";
import { conflict, invalid } from "@/lib/errors";
import { mailQueued } from "@/lib/mail";
import { passwordChangedMail, passwordResetMail } from "@/lib/mail/messages";
import { athleteAccess } from "./access";
import { writeAudit } from "./audit";
import { queueMail } from "./outbox";
import { endUserSessions, forgetRememberedSessions } from "./sessions";

/**
 * Password reset by email: a random token (32 bytes) in a link valid for one hour and once; only
 * its sha-256 is stored. A new link revokes the earlier unused ones of that person. Asking for a
 * link answers the same whether or not the email has an account (the caller shows one sentence).
 * Using it sets the password, ends every session of that person and tells them by email.
 */
export const RESET_TTL_MS = 60 * 60_000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

type Target = { id: string; clinicId: string; email: string };

async function issueReset(tx: Tx, user: Target, requestedBy: { id: string; name: string } | null): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  await tx
    .update(passwordResets)
    .set({ revokedAt: new Date() })
    .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
  const [row] = await tx
    .insert(passwordResets)
    .values({ userId: user.id, clinicId: user.clinicId, tokenHash: hashToken(token), requestedBy: requestedBy?.id ?? null, expiresAt: new Date(Date.now() + RESET_TTL_MS) })
    .returning({ id: passwordResets.id });
  const mail = passwordResetMail({ link: `${appUrl()}/reset-password/${token}`, minutes: RESET_TTL_MS / 60_000, sentByTrainer: requestedBy?.name ?? null });
  await queueMail(tx, { ...mail, clinicId: user.clinicId, key: `password-reset:${row!.id}`, kind: "password_reset", to: user.email, secret: true, actorId: requestedBy?.id ?? null });
  await writeAudit(tx, { clinicId: user.clinicId, actorId: requestedBy?.id ?? user.id, action: "password_reset.requested", entity: "user", entityId: user.id, after: { resetId: row!.id, byTrainer: requestedBy !== null } });
}

/** "Forgot your password": queues a link when the email belongs to an active account, else nothing. */
export async function requestPasswordReset(email: string): Promise<void> {
  const queued = await getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, clinicId: users.clinicId, email: users.email })
      .from(users)
      .where(and(eq(users.email, email.trim().toLowerCase()), isNull(users.archivedAt)));
    if (!user) return false;
    await issueReset(tx, user, null);
    return true;
  });
  if (queued) mailQueued();
}

/** A trainer sends a reset link to an athlete of their clinic who already has a login. */
export async function sendAthleteResetLink(scope: TrainerScope, athleteId: string): Promise<{ email: string }> {
  const email = await getDb().transaction(async (tx) => {
    await athleteAccess(scope, athleteId, { write: true, db: tx });
    const [row] = await tx
      .select({ id: users.id, clinicId: users.clinicId, email: users.email, archivedAt: users.archivedAt })
      .from(athletes)
      .innerJoin(users, and(eq(users.id, athletes.userId), eq(users.clinicId, athletes.clinicId)))
      .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, scope.clinicId)));
    if (!row) throw conflict("This athlete has no login yet: send them an invitation instead.");
    if (row.archivedAt) throw conflict("This athlete's login is closed.");
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, scope.userId));
    await issueReset(tx, row, { id: scope.userId, name: me?.name ?? "Your trainer" });
    return row.email;
  });
  mailQueued();
  return { email };
}

const liveReset = (token: string) =>
  and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt), gt(passwordResets.expiresAt, new Date()));

/** Whether a reset link still works (the page says so before asking for a password). */
export async function isResetLinkValid(token: string): Promise<boolean> {
  if (token.length < 20 || token.length > 200) return false;
  const [row] = await getDb()
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(and(liveReset(token), isNull(users.archivedAt)));
  return row !== undefined;
}

const deadLink = () => invalid("This reset link is no longer valid: it works once, for an hour. Ask for a new one.", { token: ["This reset link is no longer valid."] });

/** Sets the new password, spends the link, ends every session of the person, and tells them. */
export async function resetPassword(input: { token: string; password: string }): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  const result = await getDb().transaction(async (tx) => {
    const [reset] = await tx.select().from(passwordResets).where(liveReset(input.token)).for("update");
    if (!reset) throw deadLink();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(and(eq(users.id, reset.userId), isNull(users.archivedAt)))
      .returning({ id: users.id, email: users.email, clinicId: users.clinicId });
    if (!user) throw deadLink();
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id));
    await tx
      .update(passwordResets)
      .set({ revokedAt: new Date() })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
    const ended = await endUserSessions(tx, user.id, "password_reset");
    await queueMail(tx, { ...passwordChangedMail({ when: "reset" }), clinicId: user.clinicId, key: `password-changed:reset:${reset.id}`, kind: "password_changed", to: user.email, secret: false, actorId: user.id });
    await writeAudit(tx, { clinicId: user.clinicId, actorId: user.id, action: "password.reset", entity: "user", entityId: user.id, after: { resetId: reset.id, sessionsEnded: ended } });
    return { email: user.email };
  });
  forgetRememberedSessions();
  mailQueued();
  return result;
}
