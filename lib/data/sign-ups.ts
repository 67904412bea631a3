import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pendingSignUps, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { appUrl } from "@/lib/env";
import { invalid, isUniqueViolation } from "@/lib/errors";
import { mailQueued } from "@/lib/mail";
import { signUpConfirmMail, signUpExistingMail } from "@/lib/mail/messages";
import type { SignUpInput } from "@/lib/validation/accounts";
import { createClinicWithOwner, emailTaken, type SessionUser } from "./accounts";
import { queueMail } from "./outbox";

/**
 * Sign-up in two steps, so nobody creates a clinic in someone else's name and the form never
 * says which emails have accounts:
 * 1. requestSignUp: the same work and the same answer for every email (an argon2 hash, one
 *    transaction, one queued email). A new email gets a pending sign-up (token hashed, 24 hours)
 *    and a link; an email with an account gets a message saying so, with sign-in and reset links.
 * 2. confirmSignUp: the link's token and the password chosen at step 1 create the clinic and the
 *    owner in one transaction, and spend the token.
 */
export const SIGN_UP_TTL_MS = 24 * 60 * 60_000;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function requestSignUp(input: SignUpInput): Promise<void> {
  // hashed whether or not it will be used: a known email answers as slowly as a new one
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString("base64url");
  await getDb().transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) {
      const mail = signUpExistingMail({ signInLink: `${appUrl()}/sign-in`, resetLink: `${appUrl()}/forgot-password` });
      await queueMail(tx, { ...mail, clinicId: null, key: `sign-up-existing:${randomUUID()}`, kind: "sign_up_existing", to: input.email, secret: false, actorId: null });
      return;
    }
    // a new request replaces the earlier unconfirmed ones of this email
    await tx
      .update(pendingSignUps)
      .set({ revokedAt: new Date() })
      .where(and(eq(pendingSignUps.email, input.email), isNull(pendingSignUps.usedAt), isNull(pendingSignUps.revokedAt)));
    const [row] = await tx
      .insert(pendingSignUps)
      .values({ email: input.email, tokenHash: hashToken(token), clinicName: input.clinicName, name: input.name, passwordHash, timeZone: input.timeZone, expiresAt: new Date(Date.now() + SIGN_UP_TTL_MS) })
      .returning({ id: pendingSignUps.id });
    const mail = signUpConfirmMail({ clinicName: input.clinicName, link: `${appUrl()}/sign-up/confirm/${token}`, hours: SIGN_UP_TTL_MS / 3_600_000 });
    await queueMail(tx, { ...mail, clinicId: null, key: `sign-up:${row!.id}`, kind: "sign_up", to: input.email, secret: true, actorId: null });
  });
  mailQueued();
}

const live = (token: string) =>
  and(eq(pendingSignUps.tokenHash, hashToken(token)), isNull(pendingSignUps.usedAt), isNull(pendingSignUps.revokedAt), gt(pendingSignUps.expiresAt, new Date()));

/** What the confirmation page shows; null when the link is unknown, used, replaced or expired. */
export async function getPendingSignUp(token: string): Promise<{ email: string; clinicName: string } | null> {
  if (token.length < 20 || token.length > 200) return null;
  const [row] = await getDb().select({ email: pendingSignUps.email, clinicName: pendingSignUps.clinicName }).from(pendingSignUps).where(live(token));
  return row ?? null;
}

const deadLink = () =>
  invalid("This confirmation link is no longer valid: it works once, for 24 hours, and a newer sign-up replaces it. Sign up again.", {
    token: ["This confirmation link is no longer valid."],
  });
const wrongPassword = () =>
  invalid("That is not the password you chose when you signed up.", { password: ["That is not the password you chose when you signed up."] });

/** Creates the clinic and its owner from a pending sign-up; the password must be the one chosen. */
export async function confirmSignUp(input: { token: string; password: string }): Promise<SessionUser> {
  const [pending] = await getDb().select({ passwordHash: pendingSignUps.passwordHash }).from(pendingSignUps).where(live(input.token));
  if (!pending) throw deadLink();
  if (!(await verifyPassword(pending.passwordHash, input.password))) throw wrongPassword();
  try {
    return await getDb().transaction(async (tx) => {
      // locked and read again: two confirmations at once, one creates the clinic
      const [row] = await tx.select().from(pendingSignUps).where(live(input.token)).for("update");
      if (!row) throw deadLink();
      await tx.update(pendingSignUps).set({ usedAt: new Date() }).where(eq(pendingSignUps.id, row.id));
      return createClinicWithOwner(tx, { clinicName: row.clinicName, timeZone: row.timeZone, email: row.email, name: row.name, passwordHash: row.passwordHash });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}
