import "server-only";
import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { clinics, twoFactorRecoveryCodes, userSessions, users, userTwoFactor } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import type { TrainerScope } from "@/lib/auth/scope";
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeTotpCode, openSecret, sealSecret, totpQrSvg, totpUri } from "@/lib/auth/two-factor";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { writeAudit } from "./audit";
import { forgetRememberedSessions, PENDING_SECOND_FACTOR_MS } from "./sessions";

/**
 * Two-factor sign-in for staff (trainers and owners; athletes never have it). Set up in two steps:
 * `startTwoFactorSetup` makes a secret (not yet in force), `confirmTwoFactor` puts it in force when
 * a code from the app matches and hands out ten recovery codes, once. At sign-in a right password
 * opens a session that still owes its second factor (lib/data/sessions.ts); `completeSecondFactor`
 * takes a code or an unused recovery code and makes it a full session. The owner can require it
 * for every trainer of the clinic (`setTwoFactorRequired`).
 */

export type TwoFactorStatus = {
  enabled: boolean;
  /** set up and waiting for its first code: the secret and its QR code, to scan */
  setup: { secret: string; uri: string; qrSvg: string } | null;
  recoveryCodesLeft: number;
  requiredByClinic: boolean;
};

const staffOnly = (scope: { role: string }) => {
  if (scope.role === "athlete") throw forbidden("Two-factor sign-in is for trainers.");
};

const wrongCode = () => invalid("That code is not right. Enter the 6-digit code your app shows now.", { code: ["That code is not right."] });

async function accountEmail(scope: TrainerScope): Promise<string> {
  const [me] = await getDb()
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId)));
  if (!me) throw notFound("Your account");
  return me.email;
}

export async function getTwoFactorStatus(scope: TrainerScope): Promise<TwoFactorStatus> {
  staffOnly(scope);
  const db = getDb();
  const [[row], [clinic], [left]] = await Promise.all([
    db.select().from(userTwoFactor).where(and(eq(userTwoFactor.userId, scope.userId), eq(userTwoFactor.clinicId, scope.clinicId))),
    db.select({ required: clinics.requireTwoFactor }).from(clinics).where(eq(clinics.id, scope.clinicId)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(twoFactorRecoveryCodes)
      .where(and(eq(twoFactorRecoveryCodes.userId, scope.userId), isNull(twoFactorRecoveryCodes.usedAt))),
  ]);
  const enabled = Boolean(row?.enabledAt);
  let setup: TwoFactorStatus["setup"] = null;
  if (row && !enabled) {
    const secret = openSecret(row.secretEnc);
    if (secret) {
      const uri = totpUri(secret, await accountEmail(scope));
      setup = { secret, uri, qrSvg: await totpQrSvg(uri) };
    }
  }
  return { enabled, setup, recoveryCodesLeft: enabled ? (left?.n ?? 0) : 0, requiredByClinic: clinic?.required ?? false };
}

/** A new secret waiting for its first code; replaces one not yet confirmed. Refused while one is in force. */
export async function startTwoFactorSetup(scope: TrainerScope): Promise<void> {
  staffOnly(scope);
  const secretEnc = sealSecret(newTotpSecret());
  const [row] = await getDb()
    .insert(userTwoFactor)
    .values({ userId: scope.userId, clinicId: scope.clinicId, secretEnc })
    .onConflictDoUpdate({ target: userTwoFactor.userId, set: { secretEnc, lastTimeStep: null, updatedAt: new Date() }, setWhere: isNull(userTwoFactor.enabledAt) })
    .returning({ userId: userTwoFactor.userId });
  if (!row) throw conflict("Two-factor sign-in is already on. Turn it off first to set up another app.");
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await tx.insert(twoFactorRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c)! })));
  return codes;
}

/**
 * Accepts a TOTP code for the user's secret at most once: the step it belongs to is recorded in
 * the same statement that checks no later-or-equal step was used, so two requests with one code
 * cannot both pass.
 */
async function acceptTotp(tx: Tx, userId: string, code: string, mustBeEnabled: boolean): Promise<boolean> {
  const [row] = await tx
    .select({ secretEnc: userTwoFactor.secretEnc, lastTimeStep: userTwoFactor.lastTimeStep, enabledAt: userTwoFactor.enabledAt })
    .from(userTwoFactor)
    .where(eq(userTwoFactor.userId, userId));
  if (!row || (mustBeEnabled && !row.enabledAt)) return false;
  const secret = openSecret(row.secretEnc);
  if (!secret) return false;
  const step = await checkTotp(secret, code, { afterTimeStep: row.lastTimeStep });
  if (step === null) return false;
  const [taken] = await tx
    .update(userTwoFactor)
    .set({ lastTimeStep: step, updatedAt: new Date() })
    .where(and(eq(userTwoFactor.userId, userId), or(isNull(userTwoFactor.lastTimeStep), lt(userTwoFactor.lastTimeStep, step))))
    .returning({ userId: userTwoFactor.userId });
  return taken !== undefined;
}

/** Marks one unused recovery code used; false when it is unknown or was used before. */
async function consumeRecoveryCode(tx: Tx, userId: string, code: string): Promise<boolean> {
  const hash = hashRecoveryCode(code);
  if (!hash) return false;
  const [used] = await tx
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, hash), isNull(twoFactorRecoveryCodes.usedAt)))
    .returning({ id: twoFactorRecoveryCodes.id });
  return used !== undefined;
}

/** A code from the app, or (when `recovery`) an unused recovery code, audited when one is used. */
async function acceptSecondFactor(tx: Tx, user: { userId: string; clinicId: string }, code: string): Promise<"totp" | "recovery" | null> {
  if (normalizeTotpCode(code)) return (await acceptTotp(tx, user.userId, code, true)) ? "totp" : null;
  if (!(await consumeRecoveryCode(tx, user.userId, code))) return null;
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, user.userId), isNull(twoFactorRecoveryCodes.usedAt)));
  await writeAudit(tx, { clinicId: user.clinicId, actorId: user.userId, action: "two_factor.recovery_code_used", entity: "user", entityId: user.userId, after: { recoveryCodesLeft: left?.n ?? 0 } });
  return "recovery";
}

/** Puts the waiting secret in force with a code from the app; returns the ten recovery codes (shown once). */
export async function confirmTwoFactor(scope: TrainerScope, code: string): Promise<string[]> {
  staffOnly(scope);
  const codes = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ enabledAt: userTwoFactor.enabledAt })
      .from(userTwoFactor)
      .where(and(eq(userTwoFactor.userId, scope.userId), eq(userTwoFactor.clinicId, scope.clinicId)))
      .for("update");
    if (!row) throw conflict("Start the set-up first: the page shows a QR code to scan.");
    if (row.enabledAt) throw conflict("Two-factor sign-in is already on.");
    if (!(await acceptTotp(tx, scope.userId, code, false))) throw wrongCode();
    await tx.update(userTwoFactor).set({ enabledAt: new Date(), updatedAt: new Date() }).where(eq(userTwoFactor.userId, scope.userId));
    const fresh = await replaceRecoveryCodes(tx, scope.userId);
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "two_factor.enabled", entity: "user", entityId: scope.userId, after: { recoveryCodes: fresh.length } });
    return fresh;
  });
  forgetRememberedSessions(); // a trainer who had to enrol is let through at once
  return codes;
}

/** Ten new recovery codes for a code from the app (or a recovery code); the old ones stop working. */
export async function regenerateRecoveryCodes(scope: TrainerScope, code: string): Promise<string[]> {
  staffOnly(scope);
  return getDb().transaction(async (tx) => {
    if (!(await acceptSecondFactor(tx, scope, code))) throw wrongCode();
    const fresh = await replaceRecoveryCodes(tx, scope.userId);
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "two_factor.recovery_codes_replaced", entity: "user", entityId: scope.userId, after: { recoveryCodes: fresh.length } });
    return fresh;
  });
}

/** Off again, with the password and a code (or a recovery code). Refused while the clinic requires it. */
export async function disableTwoFactor(scope: TrainerScope, input: { password: string; code: string }): Promise<void> {
  staffOnly(scope);
  const [me] = await getDb()
    .select({ passwordHash: users.passwordHash, required: clinics.requireTwoFactor })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId)));
  if (!me) throw notFound("Your account");
  if (!(await verifyPassword(me.passwordHash, input.password))) throw invalid("Your password is not right.", { password: ["Your password is not right."] });
  if (me.required) throw conflict("Your clinic requires two-factor sign-in, so it cannot be turned off.");
  await getDb().transaction(async (tx) => {
    if (!(await acceptSecondFactor(tx, scope, input.code))) throw wrongCode();
    // the secret and the codes are gone for good (nothing to keep: the audit says when and who)
    await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, scope.userId));
    await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, scope.userId));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "two_factor.disabled", entity: "user", entityId: scope.userId });
  });
  forgetRememberedSessions();
}

/**
 * The sign-in's second step: a session still owing its second factor becomes a full session when
 * `code` is a current code from the app or an unused recovery code. False otherwise (the caller
 * counts the failure). A pending session older than PENDING_SECOND_FACTOR_MS is over.
 */
export async function completeSecondFactor(pending: { sessionId: string; userId: string }, code: string): Promise<"totp" | "recovery" | null> {
  const used = await getDb().transaction(async (tx) => {
    const [session] = await tx
      .select({ clinicId: userSessions.clinicId })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .where(
        and(
          eq(userSessions.id, pending.sessionId),
          eq(userSessions.userId, pending.userId),
          eq(userSessions.secondFactorPending, true),
          isNull(userSessions.endedAt),
          isNull(users.archivedAt),
          sql`${userSessions.createdAt} > now() - make_interval(secs => ${PENDING_SECOND_FACTOR_MS / 1000})`,
        ),
      )
      .for("update", { of: userSessions });
    if (!session) return null;
    const kind = await acceptSecondFactor(tx, { userId: pending.userId, clinicId: session.clinicId }, code);
    if (kind) await tx.update(userSessions).set({ secondFactorPending: false }).where(eq(userSessions.id, pending.sessionId));
    return kind;
  });
  if (used) forgetRememberedSessions();
  return used;
}

/** The owner's rule for the clinic. Turning it on needs the owner's own two-factor sign-in first. */
export async function setTwoFactorRequired(scope: TrainerScope, required: boolean): Promise<void> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can require two-factor sign-in.");
  await getDb().transaction(async (tx) => {
    if (required) {
      const [mine] = await tx
        .select({ userId: userTwoFactor.userId })
        .from(userTwoFactor)
        .where(and(eq(userTwoFactor.userId, scope.userId), isNotNull(userTwoFactor.enabledAt)));
      if (!mine) throw conflict("Turn on two-factor sign-in for your own account first (Your account → Two-factor sign-in).");
    }
    const [before] = await tx.select({ required: clinics.requireTwoFactor }).from(clinics).where(eq(clinics.id, scope.clinicId)).for("update");
    if (!before) throw notFound("Clinic");
    if (before.required === required) return;
    await tx.update(clinics).set({ requireTwoFactor: required, updatedAt: new Date() }).where(eq(clinics.id, scope.clinicId));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: required ? "two_factor.required" : "two_factor.not_required", entity: "clinic", entityId: scope.clinicId, before: { required: before.required }, after: { required } });
  });
  forgetRememberedSessions(); // trainers without it are sent to enrolment on their next request
}

/** Which staff members have two-factor sign-in on, for the owner's list of trainers. */
export async function staffWithTwoFactor(scope: TrainerScope): Promise<Set<string>> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner manages trainers.");
  const rows = await getDb()
    .select({ userId: userTwoFactor.userId })
    .from(userTwoFactor)
    .where(and(eq(userTwoFactor.clinicId, scope.clinicId), isNotNull(userTwoFactor.enabledAt)));
  return new Set(rows.map((r) => r.userId));
}
