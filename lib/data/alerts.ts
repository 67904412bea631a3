import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db, type Tx } from "@/db/client";
import { alerts, athletes, auditLog, users } from "@/db/schema";
import { isTrainerScope, type Scope, type TrainerScope } from "@/lib/auth/scope";
import type { AlertFacts, AlertKind, AlertSeverity, RedFlag } from "@/lib/domain/types";
import { alertSetFingerprint, type TriageRowRef } from "@/lib/domain/triage-row";
import { conflict, notFound } from "@/lib/errors";
import type { AlertListQuery } from "@/lib/validation/alerts";
import { visibleAllTo, visibleTo } from "./visibility";

type Conn = Db | Tx;

export type AlertView = {
  id: string;
  athleteId: string;
  athleteName: string;
  kind: AlertKind;
  severity: AlertSeverity;
  flag: RedFlag | null;
  subjectId: string | null;
  /** §2d identity: the flag, activity, item or cap this alert is about. */
  subject: string | null;
  /** The first date of its display group (§2d). */
  groupStart: string | null;
  date: string;
  reason: string;
  /** The numbers behind the reason; null for an alert stored before facts existed. */
  facts: AlertFacts | null;
  status: "open" | "acknowledged" | "resolved";
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  note: string | null;
  createdAt: Date;
  /** Set when the alert no longer holds (kept for the record, with why). */
  retiredAt: Date | null;
  retiredReason: string | null;
};

const ackUser = alias(users, "ack_user");
const resUser = alias(users, "res_user");

function alertSelect(db: Conn, clinicId: string) {
  return db
    .select({
      id: alerts.id,
      athleteId: alerts.athleteId,
      athleteName: athletes.name,
      kind: alerts.kind,
      severity: alerts.severity,
      flag: alerts.flag,
      subjectId: alerts.subjectId,
      subject: alerts.subject,
      groupStart: alerts.groupStart,
      date: alerts.date,
      reason: alerts.reason,
      facts: alerts.facts,
      status: alerts.status,
      acknowledgedBy: ackUser.name,
      acknowledgedAt: alerts.acknowledgedAt,
      resolvedBy: resUser.name,
      resolvedAt: alerts.resolvedAt,
      note: alerts.note,
      createdAt: alerts.createdAt,
      retiredAt: alerts.retiredAt,
      retiredReason: alerts.retiredReason,
    })
    .from(alerts)
    .innerJoin(athletes, and(eq(athletes.id, alerts.athleteId), eq(athletes.clinicId, clinicId)))
    .leftJoin(ackUser, and(eq(ackUser.id, alerts.acknowledgedBy), eq(ackUser.clinicId, clinicId)))
    .leftJoin(resUser, and(eq(resUser.id, alerts.resolvedBy), eq(resUser.clinicId, clinicId)));
}

const asView = (rows: Awaited<ReturnType<ReturnType<typeof alertSelect>["where"]>>): AlertView[] =>
  rows.map((r) => ({ ...r, kind: r.kind as AlertKind, flag: r.flag as RedFlag | null, facts: r.facts as AlertFacts | null }));

/** How many of each list the athlete page shows: every open alert, the latest of the others. */
const PANEL_LIMITS = { open: 500, acknowledged: 200, resolved: 50, retired: 50 } as const;
export type AthleteAlertLists = Record<keyof typeof PANEL_LIMITS, AlertView[]>;

/**
 * The athlete page's alert lists in one query: what listAlerts gives per status (open, acknowledged,
 * resolved) and listRetiredAlerts gives, each in its order and with its limit.
 */
export async function listAthleteAlerts(scope: TrainerScope, athleteId: string): Promise<AthleteAlertLists> {
  const list = sql`case when ${alerts.retiredAt} is not null then 'retired' else ${alerts.status}::text end`;
  const limit = sql.raw(`case list when 'open' then ${PANEL_LIMITS.open} when 'acknowledged' then ${PANEL_LIMITS.acknowledged} when 'resolved' then ${PANEL_LIMITS.resolved} else ${PANEL_LIMITS.retired} end`);
  // per list: retired ones newest retired first; the others most severe first; then newest, then id
  const ranked = sql`select ${alerts.id} as id, ${list} as list, row_number() over (partition by ${list} order by ${alerts.retiredAt} desc nulls last, case when ${alerts.retiredAt} is null then ${alerts.severity} end asc, ${alerts.date} desc, ${alerts.id} asc) as n
    from ${alerts} where ${alerts.clinicId} = ${scope.clinicId} and ${alerts.athleteId} = ${athleteId}`;
  const rows = await alertSelect(getDb(), scope.clinicId)
    .where(and(eq(alerts.clinicId, scope.clinicId), eq(alerts.athleteId, athleteId), sql`${alerts.id} in (select id from (${ranked}) ranked where n <= ${limit})`))
    .orderBy(asc(alerts.severity), desc(alerts.date), asc(alerts.id));
  const views = asView(rows);
  const holding = visibleAllTo(scope, "alert", views.filter((a) => a.retiredAt === null));
  const retired = views.filter((a) => a.retiredAt !== null).sort((a, b) => b.retiredAt!.getTime() - a.retiredAt!.getTime() || (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  return {
    open: holding.filter((a) => a.status === "open"),
    acknowledged: holding.filter((a) => a.status === "acknowledged"),
    resolved: holding.filter((a) => a.status === "resolved"),
    retired,
  };
}

/**
 * Alerts of the clinic that hold (retired ones are history: listRetiredAlerts), most severe
 * first, then newest. An athlete sees only their own; archived athletes' alerts are left out
 * unless one athlete is asked for by id.
 */
export async function listAlerts(scope: Scope, query: AlertListQuery = {}, limit = 500): Promise<AlertView[]> {
  const where: SQL[] = [eq(alerts.clinicId, scope.clinicId), isNull(alerts.retiredAt)];
  const athleteId = isTrainerScope(scope) ? query.athleteId : scope.athleteId;
  if (!isTrainerScope(scope) && query.athleteId && query.athleteId !== scope.athleteId) throw notFound("Athlete");
  if (athleteId) where.push(eq(alerts.athleteId, athleteId));
  else where.push(ne(athletes.status, "archived"));
  if (query.status) where.push(eq(alerts.status, query.status));
  if (query.from) where.push(gte(alerts.date, query.from));
  if (query.to) where.push(lte(alerts.date, query.to));
  const rows = await alertSelect(getDb(), scope.clinicId)
    .where(and(...where))
    .orderBy(asc(alerts.severity), desc(alerts.date), asc(athletes.name), asc(alerts.id))
    .limit(limit);
  return visibleAllTo(scope, "alert", asView(rows));
}

export async function getAlert(scope: Scope, alertId: string): Promise<AlertView> {
  const where = [eq(alerts.id, alertId), eq(alerts.clinicId, scope.clinicId)];
  if (!isTrainerScope(scope)) where.push(eq(alerts.athleteId, scope.athleteId));
  const [row] = asView(await alertSelect(getDb(), scope.clinicId).where(and(...where)));
  if (!row) throw notFound("Alert");
  return visibleTo(scope, "alert", row);
}

type Changing = { id: string; status: "open" | "acknowledged" | "resolved"; note: string | null };

/**
 * One UPDATE for every alert that changes (a bulk acknowledge of a page of the triage view is
 * hundreds of alerts) and one insert of their audit rows. The note is appended to each alert's
 * own on a new line ("Acknowledged: …"); resolving an open alert also records who saw it.
 */
async function applyTransition(tx: Tx, scope: TrainerScope, changing: Changing[], to: "acknowledged" | "resolved", note: string | undefined): Promise<void> {
  if (changing.length === 0) return;
  const now = new Date();
  const label = to === "acknowledged" ? "Acknowledged" : "Resolved";
  const noteSql = note ? sql`case when ${alerts.note} is null then ${`${label}: ${note}`} else ${alerts.note} || ${`\n${label}: ${note}`} end` : sql`${alerts.note}`;
  const set =
    to === "acknowledged"
      ? { status: to, acknowledgedBy: scope.userId, acknowledgedAt: now, note: noteSql, updatedAt: now }
      : {
          status: to,
          resolvedBy: scope.userId,
          resolvedAt: now,
          acknowledgedBy: sql`coalesce(${alerts.acknowledgedBy}, ${scope.userId}::uuid)`,
          acknowledgedAt: sql`coalesce(${alerts.acknowledgedAt}, ${now.toISOString()}::timestamptz)`,
          note: noteSql,
          updatedAt: now,
        };
  await tx
    .update(alerts)
    .set(set)
    .where(and(inArray(alerts.id, changing.map((c) => c.id)), eq(alerts.clinicId, scope.clinicId)));
  await tx.insert(auditLog).values(
    changing.map((before) => ({
      clinicId: scope.clinicId,
      actorId: scope.userId,
      action: to === "acknowledged" ? "alert.acknowledged" : "alert.resolved",
      entity: "alert",
      entityId: before.id,
      before: { status: before.status, note: before.note },
      after: { status: to, note: note ?? null },
    })),
  );
}

/** The clinic's alerts that `where` picks, locked in id order: two trainers acting on overlapping sets cannot deadlock. */
function lockAlerts(tx: Tx, scope: TrainerScope, where: SQL | undefined) {
  return tx
    .select({ id: alerts.id, athleteId: alerts.athleteId, status: alerts.status, note: alerts.note })
    .from(alerts)
    .where(and(eq(alerts.clinicId, scope.clinicId), where))
    .orderBy(asc(alerts.id))
    .for("update");
}

/** Several alerts (the same alert on several days) change together or not at all. */
async function transition(scope: TrainerScope, alertIds: string[], to: "acknowledged" | "resolved", note: string | undefined): Promise<string[]> {
  const ids = [...new Set(alertIds)];
  return getDb().transaction(async (tx) => {
    const rows = await lockAlerts(tx, scope, inArray(alerts.id, ids));
    if (rows.length !== ids.length) throw notFound("Alert");
    // a second click on the same button changes nothing; a resolved member stays resolved
    const changing = rows.filter((r) => r.status !== to && r.status !== "resolved");
    if (to === "acknowledged" && rows.every((r) => r.status === "resolved")) throw conflict("This alert is already resolved.");
    await applyTransition(tx, scope, changing, to, note);
    return [...new Set(rows.map((r) => r.athleteId))];
  });
}

export async function acknowledgeAlert(scope: TrainerScope, alertId: string, note?: string): Promise<AlertView> {
  await transition(scope, [alertId], "acknowledged", note);
  return getAlert(scope, alertId);
}

export async function resolveAlert(scope: TrainerScope, alertId: string, note?: string): Promise<AlertView> {
  await transition(scope, [alertId], "resolved", note);
  return getAlert(scope, alertId);
}

/** Acknowledge or resolve a group in one transaction; returns the athletes they belong to. */
export function transitionAlerts(scope: TrainerScope, alertIds: string[], to: "acknowledged" | "resolved", note?: string): Promise<string[]> {
  return transition(scope, alertIds, to, note);
}

/**
 * Acknowledge triage rows (the triage view's bulk form): each row's open alerts, as the view showed
 * them (urgent, high, moderate; not retired), in one transaction. A row whose open alerts are no
 * longer the set its fingerprint names is refused, and nothing changes: a trainer never acknowledges
 * an alert they were not shown. Returns the athletes acted on.
 */
export async function acknowledgeTriageRows(scope: TrainerScope, rows: TriageRowRef[], note?: string): Promise<string[]> {
  const wanted = new Map(rows.map((r) => [r.athleteId, r.fingerprint]));
  if (wanted.size === 0) return [];
  return getDb().transaction(async (tx) => {
    const found = await tx
      .select({ id: athletes.id, name: athletes.name })
      .from(athletes)
      .where(and(eq(athletes.clinicId, scope.clinicId), inArray(athletes.id, [...wanted.keys()]), ne(athletes.status, "archived")));
    if (found.length !== wanted.size) throw notFound("Athlete");
    const open = await lockAlerts(tx, scope, and(inArray(alerts.athleteId, [...wanted.keys()]), eq(alerts.status, "open"), isNull(alerts.retiredAt), ne(alerts.severity, "good_news")));
    const changed = found.filter((a) => alertSetFingerprint(open.filter((o) => o.athleteId === a.id).map((o) => o.id)) !== wanted.get(a.id));
    if (changed.length > 0) {
      const names = changed.map((a) => a.name).join(", ");
      throw conflict(`The open alerts of ${names} changed since this page was loaded. Nothing was acknowledged: reload the page to see them, then select again.`);
    }
    await applyTransition(tx, scope, open, "acknowledged", note);
    return found.map((a) => a.id);
  });
}

/**
 * A step applied to a program item answers its "ready to progress" alerts: the open or acknowledged
 * ones that still hold are resolved, noting the step (as DESIGN §2c does for a return-to-run step),
 * so the triage view and the athlete page stop offering a step already taken. Runs in the step's
 * transaction, after its evaluation.
 */
export async function resolveItemSuggestions(tx: Tx, scope: TrainerScope, itemId: string, note: string): Promise<void> {
  const rows = await tx
    .select({ id: alerts.id, status: alerts.status, note: alerts.note })
    .from(alerts)
    .where(and(eq(alerts.clinicId, scope.clinicId), eq(alerts.subjectId, itemId), eq(alerts.kind, "ready_to_progress"), ne(alerts.status, "resolved"), isNull(alerts.retiredAt)))
    .orderBy(asc(alerts.id))
    .for("update");
  await applyTransition(tx, scope, rows, "resolved", note);
}

/** Alerts of one athlete that no longer hold, newest first: the athlete page's history. */
export async function listRetiredAlerts(scope: TrainerScope, athleteId: string, limit = 50): Promise<AlertView[]> {
  const rows = await alertSelect(getDb(), scope.clinicId)
    .where(and(eq(alerts.clinicId, scope.clinicId), eq(alerts.athleteId, athleteId), isNotNull(alerts.retiredAt)))
    .orderBy(desc(alerts.retiredAt), desc(alerts.date), asc(alerts.id))
    .limit(limit);
  return asView(rows);
}

/** Open alerts of one athlete, for the status endpoint and the athlete page. */
export async function listOpenAlertsFor(db: Conn, clinicId: string, athleteId: string): Promise<AlertView[]> {
  const rows = await alertSelect(db, clinicId)
    .where(and(eq(alerts.clinicId, clinicId), eq(alerts.athleteId, athleteId), eq(alerts.status, "open"), isNull(alerts.retiredAt)))
    .orderBy(asc(alerts.severity), desc(alerts.date), asc(alerts.id));
  return asView(rows);
}
