import "server-only";
import { and, asc, desc, eq, gte, inArray, lte, ne, notInArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db, type Tx } from "@/db/client";
import { alerts, athletes, users } from "@/db/schema";
import { isTrainerScope, type Scope, type TrainerScope } from "@/lib/auth/scope";
import { deriveAlerts } from "@/lib/domain/alerts";
import type { AlertKind, AlertSeverity, IsoDate, RedFlag } from "@/lib/domain/types";
import { conflict, notFound } from "@/lib/errors";
import type { AlertListQuery } from "@/lib/validation/alerts";
import { loadAthleteContext, loadAthleteRecords, prescriptionOn, type AthleteContext } from "./athlete-records";
import { writeAudit } from "./audit";

type Conn = Db | Tx;

/**
 * Re-derive an athlete's alerts for the given dates (always including today in their time zone)
 * and store them by (clinic, athlete, dedupe key): running it twice stores each alert once.
 * An open alert whose condition no longer holds on its date is removed; acknowledged and resolved
 * ones are the trainer's record and are never touched. Archived athletes get no alerts.
 * Call it after the transaction that changed the athlete's records has committed.
 */
export async function recomputeAlerts({
  clinicId,
  athleteId,
  dates,
  context,
}: {
  clinicId: string;
  athleteId: string;
  dates?: IsoDate[];
  /** The athlete as a write just read them (lib/data/after-report.ts); read here when absent. */
  context?: AthleteContext;
}): Promise<void> {
  const db = getDb();
  const athlete = context?.athleteId === athleteId && context.clinicId === clinicId ? context : await loadAthleteContext(db, clinicId, athleteId);
  if (athlete.status === "archived") return;
  // no alert is ever raised for a date that has not happened yet where the athlete is
  const days = [...new Set([...(dates ?? []), athlete.today])].filter((d) => d <= athlete.today).sort();
  const from = days[0]!;
  const to = days[days.length - 1]!;
  const loaded = await loadAthleteRecords(db, athlete, from, to);
  const activeItems = loaded.programItems.filter((i) => i.status === "active");
  const derived = days.flatMap((d) =>
    deriveAlerts(
      {
        records: loaded.history,
        exerciseLogs: loaded.exerciseLogs,
        status: athlete.status,
        prescription: prescriptionOn(loaded.prescriptions, d),
        programItems: activeItems,
        trackedSince: athlete.trackedSince,
      },
      d,
      { unit: athlete.unit },
    ),
  );

  // one statement for every alert; should two derivations share a key, the later one wins, as
  // it would have with one upsert each
  const rows = [...new Map(derived.map((a) => [a.dedupeKey, a])).values()].map((a) => ({
    clinicId,
    athleteId,
    dedupeKey: a.dedupeKey,
    kind: a.kind,
    severity: a.severity,
    flag: a.flag ?? null,
    subjectId: a.activityId ?? a.itemId ?? null,
    date: a.date,
    reason: a.reason,
  }));
  const keep = derived.map((a) => a.dedupeKey);
  const stale = db
    .delete(alerts)
    .where(
      and(
        eq(alerts.clinicId, clinicId),
        eq(alerts.athleteId, athleteId),
        eq(alerts.status, "open"),
        inArray(alerts.date, days),
        keep.length > 0 ? notInArray(alerts.dedupeKey, keep) : undefined,
      ),
    );
  if (rows.length === 0) {
    await stale;
    return;
  }
  const upsert = db
    .insert(alerts)
    .values(rows)
    .onConflictDoUpdate({
      target: [alerts.clinicId, alerts.athleteId, alerts.dedupeKey],
      set: { severity: sql`excluded.severity`, reason: sql`excluded.reason`, updatedAt: new Date() },
      // an acknowledged or resolved alert keeps the wording the trainer acted on
      setWhere: eq(alerts.status, "open"),
    });
  // one statement, so atomic without a transaction (and one round trip instead of four): the
  // upsert touches only kept keys and the delete only the others, so no row is changed twice
  await db.execute(sql`with upserted as (${upsert.getSQL()}) ${stale.getSQL()}`);
}

export type AlertView = {
  id: string;
  athleteId: string;
  athleteName: string;
  kind: AlertKind;
  severity: AlertSeverity;
  flag: RedFlag | null;
  subjectId: string | null;
  date: string;
  reason: string;
  status: "open" | "acknowledged" | "resolved";
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  note: string | null;
  createdAt: Date;
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
      date: alerts.date,
      reason: alerts.reason,
      status: alerts.status,
      acknowledgedBy: ackUser.name,
      acknowledgedAt: alerts.acknowledgedAt,
      resolvedBy: resUser.name,
      resolvedAt: alerts.resolvedAt,
      note: alerts.note,
      createdAt: alerts.createdAt,
    })
    .from(alerts)
    .innerJoin(athletes, and(eq(athletes.id, alerts.athleteId), eq(athletes.clinicId, clinicId)))
    .leftJoin(ackUser, and(eq(ackUser.id, alerts.acknowledgedBy), eq(ackUser.clinicId, clinicId)))
    .leftJoin(resUser, and(eq(resUser.id, alerts.resolvedBy), eq(resUser.clinicId, clinicId)));
}

const asView = (rows: Awaited<ReturnType<ReturnType<typeof alertSelect>["where"]>>): AlertView[] =>
  rows.map((r) => ({ ...r, kind: r.kind as AlertKind, flag: r.flag as RedFlag | null }));

/**
 * Alerts of the clinic, most severe first, then newest. An athlete sees only their own; archived
 * athletes' alerts are left out unless one athlete is asked for by id.
 */
export async function listAlerts(scope: Scope, query: AlertListQuery = {}, limit = 500): Promise<AlertView[]> {
  const where: SQL[] = [eq(alerts.clinicId, scope.clinicId)];
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
  return asView(rows);
}

export async function getAlert(scope: Scope, alertId: string): Promise<AlertView> {
  const where = [eq(alerts.id, alertId), eq(alerts.clinicId, scope.clinicId)];
  if (!isTrainerScope(scope)) where.push(eq(alerts.athleteId, scope.athleteId));
  const [row] = asView(await alertSelect(getDb(), scope.clinicId).where(and(...where)));
  if (!row) throw notFound("Alert");
  return row;
}

const joinNotes = (existing: string | null, label: string, note: string | undefined) =>
  note ? (existing ? `${existing}\n${label}: ${note}` : `${label}: ${note}`) : existing;

/** Several alerts (the same alert on several days) change together or not at all. */
async function transition(scope: TrainerScope, alertIds: string[], to: "acknowledged" | "resolved", note: string | undefined): Promise<string[]> {
  const athleteIds = new Set<string>();
  await getDb().transaction(async (tx) => {
    for (const alertId of alertIds) {
      const [before] = await tx
        .select()
        .from(alerts)
        .where(and(eq(alerts.id, alertId), eq(alerts.clinicId, scope.clinicId)))
        .for("update");
      if (!before) throw notFound("Alert");
      // a second click on the same button changes nothing
      athleteIds.add(before.athleteId);
      if (before.status === to) continue;
      if (before.status === "resolved") throw conflict("This alert is already resolved.");
      const now = new Date();
      const set =
        to === "acknowledged"
          ? { status: to, acknowledgedBy: scope.userId, acknowledgedAt: now, note: joinNotes(before.note, "Acknowledged", note), updatedAt: now }
          : {
              status: to,
              resolvedBy: scope.userId,
              resolvedAt: now,
              // resolving an open alert also records who saw it
              acknowledgedBy: before.acknowledgedBy ?? scope.userId,
              acknowledgedAt: before.acknowledgedAt ?? now,
              note: joinNotes(before.note, "Resolved", note),
              updatedAt: now,
            };
      await tx.update(alerts).set(set).where(and(eq(alerts.id, alertId), eq(alerts.clinicId, scope.clinicId)));
      await writeAudit(tx, {
        clinicId: scope.clinicId,
        actorId: scope.userId,
        action: to === "acknowledged" ? "alert.acknowledged" : "alert.resolved",
        entity: "alert",
        entityId: alertId,
        before: { status: before.status, note: before.note },
        after: { status: to, note: note ?? null },
      });
    }
  });
  return [...athleteIds];
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

/** Open alerts of one athlete, for the status endpoint and the athlete page. */
export async function listOpenAlertsFor(db: Conn, clinicId: string, athleteId: string): Promise<AlertView[]> {
  const rows = await alertSelect(db, clinicId)
    .where(and(eq(alerts.clinicId, clinicId), eq(alerts.athleteId, athleteId), eq(alerts.status, "open")))
    .orderBy(asc(alerts.severity), desc(alerts.date), asc(alerts.id));
  return asView(rows);
}

export { listNeedsAttention, type AttentionRow } from "./attention";
