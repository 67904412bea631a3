import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, ne, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, alerts, athletes, checkIns, clinics, users } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { engineActivityColumns } from "./athlete-records";
import { addDays, rangeOfDates, todayIn } from "@/lib/domain/dates";
import { groupBy } from "@/lib/domain/group-by";
import { indexHistory } from "@/lib/domain/history";
import { currentTrafficLight, type LightCause } from "@/lib/domain/pain";
import type { AlertKind, AlertSeverity, IsoDate, TrafficLight } from "@/lib/domain/types";

export const SPARKLINE_DAYS = 14;
// The light needs d−13…d; it is only shown when the latest check-in is within the sparkline.
const READ_DAYS = SPARKLINE_DAYS + 14;

export type AttentionAlert = { id: string; kind: AlertKind; subject: string | null; groupStart: string | null; severity: AlertSeverity; date: string; reason: string };

export type AttentionRow = {
  athleteId: string;
  name: string;
  sportGroup: string | null;
  trainerName: string | null;
  today: IsoDate;
  /** The most severe open alert's severity: the list is sorted by it. */
  severity: AlertSeverity;
  alerts: AttentionAlert[];
  /** Morning pain for today−13…today, null where none was reported. */
  sparkline: { date: IsoDate; morningPain: number | null }[];
  light: { light: TrafficLight; date: IsoDate; causes: LightCause[]; baseline: number | null } | null;
};

const SEVERITY_RANK: Record<AlertSeverity, number> = { urgent: 0, high: 1, moderate: 2, good_news: 3 };

/**
 * The trainer's home: athletes (not archived) with open alerts, most severe first (a red flag
 * before other alerts of the same severity), each with its reasons, a 14-day morning-pain
 * sparkline and today's traffic light. Three queries whatever the number of athletes.
 */
export async function listNeedsAttention(scope: TrainerScope, filters: { trainerId?: string; group?: string } = {}): Promise<AttentionRow[]> {
  const db = getDb();
  const where: SQL[] = [eq(alerts.clinicId, scope.clinicId), eq(alerts.status, "open"), isNull(alerts.retiredAt), ne(athletes.status, "archived")];
  if (filters.trainerId) where.push(eq(athletes.trainerId, filters.trainerId));
  if (filters.group) where.push(eq(athletes.sportGroup, filters.group));
  const rows = await db
    .select({
      id: alerts.id,
      kind: alerts.kind,
      subject: alerts.subject,
      groupStart: alerts.groupStart,
      severity: alerts.severity,
      date: alerts.date,
      reason: alerts.reason,
      athleteId: athletes.id,
      name: athletes.name,
      sportGroup: athletes.sportGroup,
      tz: athletes.timeZone,
      clinicTz: clinics.timeZone,
      trainerName: users.name,
    })
    .from(alerts)
    .innerJoin(athletes, and(eq(athletes.id, alerts.athleteId), eq(athletes.clinicId, scope.clinicId)))
    .innerJoin(clinics, eq(clinics.id, athletes.clinicId))
    .leftJoin(users, and(eq(users.id, athletes.trainerId), eq(users.clinicId, scope.clinicId)))
    .where(and(...where))
    .orderBy(asc(alerts.severity), desc(alerts.date), asc(alerts.id));
  if (rows.length === 0) return [];

  const byAthlete = new Map<string, AttentionRow & { hasRedFlag: boolean; latest: string }>();
  for (const r of rows) {
    let entry = byAthlete.get(r.athleteId);
    if (!entry) {
      entry = {
        athleteId: r.athleteId,
        name: r.name,
        sportGroup: r.sportGroup,
        trainerName: r.trainerName,
        today: todayIn(r.tz ?? r.clinicTz),
        severity: r.severity,
        alerts: [],
        sparkline: [],
        light: null,
        hasRedFlag: false,
        latest: r.date,
      };
      byAthlete.set(r.athleteId, entry);
    }
    entry.alerts.push({ id: r.id, kind: r.kind as AlertKind, subject: r.subject, groupStart: r.groupStart, severity: r.severity, date: r.date, reason: r.reason });
    if (r.kind === "red_flag") entry.hasRedFlag = true;
    if (r.date > entry.latest) entry.latest = r.date;
  }

  const ids = [...byAthlete.keys()];
  // time zones differ by at most a day either side of the server's date
  const since = addDays(todayIn("UTC"), -(READ_DAYS + 1));
  const [checkInRows, runRows] = await Promise.all([
    db
      .select({ athleteId: checkIns.athleteId, date: checkIns.date, morningPain: checkIns.morningPain })
      .from(checkIns)
      .where(and(eq(checkIns.clinicId, scope.clinicId), inArray(checkIns.athleteId, ids), gte(checkIns.date, since))),
    db
      .select({ athleteId: activities.athleteId, ...engineActivityColumns })
      .from(activities)
      .where(and(eq(activities.clinicId, scope.clinicId), inArray(activities.athleteId, ids), gte(activities.date, since), isNull(activities.archivedAt), eq(activities.type, "run"))),
  ]);

  const noFlags = { clicking: false, locking: false, giving_way: false, swelling: false, night_pain: false, cannot_bear_weight: false, hot_red_fever: false };
  const checkInsBy = groupBy(checkInRows, (c) => c.athleteId);
  const runsBy = groupBy(runRows, (r) => r.athleteId);
  for (const entry of byAthlete.values()) {
    const h = indexHistory({
      checkIns: (checkInsBy.get(entry.athleteId) ?? []).map((c) => ({ date: c.date, morningPain: c.morningPain, redFlags: noFlags, tape: false })),
      activities: runsBy.get(entry.athleteId) ?? [],
    });
    const start = addDays(entry.today, -(SPARKLINE_DAYS - 1));
    entry.sparkline = rangeOfDates(start, entry.today).map((date) => ({ date, morningPain: h.morningPain.get(date) ?? null }));
    const light = currentTrafficLight(h, entry.today);
    entry.light = light && light.date >= start ? { light: light.light, date: light.date, causes: light.causes, baseline: light.baseline } : null;
  }

  return [...byAthlete.values()]
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        Number(b.hasRedFlag) - Number(a.hasRedFlag) ||
        (a.latest < b.latest ? 1 : a.latest > b.latest ? -1 : 0) ||
        a.name.localeCompare(b.name),
    )
    .map(({ hasRedFlag: _h, latest: _l, ...row }) => row);
}
