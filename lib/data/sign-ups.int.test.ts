import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { clinics, pendingSignUps, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/data/accounts";
import { getClinic } from "@/lib/data/clinics";
import { confirmSignUp, getPendingSignUp, requestSignUp } from "@/lib/data/sign-ups";
import { signUpSchema } from "@/lib/validation/accounts";
import { makeClinic } from "@/tests/integration/factories";
import { queuedMail, queuedToken } from "@/tests/integration/mail";

const valid = { clinicName: "Harbour Physio", name: "Robin", email: "Robin@Example.com", password: "a-long-enough-password", timeZone: "America/New_York" };
const input = (over: Partial<typeof valid> = {}) => signUpSchema.parse({ ...valid, ...over });
const clinicsNamed = async (name: string) => (await getDb().select({ id: clinics.id }).from(clinics).where(eq(clinics.name, name))).length;

describe("sign-up confirms the email before the clinic exists", () => {
  it("stores a pending sign-up (token hashed) and emails a link; no clinic and no account until it is opened", async () => {
    await requestSignUp(input());
    expect(await clinicsNamed("Harbour Physio")).toBe(0);
    expect(await verifyCredentials("robin@example.com", valid.password)).toBeNull();
    const [mail] = await queuedMail("robin@example.com");
    expect(mail).toMatchObject({ kind: "sign_up", clinicId: null, subject: "Confirm your email to create your Stride Clinic" });
    const token = await queuedToken("robin@example.com", "sign-up/confirm");
    const [row] = await getDb().select().from(pendingSignUps).where(eq(pendingSignUps.email, "robin@example.com"));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await getPendingSignUp(token)).toEqual({ email: "robin@example.com", clinicName: "Harbour Physio" });
  });

  it("the link with the chosen password creates the clinic and its owner, once", async () => {
    await requestSignUp(input({ email: "once@example.com", clinicName: "Once Physio" }));
    const token = await queuedToken("once@example.com", "sign-up/confirm");
    await expect(confirmSignUp({ token, password: "not-the-password" })).rejects.toMatchObject({ code: "invalid", fieldErrors: { password: [expect.any(String)] } });
    const owner = await confirmSignUp({ token, password: valid.password });
    expect(owner).toMatchObject({ email: "once@example.com", role: "owner", athleteId: null });
    expect(await getClinic({ userId: owner.id, clinicId: owner.clinicId, role: "owner" })).toMatchObject({ name: "Once Physio", timeZone: "America/New_York" });
    expect(await verifyCredentials("ONCE@example.com", valid.password)).toMatchObject({ id: owner.id });
    await expect(confirmSignUp({ token, password: valid.password })).rejects.toMatchObject({ code: "invalid", fieldErrors: { token: [expect.any(String)] } });
    expect(await getPendingSignUp(token)).toBeNull();
    expect(await clinicsNamed("Once Physio")).toBe(1);
  });

  it("a newer sign-up replaces the earlier link; two confirmations at once create one clinic", async () => {
    await requestSignUp(input({ email: "twice@example.com", clinicName: "Twice Physio" }));
    const first = await queuedToken("twice@example.com", "sign-up/confirm");
    await requestSignUp(input({ email: "twice@example.com", clinicName: "Twice Physio" }));
    const second = await queuedToken("twice@example.com", "sign-up/confirm");
    expect(await getPendingSignUp(first)).toBeNull();
    await expect(confirmSignUp({ token: first, password: valid.password })).rejects.toMatchObject({ code: "invalid" });
    const results = await Promise.allSettled([confirmSignUp({ token: second, password: valid.password }), confirmSignUp({ token: second, password: valid.password })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await clinicsNamed("Twice Physio")).toBe(1);
  });

  it("an email with an account gets the same treatment on the web and a message saying so; nothing is created", async () => {
    const existing = await makeClinic("Existing");
    const before = (await getDb().select({ id: users.id }).from(users)).length;
    await expect(requestSignUp(input({ email: existing.email.toUpperCase(), clinicName: "Intruder Physio" }))).resolves.toBeUndefined();
    expect(await clinicsNamed("Intruder Physio")).toBe(0);
    expect((await getDb().select({ id: users.id }).from(users)).length).toBe(before);
    expect(await getDb().select().from(pendingSignUps).where(eq(pendingSignUps.email, existing.email))).toEqual([]);
    const [mail] = await queuedMail(existing.email);
    expect(mail).toMatchObject({ kind: "sign_up_existing", clinicId: null, subject: "Confirm your email to create your Stride Clinic" });
    expect(mail!.body).toContain("already has an account");
    expect(mail!.body).toContain("/forgot-password");
    // the owner's password still works and their clinic is theirs
    expect(await verifyCredentials(existing.email, "correct-horse-battery")).toMatchObject({ clinicId: existing.clinicId });
  });

  it("an account made meanwhile (say, by an invitation) wins: confirming then says the email is taken", async () => {
    await requestSignUp(input({ email: "meanwhile@example.com", clinicName: "Meanwhile Physio" }));
    const token = await queuedToken("meanwhile@example.com", "sign-up/confirm");
    const other = await makeClinic("Other");
    await getDb().update(users).set({ email: "meanwhile@example.com" }).where(eq(users.id, other.userId));
    await expect(confirmSignUp({ token, password: valid.password })).rejects.toMatchObject({ code: "conflict" });
    expect(await clinicsNamed("Meanwhile Physio")).toBe(0);
  });

  it("refuses unknown and malformed tokens", async () => {
    expect(await getPendingSignUp("short")).toBeNull();
    expect(await getPendingSignUp("x".repeat(43))).toBeNull();
    await expect(confirmSignUp({ token: "x".repeat(43), password: valid.password })).rejects.toMatchObject({ code: "invalid" });
  });
});
