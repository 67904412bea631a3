import "server-only";
import { and, asc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { afterCommit } from "@/db/tx-guard";
import { getDb, type Tx } from "@/db/client";
import { alerts, athletes, clinics, users } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { addDays, todayIn } from "@/lib/domain/dates";
import { appUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { mailQueued } from "@/lib/mail";
import {
  alertDigestMail,
  alertRecipient,
  digestDueOn,
  emailsUrgentAtOnce,
  URGENT_MAIL_DAYS,
  urgentAlertMail,
  type AlertEmailChoice,
  type DigestAlert,
  type StaffContact,
} from "@/lib/mail/alert-mail";
import type { AlertEmailSettingsInput } from "@/lib/validation/alert-mail";
import { writeAudit } from "./audit";
import { queueMail } from "./outbox";

/**
 * Alerts that leave the app (DESIGN §2e). Urgent alerts are queued here from the evaluation that
 * opens them (lib/data/derived/evaluate.ts), in its transaction; the daily digest is a system task
 * run by the digest job (lib/jobs/digest-worker.ts). Exactly once comes from the outbox's unique
 * message key: `alert:<alert id>` for an urgent alert (an alert keeps its id for life: evaluating
 * again updates, retires or revives it, never re-inserts it), `digest:<user id>:<local date>` for a
 * digest, so a retried job or two evaluations at once queue one message.
 */

type OpenedAlert = { id: string; date: string; reason: string };

const staffColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  archivedAt: users.archivedAt,
  alertEmail: users.alertEmail,
};

type StaffRow = { id: string; email: string; name: string; role: "owner" | "trainer" | "athlete"; archivedAt: Date | null; alertEmail: AlertEmailChoice };

const asContact = (r: StaffRow | undefined): StaffContact | null =>
  r && r.role !== "athlete" ? { id: r.id, email: r.email, name: r.name, role: r.role, active: r.archivedAt === null, alertEmail: r.alertEmail } : null;

/** The athlete's trainer and the clinic's (first) owner, for alertRecipient. */
async function contactsOf(tx: Tx, clinicId: string, athleteId: string): Promise<{ trainer: StaffContact | null; owner: StaffContact | null }> {
  const [athlete] = await tx
    .select({ trainerId: athletes.trainerId })
    .from(athletes)
    .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, clinicId)));
  const staff = await tx
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.clinicId, clinicId), or(eq(users.role, "owner"), athlete?.trainerId ? eq(users.id, athlete.trainerId) : sql`false`)))
    .orderBy(asc(users.createdAt), asc(users.id));
  const trainer = staff.find((s) => s.id === athlete?.trainerId);
  const owner = staff.find((s) => s.role === "owner" && s.archivedAt === null);
  return { trainer: asContact(trainer), owner: asContact(owner) };
}

/**
 * Queues one email per urgent alert that has just opened (inserted open, reopened at urgent, or
 * revived), inside the evaluation's transaction; the mail worker is woken once it commits.
 * Alerts dated more than URGENT_MAIL_DAYS back (a late entry, a long catch-up) stay in the app.
 */
export async function queueUrgentAlertMails(tx: Tx, athlete: { clinicId: string; athleteId: string; name: string; today: string }, opened: OpenedAlert[]): Promise<number> {
  const recent = opened.filter((a) => a.date > addDays(athlete.today, -URGENT_MAIL_DAYS));
  if (recent.length === 0) return 0;
  const { trainer, owner } = await contactsOf(tx, athlete.clinicId, athlete.athleteId);
  const to = alertRecipient(trainer, owner);
  if (!to || !emailsUrgentAtOnce(to.alertEmail)) return 0;
  let queued = 0;
  for (const a of [...recent].sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id))) {
    const mail = urgentAlertMail({ appUrl: appUrl(), athleteId: athlete.athleteId, athleteName: athlete.name, reason: a.reason, date: a.date, today: athlete.today });
    const id = await queueMail(tx, { ...mail, clinicId: athlete.clinicId, key: `alert:${a.id}`, kind: "alert_urgent", to: to.email, secret: false, actorId: null });
    if (id) queued++;
  }
  if (queued > 0) afterCommit(mailQueued);
  return queued;
}

export type DigestRun = { due: number; sent: number; empty: number };

/**
 * Sends each "digest" trainer the day's summary of open high and moderate alerts, once per local
 * day in the clinic's time zone, at or after their hour. A system task (the digest job): each
 * trainer is claimed in a transaction of their own (digest_sent_on moves to today under the row
 * lock, with the mail queued in the same transaction), so runs at once, or a retried job, send one.
 */
export async function runAlertDigests({ now = new Date(), signal }: { now?: Date; signal?: AbortSignal } = {}): Promise<DigestRun> {
  const db = getDb();
  const candidates = await db
    .select({ id: users.id, clinicId: users.clinicId, digestHour: users.digestHour, digestSentOn: users.digestSentOn, timeZone: clinics.timeZone })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(and(eq(users.alertEmail, "digest"), ne(users.role, "athlete"), isNull(users.archivedAt)));
  const run: DigestRun = { due: 0, sent: 0, empty: 0 };
  for (const c of candidates) {
    if (signal?.aborted) break;
    const today = todayIn(c.timeZone, now);
    const dueOn = digestDueOn({ now, timeZone: c.timeZone, hour: c.digestHour, today, sentOn: c.digestSentOn });
    if (!dueOn) continue;
    run.due++;
    const outcome = await db.transaction((tx) => sendDigest(tx, c.clinicId, c.id, dueOn));
    if (outcome === "sent") run.sent++;
    else if (outcome === "empty") run.empty++;
  }
  if (run.sent > 0) mailQueued();
  return run;
}

async function sendDigest(tx: Tx, clinicId: string, userId: string, today: string): Promise<"sent" | "empty" | "taken"> {
  // the claim: the trainer's row, still a digest trainer not yet handled today (another run may have been first)
  const [me] = await tx
    .update(users)
    .set({ digestSentOn: today })
    .where(
      and(
        eq(users.id, userId),
        eq(users.clinicId, clinicId),
        eq(users.alertEmail, "digest"),
        isNull(users.archivedAt),
        or(isNull(users.digestSentOn), sql`${users.digestSentOn} < ${today}`),
      ),
    )
    .returning({ id: users.id, email: users.email, role: users.role });
  if (!me) return "taken";
  const open = await digestAlertsFor(tx, clinicId, me.id, me.role === "owner");
  const mail = alertDigestMail({ appUrl: appUrl(), today, alerts: open });
  if (!mail) return "empty";
  await queueMail(tx, { ...mail, clinicId, key: `digest:${me.id}:${today}`, kind: "alert_digest", to: me.email, secret: false, actorId: null });
  return "sent";
}

/**
 * Open (neither acknowledged nor resolved, not retired) high and moderate alerts of the athletes
 * whose alerts reach this trainer: their own; for the owner also those with no trainer or a
 * deactivated one (alertRecipient's rule, in SQL). Archived athletes are left out.
 */
async function digestAlertsFor(tx: Tx, clinicId: string, userId: string, isOwner: boolean): Promise<DigestAlert[]> {
  const trainer = sql`(select t.archived_at is null from ${users} t where t.id = ${athletes.trainerId} and t.clinic_id = ${clinicId})`;
  const mine = isOwner ? or(eq(athletes.trainerId, userId), isNull(athletes.trainerId), sql`coalesce(${trainer}, false) = false`) : eq(athletes.trainerId, userId);
  const rows = await tx
    .select({
      athleteId: alerts.athleteId,
      athleteName: athletes.name,
      kind: alerts.kind,
      subject: alerts.subject,
      severity: alerts.severity,
      date: alerts.date,
      reason: alerts.reason,
    })
    .from(alerts)
    .innerJoin(athletes, and(eq(athletes.id, alerts.athleteId), eq(athletes.clinicId, clinicId)))
    .where(
      and(
        eq(alerts.clinicId, clinicId),
        eq(alerts.status, "open"),
        isNull(alerts.retiredAt),
        inArray(alerts.severity, ["high", "moderate"]),
        ne(athletes.status, "archived"),
        mine,
      ),
    )
    .orderBy(asc(athletes.name), asc(alerts.date))
    .limit(2000);
  return rows.map((r) => ({ ...r, severity: r.severity as "high" | "moderate" }));
}

export type AlertEmailSettings = { alertEmail: AlertEmailChoice; digestHour: number; timeZone: string };

/** The signed-in trainer's own choice (each trainer decides for themselves). */
export async function getAlertEmailSettings(scope: TrainerScope): Promise<AlertEmailSettings> {
  const [row] = await getDb()
    .select({ alertEmail: users.alertEmail, digestHour: users.digestHour, timeZone: clinics.timeZone })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId)));
  if (!row) throw notFound("User");
  return row;
}

export async function setAlertEmailSettings(scope: TrainerScope, input: AlertEmailSettingsInput): Promise<AlertEmailSettings> {
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ alertEmail: users.alertEmail, digestHour: users.digestHour })
      .from(users)
      .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId)))
      .for("update");
    if (!before) throw notFound("User");
    // a blank hour (immediate or none chosen) keeps the stored one for the next time digest is chosen
    const digestHour = input.digestHour ?? before.digestHour;
    await tx.update(users).set({ alertEmail: input.alertEmail, digestHour, updatedAt: new Date() }).where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "user.alert_email", entity: "user", entityId: scope.userId, before, after: { alertEmail: input.alertEmail, digestHour } });
    const [clinic] = await tx.select({ timeZone: clinics.timeZone }).from(clinics).where(eq(clinics.id, scope.clinicId));
    return { alertEmail: input.alertEmail, digestHour, timeZone: clinic!.timeZone };
  });
}
