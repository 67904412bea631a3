/**
 * Alerts that leave the app (DESIGN §2e), as plain functions: who is told, when a trainer's daily
 * digest is due, and the words of both messages. lib/data/alert-mail.ts reads the rows and queues
 * what these decide. Subjects never carry health details (a subject line shows on lock screens and
 * in mail server logs); the body names the athlete and the reason, and links to the athlete page.
 */
import { formatDay } from "@/lib/format/dates";
import type { ComposedMail } from "./messages";

export const ALERT_EMAIL_CHOICES = ["immediate", "digest", "none"] as const;
export type AlertEmailChoice = (typeof ALERT_EMAIL_CHOICES)[number];

/** Emails are written in one locale: the recipient's browser is not there to ask. */
const MAIL_LOCALE = "en-GB";

export type StaffContact = { id: string; email: string; name: string; role: "owner" | "trainer"; active: boolean; alertEmail: AlertEmailChoice };

/**
 * Who hears of an athlete's alerts: their trainer, or the clinic owner when the athlete has none or
 * their trainer was deactivated. The recipient's own choice then decides whether mail goes at all
 * ("none" is not passed on to the owner: the alert is on the dashboard either way).
 */
export function alertRecipient(trainer: StaffContact | null, owner: StaffContact | null): StaffContact | null {
  if (trainer?.active) return trainer;
  return owner?.active ? owner : null;
}

/** An urgent alert is emailed at once to "immediate" and "digest" trainers alike; "none" gets nothing. */
export function emailsUrgentAtOnce(choice: AlertEmailChoice): boolean {
  return choice !== "none";
}

/** How far back an urgent alert's date may lie and still be emailed when it opens (a week, as the red-flag advice window). */
export const URGENT_MAIL_DAYS = 7;

/** The hour (0–23) of `now` on the wall clock of `timeZone`. */
export function localHourOf(now: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" }).formatToParts(now).find((p) => p.type === "hour")?.value;
  return Number(hour);
}

/**
 * The local date a digest is due for, or null: at or after the chosen hour of the local day, when
 * none was handled that day yet. A worker that was down sends the day's digest when it is back, the
 * same day; a day missed entirely is not sent late.
 */
export function digestDueOn(input: { now: Date; timeZone: string; hour: number; today: string; sentOn: string | null }): string | null {
  if (input.sentOn !== null && input.sentOn >= input.today) return null;
  return localHourOf(input.now, input.timeZone) >= input.hour ? input.today : null;
}

const signature = "\n\n— Stride Clinic\nYou get these emails because of your alert email settings: ";

const settingsLine = (appUrl: string) => `${signature}${appUrl}/settings/alert-emails`;

export const athleteLink = (appUrl: string, athleteId: string) => `${appUrl}/athletes/${athleteId}`;

export function urgentAlertMail(input: { appUrl: string; athleteId: string; athleteName: string; reason: string; date: string; today: string }): ComposedMail {
  const when = input.date === input.today ? "today" : `for ${formatDay(input.date, MAIL_LOCALE, input.today)}`;
  return {
    subject: "Stride Clinic: an athlete needs your attention",
    text:
      `${input.athleteName} has an urgent alert ${when}:\n\n  ${input.reason}\n\n` +
      `Open the athlete's page to see the check-in and acknowledge or resolve the alert:\n\n${athleteLink(input.appUrl, input.athleteId)}` +
      settingsLine(input.appUrl),
  };
}

export type DigestAlert = { athleteId: string; athleteName: string; kind: string; subject: string | null; severity: "high" | "moderate"; date: string; reason: string };

export type DigestAthlete = { athleteId: string; athleteName: string; lines: { severity: "high" | "moderate"; reason: string; from: string; to: string }[] };

/** At most this many lines per athlete; the rest is "and N more" (the athlete page has them all). */
export const DIGEST_LINES_PER_ATHLETE = 5;

/**
 * Open alerts grouped as the app shows them (§2d display: same athlete, kind and subject on
 * consecutive dates form one line with its span, its highest severity and its latest reason),
 * athletes with a high alert first, then by name.
 */
export function digestAthletes(alerts: DigestAlert[]): DigestAthlete[] {
  const byAthlete = new Map<string, { name: string; alerts: DigestAlert[] }>();
  for (const a of alerts) {
    const entry = byAthlete.get(a.athleteId) ?? { name: a.athleteName, alerts: [] };
    entry.alerts.push(a);
    byAthlete.set(a.athleteId, entry);
  }
  const out: DigestAthlete[] = [];
  for (const [athleteId, { name, alerts: mine }] of byAthlete) {
    const sorted = [...mine].sort((x, y) => (x.kind + (x.subject ?? "")).localeCompare(y.kind + (y.subject ?? "")) || x.date.localeCompare(y.date));
    const lines: DigestAthlete["lines"] = [];
    let prev: DigestAlert | null = null;
    for (const a of sorted) {
      const last = lines[lines.length - 1];
      const sameGroup = prev !== null && last !== undefined && prev.kind === a.kind && prev.subject === a.subject && nextDay(prev.date) === a.date;
      if (sameGroup) {
        last.to = a.date;
        last.reason = a.reason;
        if (a.severity === "high") last.severity = "high";
      } else lines.push({ severity: a.severity, reason: a.reason, from: a.date, to: a.date });
      prev = a;
    }
    lines.sort((x, y) => (x.severity === y.severity ? y.to.localeCompare(x.to) : x.severity === "high" ? -1 : 1));
    out.push({ athleteId, athleteName: name, lines });
  }
  const hasHigh = (a: DigestAthlete) => a.lines.some((l) => l.severity === "high");
  return out.sort((x, y) => Number(hasHigh(y)) - Number(hasHigh(x)) || x.athleteName.localeCompare(y.athleteName) || x.athleteId.localeCompare(y.athleteId));
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The daily digest, or null when nothing is open (no empty emails). */
export function alertDigestMail(input: { appUrl: string; today: string; alerts: DigestAlert[] }): ComposedMail | null {
  const athletes = digestAthletes(input.alerts);
  if (athletes.length === 0) return null;
  const span = (l: { from: string; to: string }) =>
    l.from === l.to ? formatDay(l.from, MAIL_LOCALE, input.today) : `${formatDay(l.from, MAIL_LOCALE, input.today)} – ${formatDay(l.to, MAIL_LOCALE, input.today)}`;
  const blocks = athletes.map((a) => {
    const shown = a.lines.slice(0, DIGEST_LINES_PER_ATHLETE).map((l) => `  - ${l.severity === "high" ? "High" : "Moderate"}: ${l.reason} (${span(l)})`);
    const more = a.lines.length - shown.length;
    if (more > 0) shown.push(`  - and ${more} more`);
    return `${a.athleteName}\n${shown.join("\n")}\n  ${athleteLink(input.appUrl, a.athleteId)}`;
  });
  const count = athletes.length === 1 ? "1 athlete has" : `${athletes.length} athletes have`;
  return {
    subject: "Stride Clinic: your daily alert summary",
    text: `${count} open high or moderate alerts (${formatDay(input.today, MAIL_LOCALE)}):\n\n${blocks.join("\n\n")}\n\nUrgent alerts are emailed when they open, not here.${settingsLine(input.appUrl)}`,
  };
}
