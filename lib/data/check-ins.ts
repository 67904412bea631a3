import "server-only";
import { and, desc, eq, gte, or } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { checkIns, type CheckIn } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import type { RedFlag } from "@/lib/domain/types";
import type { CheckInInput } from "@/lib/validation/reporting";
import { writeAudited } from "./audit";
import { bringUpToDate } from "./derived/evaluate";
import { athleteAccess } from "./access";
import { assertEditable, assertReportDate } from "./report-rules";

export type CheckInView = {
  id: string;
  athleteId: string;
  date: string;
  morningPain: number | null;
  redFlags: Record<RedFlag, boolean>;
  tapeYesterday: boolean;
  note: string | null;
  updatedAt: Date;
};

export function toCheckInView(row: CheckIn): CheckInView {
  return {
    id: row.id,
    athleteId: row.athleteId,
    date: row.date,
    morningPain: row.morningPain,
    redFlags: {
      clicking: row.clicking,
      locking: row.locking,
      giving_way: row.givingWay,
      swelling: row.swelling,
      night_pain: row.nightPain,
      cannot_bear_weight: row.cannotBearWeight,
      hot_red_fever: row.hotRedFever,
    },
    tapeYesterday: row.tapeYesterday,
    note: row.note,
    updatedAt: row.updatedAt,
  };
}

/**
 * One check-in per athlete per local date: saving again the same day updates it (an upsert on the
 * unique key, so two taps at once still leave one row). A submission whose `clientId` is already
 * stored is a retry: it changes nothing and answers with the stored check-in (200).
 */
export async function recordCheckIn(scope: Scope, input: CheckInInput): Promise<{ checkIn: CheckInView; created: boolean; athleteId: string; date: string }> {
  const db = getDb();
  const target = await athleteAccess(scope, input.athleteId, { write: true, db });
  const date = input.date ?? target.today;
  // one read for both questions: is this a retry (its clientId stored), and is there a check-in on the date
  const sameAthlete = and(eq(checkIns.clinicId, target.clinicId), eq(checkIns.athleteId, target.athleteId));
  const rows = await db
    .select()
    .from(checkIns)
    .where(and(sameAthlete, input.clientId ? or(eq(checkIns.clientId, input.clientId), eq(checkIns.date, date)) : eq(checkIns.date, date)));
  // a retry of a submission already stored answers with what was stored, whatever its date (the
  // date rules below are for new writes: a retry a week later must not turn into a 409)
  const stored = input.clientId ? rows.find((r) => r.clientId === input.clientId) : undefined;
  if (stored) return { checkIn: toCheckInView(stored), created: false, athleteId: target.athleteId, date: stored.date };
  assertReportDate(target, date);
  const existing = rows.find((r) => r.date === date);
  if (existing) assertEditable(target, date);
  const f = input.redFlags;
  const values = {
    morningPain: input.morningPain,
    clicking: f.clicking ?? false,
    locking: f.locking ?? false,
    givingWay: f.giving_way ?? false,
    swelling: f.swelling ?? false,
    nightPain: f.night_pain ?? false,
    cannotBearWeight: f.cannot_bear_weight ?? false,
    hotRedFever: f.hot_red_fever ?? false,
    tapeYesterday: input.tapeYesterday,
    note: input.note || null,
    recordedBy: scope.userId,
    updatedAt: new Date(),
  };
  const upsert = (conn: Db | Tx) =>
    conn
      .insert(checkIns)
      .values({ clinicId: target.clinicId, athleteId: target.athleteId, date, clientId: input.clientId ?? null, ...values })
      // the row keeps the id of the submission that last wrote it, so that one's retry is recognised
      .onConflictDoUpdate({ target: [checkIns.clinicId, checkIns.athleteId, checkIns.date], set: input.clientId ? { ...values, clientId: input.clientId } : values })
      .returning();
  // a change to an existing check-in, or a trainer's entry, is audited; an athlete's first of the day is not
  const row = await writeAudited(db, target.byTrainer || Boolean(existing), upsert, (r) => ({
    clinicId: target.clinicId,
    actorId: scope.userId,
    action: existing ? "check_in.updated" : "check_in.created",
    entity: "check_in",
    entityId: r.id,
    before: existing ? toCheckInView(existing) : null,
    after: toCheckInView(r),
  }), (tx) => bringUpToDate(tx, target, { because: `the check-in of ${date} was ${existing ? "changed" : "entered"}` }));
  return { checkIn: toCheckInView(row!), created: !existing, athleteId: target.athleteId, date };
}

export async function getCheckIn(scope: Scope, athleteId: string, date: string): Promise<CheckInView | null> {
  const target = await athleteAccess(scope, athleteId);
  const [row] = await getDb()
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.clinicId, target.clinicId), eq(checkIns.athleteId, target.athleteId), eq(checkIns.date, date)));
  return row ? toCheckInView(row) : null;
}

export async function listCheckIns(scope: Scope, athleteId: string, from: string): Promise<CheckInView[]> {
  const target = await athleteAccess(scope, athleteId);
  const rows = await getDb()
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.clinicId, target.clinicId), eq(checkIns.athleteId, target.athleteId), gte(checkIns.date, from)))
    .orderBy(desc(checkIns.date));
  return rows.map(toCheckInView);
}
