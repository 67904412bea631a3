import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { athletes, checkIns, outbox, users } from "@/db/schema";
import { getAlertEmailSettings, runAlertDigests, setAlertEmailSettings } from "@/lib/data/alert-mail";
import { listAlerts, transitionAlerts } from "@/lib/data/alerts";
import { recordCheckIn } from "@/lib/data/check-ins";
import { bringClinicUpToDate } from "@/lib/data/derived/clinic";
import { evaluateAthlete } from "@/lib/data/derived/evaluate";
import { deliverPendingMail } from "@/lib/data/mail-delivery";
import { addDays, todayIn } from "@/lib/domain/dates";
import { appUrl } from "@/lib/env";
import { smtpTransport, type MailTransport } from "@/lib/mail";
import { alertEmailSettingsSchema } from "@/lib/validation/alert-mail";
import { linkIn, startMailSink, type MailSink } from "@/scripts/mail-sink";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";
import type { TrainerScope } from "@/lib/auth/scope";

let sink: MailSink;
let smtp: MailTransport;

beforeAll(async () => {
  sink = await startMailSink({ failOnce: (to) => to.startsWith("flaky") });
  smtp = smtpTransport(sink.url, "Stride Clinic <no-reply@example.com>");
});
afterAll(() => sink.close());

const today = todayIn("Europe/London");
const SUBJECT = "Stride Clinic: an athlete needs your attention";

const queuedTo = (to: string, kind = "alert_urgent") =>
  getDb()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, to), eq(outbox.kind, kind)));

const emailOf = async (userId: string) => (await getDb().select({ email: users.email }).from(users).where(eq(users.id, userId)))[0]!.email;

/** A trainer of the clinic (no login needed here), with an email that may start with `prefix`. */
async function makeTrainer(clinic: TrainerScope, prefix = "trainer"): Promise<TrainerScope & { email: string }> {
  const email = `${prefix}-${crypto.randomUUID()}@example.com`;
  const [u] = await getDb().insert(users).values({ clinicId: clinic.clinicId, email, name: "Tara Trainer", passwordHash: "x", role: "trainer" }).returning();
  return { userId: u!.id, clinicId: clinic.clinicId, role: "trainer", email };
}

const assign = (athleteId: string, trainerId: string | null) => getDb().update(athletes).set({ trainerId }).where(eq(athletes.id, athleteId));

const choose = (scope: TrainerScope, alertEmail: string, digestHour?: string) => setAlertEmailSettings(scope, alertEmailSettingsSchema.parse({ alertEmail, digestHour }));

describe("urgent alerts by email", () => {
  it("an urgent red flag queues exactly one email; edits and re-evaluations do not queue another", async () => {
    const clinic = await makeClinic("Urgent");
    const trainer = await makeTrainer(clinic);
    const me = await makeAthlete(clinic, "Riley Runner");
    await assign(me.athleteId, trainer.userId);

    await recordCheckIn(me, { morningPain: 3, redFlags: { locking: true }, tapeYesterday: false });
    const [mail] = await queuedTo(trainer.email);
    expect(await queuedTo(trainer.email)).toHaveLength(1);
    expect(mail).toMatchObject({ subject: SUBJECT, status: "pending", secret: false });
    expect(mail!.messageKey).toMatch(/^alert:[0-9a-f-]{36}$/);
    expect(mail!.body).toContain("Riley Runner has an urgent alert today:");
    expect(mail!.body).toContain("Reported locking");
    expect(linkIn(mail!.body!, "http")).toBe(`${appUrl()}/athletes/${me.athleteId}`);
    // the owner is not told about another trainer's athlete
    expect(await queuedTo(clinic.email)).toHaveLength(0);

    // the same check-in saved again with another pain, an evaluation of its own, and two at once
    await recordCheckIn(me, { morningPain: 4, redFlags: { locking: true, swelling: true }, tapeYesterday: false });
    await evaluateAthlete(me, "again");
    await Promise.all([evaluateAthlete(me, "one", addDays(today, -3)), evaluateAthlete(me, "two", addDays(today, -3))]);
    expect(await queuedTo(trainer.email)).toHaveLength(1);

    // unticked and ticked again: the alert is retired and revived, still one email
    await recordCheckIn(me, { morningPain: 4, redFlags: {}, tapeYesterday: false });
    await recordCheckIn(me, { morningPain: 4, redFlags: { locking: true }, tapeYesterday: false });
    expect(await queuedTo(trainer.email)).toHaveLength(1);

    // pain 8 is another alert (pain_7): one more email
    await recordCheckIn(me, { morningPain: 8, redFlags: { locking: true }, tapeYesterday: false });
    const both = await queuedTo(trainer.email);
    expect(both).toHaveLength(2);
    expect(both.map((m) => m.body).join()).toContain("Pain at or above 7");
    expect(both.every((m) => m.subject === SUBJECT)).toBe(true);
  });

  it("a high (not urgent) red flag is not emailed at once; nor an old urgent alert entered late", async () => {
    const clinic = await makeClinic("High");
    const me = await makeAthlete(clinic);
    await recordCheckIn(me, { morningPain: 2, redFlags: { swelling: true, clicking: true }, tapeYesterday: false });
    expect(await queuedTo(clinic.email)).toHaveLength(0);
    // written directly, a week back: the evaluation stores the alert, the email is not sent
    await getDb().insert(checkIns).values({ clinicId: me.clinicId, athleteId: me.athleteId, date: addDays(today, -8), morningPain: 9, locking: true });
    await evaluateAthlete(me, "a late entry", addDays(today, -8));
    expect(await queuedTo(clinic.email)).toHaveLength(0);
    // within the week it is
    await getDb().insert(checkIns).values({ clinicId: me.clinicId, athleteId: me.athleteId, date: addDays(today, -6), morningPain: 2, hotRedFever: true });
    await evaluateAthlete(me, "a late entry", addDays(today, -6));
    const [late] = await queuedTo(clinic.email);
    expect(late!.body).toContain("has an urgent alert for");
  });

  it("goes to the owner when the athlete has no trainer or a deactivated one; follows each recipient's choice", async () => {
    const clinic = await makeClinic("Recipients");
    const gone = await makeTrainer(clinic);
    await getDb().update(users).set({ archivedAt: new Date() }).where(eq(users.id, gone.userId));
    const orphan = await makeAthlete(clinic, "Orphan");
    await assign(orphan.athleteId, gone.userId);
    const loose = await makeAthlete(clinic, "Loose");
    await assign(loose.athleteId, null);
    await recordCheckIn(orphan, { morningPain: 1, redFlags: { cannot_bear_weight: true }, tapeYesterday: false });
    await recordCheckIn(loose, { morningPain: 7, redFlags: {}, tapeYesterday: false });
    expect(await queuedTo(gone.email)).toHaveLength(0);
    expect((await queuedTo(clinic.email)).map((m) => m.body!.split(" has ")[0]).sort()).toEqual(["Loose", "Orphan"]);

    // "digest" still gets urgent alerts at once; "none" gets nothing, and nobody else is told instead
    const digest = await makeTrainer(clinic);
    await choose(digest, "digest", "7");
    const quiet = await makeTrainer(clinic);
    await choose(quiet, "none");
    const a = await makeAthlete(clinic, "A");
    await assign(a.athleteId, digest.userId);
    const b = await makeAthlete(clinic, "B");
    await assign(b.athleteId, quiet.userId);
    await recordCheckIn(a, { morningPain: 1, redFlags: { locking: true }, tapeYesterday: false });
    await recordCheckIn(b, { morningPain: 1, redFlags: { locking: true }, tapeYesterday: false });
    expect(await queuedTo(digest.email)).toHaveLength(1);
    expect(await queuedTo(quiet.email)).toHaveLength(0);
    expect(await queuedTo(clinic.email)).toHaveLength(2);
  });

  it("a loaded history (seeds) stores its urgent alerts without emailing", async () => {
    const clinic = await makeClinic("Seeded");
    const me = await makeAthlete(clinic);
    await getDb().insert(checkIns).values({ clinicId: me.clinicId, athleteId: me.athleteId, date: today, morningPain: 9, locking: true });
    await bringClinicUpToDate(clinic.clinicId, 3);
    expect(await queuedTo(clinic.email)).toHaveLength(0);
  });

  it("a send that fails for a while (SMTP 451) is retried and delivered once", async () => {
    const clinic = await makeClinic("Flaky");
    const trainer = await makeTrainer(clinic, "flaky");
    const me = await makeAthlete(clinic);
    await assign(me.athleteId, trainer.userId);
    await recordCheckIn(me, { morningPain: 2, redFlags: { locking: true }, tapeYesterday: false });
    // (messages the other tests queued go out too; this one is the only one the server turns away)
    expect(await deliverPendingMail(smtp)).toMatchObject({ retrying: 1, failed: 0 });
    const [waiting] = await queuedTo(trainer.email);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting!.lastError).toContain("451");
    // the retry falls due (a minute later): the worker sends it, once
    await getDb().update(outbox).set({ nextAttemptAt: new Date() }).where(eq(outbox.id, waiting!.id));
    const again = await Promise.all([deliverPendingMail(smtp), deliverPendingMail(smtp)]);
    expect(again.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await deliverPendingMail(smtp)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const got = sink.messages.filter((m) => m.to.includes(trainer.email));
    expect(got).toHaveLength(1);
    expect(got[0]!.subject).toBe(SUBJECT);
    expect(got[0]!.text).toContain(`/athletes/${me.athleteId}`);
    const [sent] = await queuedTo(trainer.email);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, transport: "smtp" });
  });
});

describe("the daily digest", () => {
  // 10:00 in London, in winter and summer alike (GMT or BST: 09:00 or 10:00 UTC)
  const at = (date: string, utcHour: number) => new Date(`${date}T${String(utcHour).padStart(2, "0")}:00:00Z`);

  it("sends a digest trainer their open high and moderate alerts once per local day, at or after their hour", async () => {
    const clinic = await makeClinic("Digest");
    const me = await makeAthlete(clinic, "Dana Digest");
    const other = await makeAthlete(clinic, "Acked Athlete");
    await recordCheckIn(me, { morningPain: 6, redFlags: { swelling: true }, tapeYesterday: false });
    await recordCheckIn(other, { morningPain: 1, redFlags: { night_pain: true }, tapeYesterday: false });
    // an alert the trainer has acknowledged is not in the digest
    await transitionAlerts(clinic, (await listAlerts(clinic, { athleteId: other.athleteId })).map((a) => a.id), "acknowledged");
    await choose(clinic, "digest", "8");
    expect(await getAlertEmailSettings(clinic)).toMatchObject({ alertEmail: "digest", digestHour: 8, timeZone: "Europe/London" });

    // before the hour (06:00 UTC is 06:00 or 07:00 in London): nothing
    const early = at(today, 6);
    const before = await runAlertDigests({ now: early });
    expect(before.due).toBe(0);
    const noon = at(today, 12);
    const runs = await Promise.all([runAlertDigests({ now: noon }), runAlertDigests({ now: noon })]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await runAlertDigests({ now: noon })).toMatchObject({ due: 0 });
    const digests = await queuedTo(clinic.email, "alert_digest");
    expect(digests).toHaveLength(1);
    expect(digests[0]!.messageKey).toBe(`digest:${clinic.userId}:${today}`);
    expect(digests[0]!.subject).toBe("Stride Clinic: your daily alert summary");
    const body = digests[0]!.body!;
    expect(body).toContain("Dana Digest\n  - High:");
    expect(body).toContain("Reported swelling");
    expect(body).toContain(`${appUrl()}/athletes/${me.athleteId}`);
    expect(body).not.toContain("Acked Athlete");
    // urgent alerts are not in it
    expect(body).not.toMatch(/Urgent:/);

    // the next day, a new digest (the day's key); once a day still
    const tomorrow = addDays(today, 1);
    expect((await runAlertDigests({ now: at(tomorrow, 12) })).sent).toBe(1);
    expect((await runAlertDigests({ now: at(tomorrow, 13) })).sent).toBe(0);
    expect(await queuedTo(clinic.email, "alert_digest")).toHaveLength(2);
  });

  it("leaves out other trainers' athletes; nothing open means no email, and the day counts as handled", async () => {
    const clinic = await makeClinic("Quiet digest");
    const trainer = await makeTrainer(clinic);
    await choose(trainer, "digest", "0");
    const theirs = await makeAthlete(clinic, "Theirs");
    await assign(theirs.athleteId, trainer.userId);
    const ownerOnly = await makeAthlete(clinic, "Owner's own");
    await recordCheckIn(ownerOnly, { morningPain: 6, redFlags: {}, tapeYesterday: false });
    const noon = at(today, 12);
    expect(await runAlertDigests({ now: noon })).toMatchObject({ sent: 0, empty: 1 });
    expect(await queuedTo(trainer.email, "alert_digest")).toHaveLength(0);
    // handled for today: an alert later that day waits for tomorrow's digest
    await recordCheckIn(theirs, { morningPain: 6, redFlags: {}, tapeYesterday: false });
    expect(await runAlertDigests({ now: at(today, 13) })).toMatchObject({ due: 0 });
    const [sent] = await getDb().select({ on: users.digestSentOn }).from(users).where(eq(users.id, trainer.userId));
    expect(sent!.on).toBe(today);
    expect(await runAlertDigests({ now: at(addDays(today, 1), 12) })).toMatchObject({ sent: 1 });
    const [digest] = await queuedTo(trainer.email, "alert_digest");
    expect(digest!.body).toContain("Theirs");
    expect(digest!.body).not.toContain("Owner's own");
    expect(await getDb().select().from(outbox).where(like(outbox.messageKey, `digest:${clinic.userId}:%`))).toHaveLength(0);
  });

  it("validates the choice: the hour is needed for a digest, 0–23, and a blank keeps the stored one", async () => {
    expect(alertEmailSettingsSchema.safeParse({ alertEmail: "digest", digestHour: "" }).error?.issues[0]?.path).toEqual(["digestHour"]);
    expect(alertEmailSettingsSchema.safeParse({ alertEmail: "digest", digestHour: "24" }).success).toBe(false);
    expect(alertEmailSettingsSchema.safeParse({ alertEmail: "weekly" }).success).toBe(false);
    const clinic = await makeClinic("Choice");
    await choose(clinic, "digest", "18");
    expect(await choose(clinic, "none", "")).toMatchObject({ alertEmail: "none", digestHour: 18 });
    expect(await emailOf(clinic.userId)).toBe(clinic.email);
  });
});
