import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { alerts, athletes, auditLog } from "@/db/schema";
import { deriveAlerts } from "@/lib/domain/alerts";
import { reconcileAlerts, type ReconcilePlan, type StoredAlert } from "@/lib/domain/alert-reconcile";
import { addDays, rangeOfDates } from "@/lib/domain/dates";
import type { Alert, IsoDate } from "@/lib/domain/types";
import { queueUrgentAlertMails } from "../alert-mail";
import { lockAthleteContext, loadAthleteRecords, prescriptionOn, statusOn, type AthleteContext } from "../athlete-records";

export type AthleteRef = { clinicId: string; athleteId: string };

export type Evaluation = { athleteId: string; from: IsoDate | null; to: IsoDate; dates: number; added: number; changed: number; retired: number };

/** No evaluation reaches further back than this, whatever a change touched (reports are limited to a year). */
export const MAX_EVALUATION_DAYS = 400;

/**
 * Brings one athlete's derived state (alerts; stored chart days and caches follow data_version and
 * series_through, moved by the same triggers) up to date, inside the caller's transaction, so a
 * write and its alerts commit together and are readable as soon as the write answers (DESIGN §2d).
 *
 * Every date from the earliest one that needs it to the athlete's today is evaluated again:
 * - `from`, when the caller names one (a change that takes effect from a date: program, status);
 * - athletes.alerts_from, lowered by triggers to the earliest date any dated record touched (the
 *   old and the new date of an edit), whatever code path made the change;
 * - athletes.evaluated_through, the last date evaluated, so days that passed are caught up.
 *
 * The athlete's row is locked (FOR NO KEY UPDATE) first: evaluations of one athlete run one at a
 * time across servers, and each reads every change committed before it.
 *
 * An urgent alert that opens here is emailed to the athlete's trainer (DESIGN §2e), queued in this
 * transaction; `notify: false` (seeds loading a history) stores alerts without telling anyone.
 */
export async function bringUpToDate(tx: Tx, ref: AthleteRef, { from, because, notify = true }: { from?: IsoDate; because: string; notify?: boolean }): Promise<Evaluation> {
  // NO KEY UPDATE, the lock the triggers' UPDATE of this row takes: FOR UPDATE would also wait for
  // the KEY SHARE locks that concurrent inserts' foreign keys hold on it, and deadlock with them
  const marks = await lockAthleteContext(tx, ref.clinicId, ref.athleteId);
  if (!marks) return { athleteId: ref.athleteId, from: null, to: "", dates: 0, added: 0, changed: 0, retired: 0 };
  const { athlete } = marks;
  const today = athlete.today;
  const candidates = [from, marks.alertsFrom, marks.evaluatedThrough ?? today].filter((d): d is IsoDate => typeof d === "string");
  let start = candidates.reduce((a, b) => (b < a ? b : a), today);
  if (start > today) start = today;
  if (start < addDays(today, -MAX_EVALUATION_DAYS)) start = addDays(today, -MAX_EVALUATION_DAYS);

  // archived athletes take no alerts: what they had stays as it was, for the record
  const result =
    athlete.status === "archived"
      ? { athleteId: ref.athleteId, from: start, to: today, dates: 0, added: 0, changed: 0, retired: 0 }
      : await evaluate(tx, athlete, start, because, notify);
  if (marks.alertsFrom !== null || marks.evaluatedThrough !== today) {
    await tx.update(athletes).set({ alertsFrom: null, evaluatedThrough: today }).where(and(eq(athletes.id, ref.athleteId), eq(athletes.clinicId, ref.clinicId)));
  }
  return result;
}

/**
 * A system task (seeds, the day-start run, tests that write rows directly): brings one athlete up
 * to date in a transaction of its own.
 */
export function evaluateAthlete(ref: AthleteRef, because = "the records changed", from?: IsoDate): Promise<Evaluation> {
  return getDb().transaction((tx) => bringUpToDate(tx, ref, { because, from }));
}

/** The §2a alerts of every date in from…today, computed from the records (pure domain code). */
export async function deriveAlertsBetween(tx: Tx, athlete: AthleteContext, from: IsoDate, to: IsoDate): Promise<Alert[]> {
  const loaded = await loadAthleteRecords(tx, athlete, from, to);
  const activeItems = loaded.programItems.filter((i) => i.status === "active");
  return rangeOfDates(from, to).flatMap((d) =>
    deriveAlerts(
      {
        records: loaded.history,
        exerciseLogs: loaded.exerciseLogs,
        // status and prescription are dated histories: the one in force on d
        status: statusOn(loaded.statuses, d, athlete.status),
        prescription: prescriptionOn(loaded.prescriptions, d),
        programItems: activeItems,
        trackedSince: athlete.trackedSince,
        today: athlete.today,
        returnToRun: loaded.returnToRun,
      },
      d,
      { unit: athlete.unit },
    ),
  );
}

async function evaluate(tx: Tx, athlete: AthleteContext, from: IsoDate, because: string, notify: boolean): Promise<Evaluation> {
  const to = athlete.today;
  const [derived, stored] = await Promise.all([deriveAlertsBetween(tx, athlete, from, to), storedAlertsFrom(tx, athlete, addDays(from, -1))]);
  const plan = reconcileAlerts({ from, to, derived, stored, because });
  const inserted = await applyPlan(tx, athlete, plan);
  if (notify) await queueUrgentAlertMails(tx, athlete, openedUrgent(plan, stored, inserted));
  return {
    athleteId: athlete.athleteId,
    from,
    to,
    dates: rangeOfDates(from, to).length,
    added: plan.inserts.length,
    changed: plan.updates.length,
    retired: plan.retirements.length,
  };
}

async function storedAlertsFrom(tx: Tx, athlete: AthleteContext, from: IsoDate): Promise<StoredAlert[]> {
  const rows = await tx
    .select({
      id: alerts.id,
      dedupeKey: alerts.dedupeKey,
      kind: alerts.kind,
      subject: alerts.subject,
      date: alerts.date,
      severity: alerts.severity,
      reason: alerts.reason,
      facts: alerts.facts,
      status: alerts.status,
      acknowledgedBy: alerts.acknowledgedBy,
      groupStart: alerts.groupStart,
      retiredAt: alerts.retiredAt,
    })
    .from(alerts)
    .where(and(eq(alerts.clinicId, athlete.clinicId), eq(alerts.athleteId, athlete.athleteId), gte(alerts.date, from)));
  return rows.map(({ retiredAt, ...r }) => ({ ...r, retired: retiredAt !== null }));
}

/**
 * The urgent alerts this plan leaves open that were not open and urgent before: inserted open,
 * reopened or raised to urgent, or revived while open. The outbox key (the alert's id) still
 * keeps an alert that opens twice (retired, then revived) to one email.
 */
function openedUrgent(plan: ReconcilePlan, stored: StoredAlert[], inserted: Map<string, string>) {
  const byId = new Map(stored.map((s) => [s.id, s]));
  const fresh = plan.inserts
    .filter((i) => i.alert.severity === "urgent" && i.status === "open")
    .map((i) => ({ id: inserted.get(i.alert.dedupeKey)!, date: i.alert.date, reason: i.alert.reason }));
  const changed = plan.updates.flatMap((u) => {
    const before = byId.get(u.id);
    if (!before || u.severity !== "urgent" || !(u.reopen || before.status === "open")) return [];
    const wasOpenUrgent = !before.retired && before.status === "open" && before.severity === "urgent";
    return wasOpenUrgent ? [] : [{ id: u.id, date: before.date, reason: u.reason }];
  });
  return [...fresh, ...changed];
}

/** Writes the plan; returns the ids of the inserted alerts by dedupe key. */
async function applyPlan(tx: Tx, athlete: AthleteContext, plan: ReconcilePlan): Promise<Map<string, string>> {
  const { clinicId, athleteId } = athlete;
  const now = new Date();
  const inserted = new Map<string, string>();
  if (plan.inserts.length > 0) {
    const rows = await tx.insert(alerts).values(
      plan.inserts.map(({ alert: a, groupStart, status, acknowledgedBy }) => ({
        clinicId,
        athleteId,
        dedupeKey: a.dedupeKey,
        kind: a.kind,
        severity: a.severity,
        flag: a.flag ?? null,
        subjectId: a.activityId ?? a.itemId ?? null,
        subject: a.subject,
        groupStart,
        date: a.date,
        reason: a.reason,
        facts: a.facts,
        status,
        acknowledgedBy,
        acknowledgedAt: status === "acknowledged" ? now : null,
        note: status === "acknowledged" ? "Acknowledged with the day before (same alert, no higher severity)" : null,
      })),
    ).returning({ id: alerts.id, dedupeKey: alerts.dedupeKey });
    for (const r of rows) inserted.set(r.dedupeKey, r.id);
  }
  if (plan.updates.length > 0) {
    // one statement for every changed alert
    const values = JSON.stringify(plan.updates.map((u) => ({ id: u.id, severity: u.severity, reason: u.reason, facts: u.facts, group_start: u.groupStart, reopen: u.reopen, revive: u.revive })));
    await tx.execute(sql`
      update ${alerts} a set
        severity = v.severity::alert_severity,
        reason = v.reason,
        facts = v.facts,
        group_start = v.group_start,
        status = case when v.reopen then 'open'::alert_status else a.status end,
        acknowledged_by = case when v.reopen then null else a.acknowledged_by end,
        acknowledged_at = case when v.reopen then null else a.acknowledged_at end,
        resolved_by = case when v.reopen then null else a.resolved_by end,
        resolved_at = case when v.reopen then null else a.resolved_at end,
        retired_at = case when v.revive then null else a.retired_at end,
        retired_reason = case when v.revive then null else a.retired_reason end,
        updated_at = now()
      from json_to_recordset(${values}::json) as v(id uuid, severity text, reason text, facts jsonb, group_start date, reopen boolean, revive boolean)
      where a.id = v.id and a.clinic_id = ${clinicId} and a.athlete_id = ${athleteId}`);
  }
  if (plan.retirements.length > 0) {
    const ids = plan.retirements.map((r) => r.id);
    // one evaluation, one cause: every retirement of it gives the same reason
    const reason = plan.retirements[0]!.reason;
    await tx
      .update(alerts)
      .set({ retiredAt: now, retiredReason: reason, updatedAt: now })
      .where(and(eq(alerts.clinicId, clinicId), eq(alerts.athleteId, athleteId), inArray(alerts.id, ids)));
  }
  // retirements, revivals and reopenings are part of the athlete's history and of the audit: one
  // statement for all of them
  const audited = [
    ...plan.retirements.map((r) => ({ action: "alert.retired", entityId: r.id, after: { reason: r.reason } })),
    ...plan.updates
      .filter((u) => u.revive || u.reopen)
      .map((u) => ({ action: u.revive ? "alert.revived" : "alert.reopened", entityId: u.id, after: { severity: u.severity, reason: u.reason } })),
  ];
  if (audited.length > 0) {
    await tx.insert(auditLog).values(audited.map((a) => ({ clinicId, actorId: null, entity: "alert", before: null, ...a })));
  }
  return inserted;
}
