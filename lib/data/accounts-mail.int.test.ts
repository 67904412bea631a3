import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, outbox, users } from "@/db/schema";
import { changePassword, signOutEverywhere, verifyCredentials } from "@/lib/data/accounts";
import { createTrainerInvite } from "@/lib/data/invites";
import { deliverPendingMail } from "@/lib/data/mail-delivery";
import { listOutbox } from "@/lib/data/outbox";
import { isResetLinkValid, requestPasswordReset, resetPassword, sendAthleteResetLink } from "@/lib/data/password-resets";
import { forgetRememberedSessions, isSessionLive, startSession } from "@/lib/data/sessions";
import { listStaff, setTrainerActive } from "@/lib/data/staff";
import { hashPassword } from "@/lib/auth/password";
import { outboxOnlyTransport, smtpTransport, type MailTransport } from "@/lib/mail";
import { linkIn, startMailSink, type MailSink } from "@/scripts/mail-sink";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

let sink: MailSink;
let smtp: MailTransport;

beforeAll(async () => {
  sink = await startMailSink({ refuse: (to) => to.startsWith("bounce") });
  smtp = smtpTransport(sink.url, "Stride Clinic <no-reply@example.com>");
});
afterAll(() => sink.close());

const tokenOf = (text: string, path: string) => linkIn(text, "http")!.split(`/${path}/`)[1]!;
const mailTo = (to: string) => sink.messages.filter((m) => m.to.includes(to));

describe("mail through the outbox", () => {
  it("sends a queued invitation over SMTP once, clears its secret body, and audits both steps", async () => {
    const clinic = await makeClinic("Mail");
    await createTrainerInvite(clinic, { name: "Kim", email: "kim-mail@example.com" });
    const [queued] = await getDb().select().from(outbox).where(eq(outbox.toAddress, "kim-mail@example.com"));
    expect(queued).toMatchObject({ status: "pending", secret: true, kind: "invite" });

    // two workers at once: the row lock hands the message to one of them
    const reports = await Promise.all([deliverPendingMail(smtp), deliverPendingMail(smtp)]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await deliverPendingMail(smtp)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const got = mailTo("kim-mail@example.com");
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toContain("invites you to Stride Clinic");
    expect(linkIn(got[0]!.text, "http")).toMatch(/^http:\/\/localhost:\d+\/invite\/[\w-]{40,}$/);
    expect(got[0]!.messageId).toBe(`<${queued!.id}@outbox.stride-clinic>`);

    const [sent] = await getDb().select().from(outbox).where(eq(outbox.id, queued!.id));
    expect(sent).toMatchObject({ status: "sent", transport: "smtp", body: null, attempts: 1 });
    const audit = await getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.clinicId, clinic.clinicId), eq(auditLog.entityId, queued!.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["mail.queued", "mail.sent"]);
    expect((await listOutbox(clinic))[0]).toMatchObject({ to: "kim-mail@example.com", status: "sent", body: null });
  });

  it("keeps the body readable in the outbox when there is no SMTP server (the demo)", async () => {
    const clinic = await makeClinic("Demo mail");
    await createTrainerInvite(clinic, { name: "Lee", email: "lee-demo@example.com" });
    expect((await deliverPendingMail(outboxOnlyTransport)).sent).toBeGreaterThanOrEqual(1);
    const [entry] = await listOutbox(clinic);
    expect(entry).toMatchObject({ status: "sent", transport: "outbox" });
    expect(entry!.body).toContain("/invite/");
  });

  it("gives up at once on a refused mailbox and retries later when the server is unreachable", async () => {
    const clinic = await makeClinic("Bounce");
    await createTrainerInvite(clinic, { name: "B", email: "bounce-1@example.com" });
    expect(await deliverPendingMail(smtp)).toMatchObject({ failed: 1 });
    const [failed] = await getDb().select().from(outbox).where(eq(outbox.toAddress, "bounce-1@example.com"));
    expect(failed).toMatchObject({ status: "failed" });
    expect(failed!.lastError).toContain("550");

    await createTrainerInvite(clinic, { name: "C", email: "down-1@example.com" });
    const down = smtpTransport("smtp://127.0.0.1:9", "x@example.com");
    expect(await deliverPendingMail(down)).toMatchObject({ retrying: 1 });
    const [later] = await getDb().select().from(outbox).where(eq(outbox.toAddress, "down-1@example.com"));
    expect(later!.status).toBe("pending");
    expect(later!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // not due yet: nothing is sent now, even with a working server
    expect((await deliverPendingMail(smtp)).sent).toBe(0);
  });
});

describe("passwords", () => {
  it("resets by an emailed single-use link, ends every session, and says nothing about unknown emails", async () => {
    const clinic = await makeClinic("Reset");
    const session = await startSession({ id: clinic.userId, clinicId: clinic.clinicId });
    const before = await getDb().select({ id: outbox.id }).from(outbox);
    await requestPasswordReset("nobody-here@example.com");
    expect(await getDb().select({ id: outbox.id }).from(outbox)).toHaveLength(before.length);

    await requestPasswordReset(clinic.email.toUpperCase());
    await deliverPendingMail(smtp);
    const [mail] = mailTo(clinic.email);
    const token = tokenOf(mail!.text, "reset-password");
    expect(await isResetLinkValid(token)).toBe(true);
    await resetPassword({ token, password: "a-brand-new-password" });
    expect(await verifyCredentials(clinic.email, "a-brand-new-password")).toMatchObject({ id: clinic.userId });
    expect(await verifyCredentials(clinic.email, "correct-horse-battery")).toBeNull();
    expect(await isSessionLive(session, clinic.userId)).toBe(false);
    await expect(resetPassword({ token, password: "yet-another-password" })).rejects.toMatchObject({ code: "invalid" });
    expect(await isResetLinkValid(token)).toBe(false);

    await deliverPendingMail(smtp);
    expect(mailTo(clinic.email).map((m) => m.subject)).toContain("Your Stride Clinic password was changed");
  });

  it("a newer link revokes the older one", async () => {
    const clinic = await makeClinic("Two links");
    await requestPasswordReset(clinic.email);
    await requestPasswordReset(clinic.email);
    await deliverPendingMail(smtp);
    const [first, second] = mailTo(clinic.email).map((m) => tokenOf(m.text, "reset-password"));
    expect(await isResetLinkValid(first!)).toBe(false);
    expect(await isResetLinkValid(second!)).toBe(true);
  });

  it("changes the password with the current one, keeping this session and ending the others", async () => {
    const clinic = await makeClinic("Change");
    const here = await startSession({ id: clinic.userId, clinicId: clinic.clinicId });
    const there = await startSession({ id: clinic.userId, clinicId: clinic.clinicId });
    await expect(changePassword(clinic, here, { currentPassword: "wrong-password", newPassword: "another-long-one" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["Your current password is not right."] },
    });
    await changePassword(clinic, here, { currentPassword: "correct-horse-battery", newPassword: "another-long-one" });
    expect(await isSessionLive(here, clinic.userId)).toBe(true);
    expect(await isSessionLive(there, clinic.userId)).toBe(false);
    expect(await verifyCredentials(clinic.email, "another-long-one")).not.toBeNull();
    await signOutEverywhere(clinic);
    expect(await isSessionLive(here, clinic.userId)).toBe(false);
  });

  it("lets a trainer send a reset link to their own clinic's athlete only", async () => {
    const clinic = await makeClinic("Athlete reset");
    const other = await makeClinic("Elsewhere");
    const athlete = await makeAthlete(clinic, "Ari");
    const { email } = await sendAthleteResetLink(clinic, athlete.athleteId);
    await expect(sendAthleteResetLink(other, athlete.athleteId)).rejects.toMatchObject({ code: "not_found" });
    await deliverPendingMail(smtp);
    const [mail] = mailTo(email);
    expect(mail!.text).toContain("Owner");
    expect(mail!.text).toContain("sent you a link");
  });
});

describe("deactivating a trainer", () => {
  it("ends their sessions at once, refuses their sign-in, keeps their row, and can be undone", async () => {
    const clinic = await makeClinic("Staff");
    const other = await makeClinic("Other staff");
    const [trainer] = await getDb()
      .insert(users)
      .values({ clinicId: clinic.clinicId, email: `t-${Date.now()}@example.com`, name: "Tess", passwordHash: await hashPassword("trainer-password-1"), role: "trainer" })
      .returning();
    const session = await startSession(trainer!);
    expect(await isSessionLive(session, trainer!.id)).toBe(true);
    await expect(setTrainerActive(other, trainer!.id, false)).rejects.toMatchObject({ code: "not_found" });
    await expect(setTrainerActive(clinic, clinic.userId, false)).rejects.toMatchObject({ code: "conflict" });
    await expect(setTrainerActive({ ...clinic, role: "trainer" }, trainer!.id, false)).rejects.toMatchObject({ code: "forbidden" });

    await setTrainerActive(clinic, trainer!.id, false);
    expect(await isSessionLive(session, trainer!.id)).toBe(false);
    expect(await verifyCredentials(trainer!.email, "trainer-password-1")).toBeNull();
    expect((await listStaff(clinic)).find((s) => s.id === trainer!.id)?.deactivatedAt).toBeInstanceOf(Date);

    await setTrainerActive(clinic, trainer!.id, true);
    forgetRememberedSessions();
    expect(await verifyCredentials(trainer!.email, "trainer-password-1")).toMatchObject({ id: trainer!.id });
    // an ended session stays ended: reactivation means signing in again
    expect(await isSessionLive(session, trainer!.id)).toBe(false);
  });
});
