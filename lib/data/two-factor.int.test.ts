import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, twoFactorRecoveryCodes, userSessions, users, userTwoFactor } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { TrainerScope } from "@/lib/auth/scope";
import { openSecret } from "@/lib/auth/two-factor";
import { verifyCredentials } from "@/lib/data/accounts";
import { createApiToken, scopeFromApiToken } from "@/lib/data/api-tokens";
import { sessionStatus, startSession } from "@/lib/data/sessions";
import {
  completeSecondFactor,
  confirmTwoFactor,
  disableTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  setTwoFactorRequired,
  startTwoFactorSetup,
} from "@/lib/data/two-factor";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

beforeAll(() => {
  // the key that seals TOTP secrets is derived from it, as in the app
  process.env.AUTH_SECRET ??= "integration-test-auth-secret-0123456789";
});

const PASSWORD = "correct-horse-battery";
let n = 0;

async function makeTrainer(clinic: TrainerScope): Promise<TrainerScope & { email: string }> {
  n += 1;
  const email = `tf-trainer${n}-${Date.now()}@example.com`;
  const [u] = await getDb()
    .insert(users)
    .values({ clinicId: clinic.clinicId, email, name: `Trainer ${n}`, passwordHash: await hashPassword(PASSWORD), role: "trainer" })
    .returning({ id: users.id });
  return { userId: u!.id, clinicId: clinic.clinicId, role: "trainer", email };
}

/** The secret as the QR code shows it, and a code for the step `offset` steps from now. */
async function codeFor(scope: TrainerScope, offset = 0): Promise<string> {
  const [row] = await getDb().select({ secretEnc: userTwoFactor.secretEnc }).from(userTwoFactor).where(eq(userTwoFactor.userId, scope.userId));
  return generate({ secret: openSecret(row!.secretEnc)!, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
}

/** Set up and confirmed; `confirmedWith` is the code that confirmed it. */
async function enrolWith(scope: TrainerScope): Promise<{ codes: string[]; confirmedWith: string }> {
  await startTwoFactorSetup(scope);
  const status = await getTwoFactorStatus(scope);
  const confirmedWith = await generate({ secret: status.setup!.secret });
  return { codes: await confirmTwoFactor(scope, confirmedWith), confirmedWith };
}
const enrol = async (scope: TrainerScope) => (await enrolWith(scope)).codes;

const start = (s: { userId: string; clinicId: string }, secondFactorPending = false) => startSession({ id: s.userId, clinicId: s.clinicId }, { secondFactorPending });

const auditOf = async (scope: TrainerScope) =>
  (await getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.clinicId, scope.clinicId), eq(auditLog.entityId, scope.userId)))).map((a) => a.action);

describe("two-factor set-up", () => {
  it("shows a QR code and secret, stores the secret sealed, and is in force only after a right code", async () => {
    const clinic = await makeClinic("TF setup");
    await startTwoFactorSetup(clinic);
    const status = await getTwoFactorStatus(clinic);
    expect(status.enabled).toBe(false);
    expect(status.setup!.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(status.setup!.uri).toContain(encodeURIComponent(clinic.email));
    expect(status.setup!.qrSvg).toMatch(/^<svg/);
    const [row] = await getDb().select().from(userTwoFactor).where(eq(userTwoFactor.userId, clinic.userId));
    expect(row!.secretEnc).not.toContain(status.setup!.secret);
    expect((await verifyCredentials(clinic.email, PASSWORD))!.twoFactor).toBe(false);

    await expect(confirmTwoFactor(clinic, "000000")).rejects.toThrow(/not right/);
    const codes = await confirmTwoFactor(clinic, await generate({ secret: status.setup!.secret }));
    expect(codes).toHaveLength(10);
    const stored = await getDb().select({ codeHash: twoFactorRecoveryCodes.codeHash }).from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, clinic.userId));
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.map((s) => s.codeHash)).not.toContain(c);
    expect(await getTwoFactorStatus(clinic)).toMatchObject({ enabled: true, setup: null, recoveryCodesLeft: 10 });
    expect((await verifyCredentials(clinic.email, PASSWORD))!.twoFactor).toBe(true);
    await expect(startTwoFactorSetup(clinic)).rejects.toThrow(/already on/);
    expect(await auditOf(clinic)).toContain("two_factor.enabled");
  });

  it("is for staff only", async () => {
    const clinic = await makeClinic("TF athlete");
    const athlete = await makeAthlete(clinic);
    await expect(startTwoFactorSetup(athlete as unknown as TrainerScope)).rejects.toThrow(/for trainers/);
  });
});

describe("the sign-in's second step", () => {
  it("turns a pending session into a full one with a code from the app, and refuses the same code twice", async () => {
    const clinic = await makeClinic("TF sign-in");
    const { confirmedWith } = await enrolWith(clinic);
    const sid = await start(clinic, true);
    expect(await sessionStatus(sid, clinic.userId)).toEqual({ state: "pending" });
    expect(await completeSecondFactor({ sessionId: sid, userId: clinic.userId }, "12345")).toBeNull();
    // the code used to confirm the set-up was of this step: a replay, refused; the next step's is fine
    expect(await completeSecondFactor({ sessionId: sid, userId: clinic.userId }, confirmedWith)).toBeNull();
    expect(await completeSecondFactor({ sessionId: sid, userId: clinic.userId }, await codeFor(clinic, 1))).toBe("totp");
    expect(await sessionStatus(sid, clinic.userId)).toEqual({ state: "live", mustEnrol: false });

    const other = await start(clinic, true);
    expect(await completeSecondFactor({ sessionId: other, userId: clinic.userId }, await codeFor(clinic, 1))).toBeNull();
    expect(await sessionStatus(other, clinic.userId)).toEqual({ state: "pending" });
  });

  it("takes each recovery code once, audits it, and ends a pending session after ten minutes", async () => {
    const clinic = await makeClinic("TF recovery");
    const codes = await enrol(clinic);
    const first = await start(clinic, true);
    expect(await completeSecondFactor({ sessionId: first, userId: clinic.userId }, codes[3]!.toUpperCase())).toBe("recovery");
    const second = await start(clinic, true);
    expect(await completeSecondFactor({ sessionId: second, userId: clinic.userId }, codes[3]!)).toBeNull();
    expect(await sessionStatus(second, clinic.userId)).toEqual({ state: "pending" });
    expect(await completeSecondFactor({ sessionId: second, userId: clinic.userId }, codes[4]!)).toBe("recovery");
    expect((await getTwoFactorStatus(clinic)).recoveryCodesLeft).toBe(8);
    expect((await auditOf(clinic)).filter((a) => a === "two_factor.recovery_code_used")).toHaveLength(2);

    // another person's recovery code, or another person's session, does nothing
    const trainer = await makeTrainer(clinic);
    const theirs = await enrol(trainer);
    const third = await start(clinic, true);
    expect(await completeSecondFactor({ sessionId: third, userId: clinic.userId }, theirs[0]!)).toBeNull();
    expect(await completeSecondFactor({ sessionId: third, userId: trainer.userId }, theirs[0]!)).toBeNull();

    await getDb().update(userSessions).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(userSessions.id, third));
    expect(await sessionStatus(third, clinic.userId)).toEqual({ state: "over" });
    expect(await completeSecondFactor({ sessionId: third, userId: clinic.userId }, codes[5]!)).toBeNull();
  });

  it("replaces the recovery codes for a code, and turns off with the password and a code", async () => {
    const clinic = await makeClinic("TF manage");
    const old = await enrol(clinic);
    await expect(regenerateRecoveryCodes(clinic, "000000")).rejects.toThrow(/not right/);
    const fresh = await regenerateRecoveryCodes(clinic, await codeFor(clinic, 1));
    expect(fresh).toHaveLength(10);
    const sid = await start(clinic, true);
    expect(await completeSecondFactor({ sessionId: sid, userId: clinic.userId }, old[0]!)).toBeNull();

    await expect(disableTwoFactor(clinic, { password: "wrong-password-000", code: fresh[0]! })).rejects.toThrow(/password is not right/);
    await expect(disableTwoFactor(clinic, { password: PASSWORD, code: "000000" })).rejects.toThrow(/not right/);
    await disableTwoFactor(clinic, { password: PASSWORD, code: fresh[0]! });
    expect(await getTwoFactorStatus(clinic)).toMatchObject({ enabled: false, setup: null, recoveryCodesLeft: 0 });
    expect((await verifyCredentials(clinic.email, PASSWORD))!.twoFactor).toBe(false);
    expect(await auditOf(clinic)).toEqual(expect.arrayContaining(["two_factor.enabled", "two_factor.recovery_codes_replaced", "two_factor.recovery_code_used", "two_factor.disabled"]));
  });
});

describe("the owner's requirement", () => {
  it("needs the owner enrolled, sends trainers without it to enrolment, and leaves athletes alone", async () => {
    const clinic = await makeClinic("TF required");
    const trainer = await makeTrainer(clinic);
    const athlete = await makeAthlete(clinic);
    await expect(setTwoFactorRequired(trainer, true)).rejects.toThrow(/Only the clinic owner/);
    await expect(setTwoFactorRequired(clinic, true)).rejects.toThrow(/your own account first/);

    const trainerSession = await start(trainer);
    const athleteSession = await start(athlete);
    const { token } = await createApiToken(trainer, { name: "Script", scope: "read", expiresInDays: 30 });
    expect(await scopeFromApiToken(token)).not.toBeNull();
    expect(await sessionStatus(trainerSession, trainer.userId)).toEqual({ state: "live", mustEnrol: false });

    await enrol(clinic);
    await setTwoFactorRequired(clinic, true);
    expect(await sessionStatus(trainerSession, trainer.userId)).toEqual({ state: "live", mustEnrol: true });
    expect(await sessionStatus(athleteSession, athlete.userId)).toEqual({ state: "live", mustEnrol: false });
    expect((await getTwoFactorStatus(trainer)).requiredByClinic).toBe(true);
    expect(await scopeFromApiToken(token), "the trainer's API token waits for the enrolment too").toBeNull();

    await enrol(trainer);
    expect(await sessionStatus(trainerSession, trainer.userId)).toEqual({ state: "live", mustEnrol: false });
    expect(await scopeFromApiToken(token)).not.toBeNull();
    await expect(disableTwoFactor(trainer, { password: PASSWORD, code: await codeFor(trainer, 1) })).rejects.toThrow(/requires two-factor/);

    await setTwoFactorRequired(clinic, false);
    const actions = (await getDb().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.clinicId, clinic.clinicId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["two_factor.required", "two_factor.not_required"]));
  });
});
