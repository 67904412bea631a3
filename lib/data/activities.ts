import "server-only";
import { and, asc, desc, eq, gte, isNull, lte } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { activities, shoes, type ActivityRow } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import type { ParsedActivity } from "@/lib/activity-import";
import { localDateOf } from "@/lib/domain/dates";
import { instantOf } from "@/lib/domain/local-time";
import { conflict, invalid, isUniqueViolation, notFound } from "@/lib/errors";
import type { ActivityInput } from "@/lib/validation/reporting";
import { writeAudit, writeAudited } from "./audit";
import { bringUpToDate } from "./derived/evaluate";
import { athleteAccess } from "./access";
import { assertEditable, assertReportDate } from "./report-rules";
import { assertUsableShoe } from "./shoes";
import { visibleAllTo } from "./visibility";

export type ActivityView = {
  id: string;
  athleteId: string;
  type: ActivityRow["type"];
  date: string;
  startedAt: Date;
  durationSec: number;
  movingSec: number | null;
  distanceM: number | null;
  rpe: number;
  painDuring: number | null;
  painAfter: number | null;
  shoeId: string | null;
  shoeName: string | null;
  note: string | null;
  source: ActivityRow["source"];
  fileName: string | null;
  clientId: string;
  createdAt: Date;
};

const columns = {
  id: activities.id,
  athleteId: activities.athleteId,
  type: activities.type,
  date: activities.date,
  startedAt: activities.startedAt,
  durationSec: activities.durationSec,
  movingSec: activities.movingSec,
  distanceM: activities.distanceM,
  rpe: activities.rpe,
  painDuring: activities.painDuring,
  painAfter: activities.painAfter,
  shoeId: activities.shoeId,
  shoeName: shoes.name,
  note: activities.note,
  source: activities.source,
  fileName: activities.fileName,
  clientId: activities.clientId,
  createdAt: activities.createdAt,
};

const { shoeName: _shoeName, ...insertedColumns } = columns;

type Written = { activity: ActivityView; created: boolean; athleteId: string; date: string };

/** The activity stored under a submission id (archived or not: a retry answers with what the first submit stored). */
export async function activityByClientId(db: Db | Tx, clinicId: string, clientId: string): Promise<ActivityView | null> {
  const [row] = await db
    .select(columns)
    .from(activities)
    .leftJoin(shoes, eq(shoes.id, activities.shoeId))
    .where(and(eq(activities.clinicId, clinicId), eq(activities.clientId, clientId)));
  return row ?? null;
}

function retried(stored: ActivityView | null, athleteId: string): Written {
  if (!stored || stored.athleteId !== athleteId) throw conflict("This submission id was already used for another record.");
  return { activity: stored, created: false, athleteId: stored.athleteId, date: stored.date };
}

/** What the athlete reports about a session, as stored, for a new activity and a corrected one alike. */
function reportedValues(input: Omit<ActivityInput, "clientId">) {
  return {
    durationSec: input.durationSec,
    distanceM: input.distanceM ?? null,
    rpe: input.rpe,
    painDuring: input.painDuring ?? null,
    painAfter: input.painAfter ?? null,
    // only runs carry a shoe
    shoeId: input.type === "run" ? (input.shoeId ?? null) : null,
    note: input.note || null,
  };
}

/** "the run", "the bike ride": how a retirement reason names an activity. */
function activityWords(type: string): string {
  return type === "run" ? "the run" : `the ${type.replace("_", " ")} session`;
}

const alreadyImported = () =>
  conflict("This file was imported already: there is a run with the same start time.", { file: ["This file was imported already."] });

/**
 * Stores an activity once per client id: a double tap or a retry after a dropped connection
 * answers with the row the first submit stored.
 */
export async function recordActivity(scope: Scope, input: ActivityInput, file?: { parsed: ParsedActivity; fileName: string }): Promise<Written> {
  const db = getDb();
  try {
    const target = await athleteAccess(scope, input.athleteId, { write: true, db });
    const startedAt = file ? file.parsed.startTime : instantOf(input.date, input.startTime ?? "12:00", target.timeZone);
    const date = file ? localDateOf(startedAt, target.timeZone) : input.date;
    let shoe: Awaited<ReturnType<typeof assertUsableShoe>> | null;
    try {
      // a file's date is the device's record, not a typo: only the future is refused
      assertReportDate(target, date, "date", { allowOld: Boolean(file) });
      shoe = input.shoeId ? await assertUsableShoe(db, target.clinicId, target.athleteId, input.shoeId) : null;
    } catch (err) {
      // a retry answers with what the first submit stored, whatever its date or shoe now (the rules
      // are for new writes); a new write's retry is caught by the insert's ON CONFLICT below, so the
      // common case reads nothing first
      const earlier = await activityByClientId(db, target.clinicId, input.clientId);
      if (earlier) return retried(earlier, target.athleteId);
      throw err;
    }
    const insert = (conn: Db | Tx) =>
      conn
        .insert(activities)
        .values({
          clinicId: target.clinicId,
          athleteId: target.athleteId,
          type: input.type,
          startedAt,
          date,
          ...reportedValues(input),
          movingSec: file ? Math.round(file.parsed.movingSec) : null,
          source: file ? "file" : "manual",
          fileName: file?.fileName ?? null,
          clientId: input.clientId,
          recordedBy: scope.userId,
        })
        .onConflictDoNothing({ target: [activities.clinicId, activities.clientId] })
        .returning(insertedColumns);
    // a trainer's entry is audited
    const row = await writeAudited(db, target.byTrainer, insert, (r) => ({ clinicId: target.clinicId, actorId: scope.userId, action: "activity.created", entity: "activity", entityId: r.id, after: { ...input, date } }), (tx, r) =>
      r ? bringUpToDate(tx, target, { because: `${activityWords(input.type)} of ${date} was entered` }) : Promise.resolve(),
    );
    if (row) return { activity: { ...row, shoeName: row.shoeId ? (shoe?.name ?? null) : null }, created: true, athleteId: row.athleteId, date: row.date };
    // a retry: answer with what the first submit stored
    return retried(await activityByClientId(getDb(), target.clinicId, input.clientId), target.athleteId);
  } catch (err) {
    if (isUniqueViolation(err, "activities_file_start_unique")) throw alreadyImported();
    throw err;
  }
}

export async function importActivity(
  scope: Scope,
  meta: { athleteId?: string; clientId: string; rpe: number; painDuring?: number; painAfter?: number; shoeId?: string; note?: string },
  parsed: ParsedActivity,
  fileName: string,
): Promise<Written> {
  const type = parsed.sport === "run" || parsed.sport === null ? "run" : parsed.sport === "biking" || parsed.sport === "cycling" ? "bike" : parsed.sport === "swimming" ? "swim" : "other";
  const durationSec = Math.max(1, Math.round(parsed.timerSec ?? parsed.elapsedSec));
  if (parsed.distanceM > 250_000) throw invalid("This file describes more than 250 km, which cannot be a run. Check the file.", { file: ["More than 250 km."] });
  if (durationSec > 86_400) throw invalid("This file is longer than 24 hours. Check the file.", { file: ["Longer than 24 hours."] });
  return recordActivity(
    scope,
    {
      ...meta,
      type,
      date: "1970-01-01", // replaced by the file's own start, in the athlete's zone
      durationSec,
      distanceM: Math.round(parsed.distanceM),
    },
    { parsed, fileName },
  );
}

async function loadOwn(scope: Scope, activityId: string): Promise<ActivityRow> {
  const [row] = await getDb()
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.id, activityId),
        eq(activities.clinicId, scope.clinicId),
        isNull(activities.archivedAt),
        scope.role === "athlete" ? eq(activities.athleteId, scope.athleteId) : undefined,
      ),
    );
  if (!row) throw notFound("Activity");
  return row;
}

export async function getActivity(scope: Scope, activityId: string): Promise<ActivityView> {
  const row = await loadOwn(scope, activityId);
  return (await activityByClientId(getDb(), scope.clinicId, row.clientId))!;
}

/** Athletes edit their own entries for 7 days; trainers correct any, attributed in the audit log. */
export async function updateActivity(scope: Scope, activityId: string, input: Omit<ActivityInput, "clientId">): Promise<Written> {
  const before = await loadOwn(scope, activityId);
  return getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, before.athleteId, { write: true, db: tx });
    assertEditable(target, before.date);
    // the date rules govern where an entry may go: a correction that keeps an old (or a watch
    // file's) date is not refused for it
    if (before.source !== "file" && input.date !== before.date) assertReportDate(target, input.date);
    if (input.shoeId) await assertUsableShoe(tx, target.clinicId, target.athleteId, input.shoeId);
    const startedAt = before.source === "file" ? before.startedAt : instantOf(input.date, input.startTime ?? "12:00", target.timeZone);
    const date = before.source === "file" ? before.date : input.date;
    const [after] = await tx
      .update(activities)
      .set({
        type: before.source === "file" ? before.type : input.type,
        startedAt,
        date,
        ...reportedValues(input),
        recordedBy: scope.userId,
        updatedAt: new Date(),
      })
      .where(and(eq(activities.id, activityId), eq(activities.clinicId, scope.clinicId)))
      .returning();
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "activity.updated", entity: "activity", entityId: activityId, before, after });
    const what = `${activityWords(before.type)} of ${before.date}`;
    await bringUpToDate(tx, target, { because: before.date === date ? `${what} was changed` : `${what} was moved to ${date}` });
    return { activity: (await activityByClientId(tx, scope.clinicId, before.clientId))!, created: false, athleteId: before.athleteId, date: [before.date, date].sort()[0]! };
  });
}

/** "Delete" archives: the record stays, out of every list and calculation. */
export async function archiveActivity(scope: Scope, activityId: string): Promise<{ athleteId: string; date: string }> {
  const before = await loadOwn(scope, activityId);
  await getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, before.athleteId, { write: true, db: tx });
    assertEditable(target, before.date);
    await tx.update(activities).set({ archivedAt: new Date(), updatedAt: new Date() }).where(and(eq(activities.id, activityId), eq(activities.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "activity.archived", entity: "activity", entityId: activityId, before });
    await bringUpToDate(tx, target, { because: `${activityWords(before.type)} of ${before.date} was deleted` });
  });
  return { athleteId: before.athleteId, date: before.date };
}

export async function listActivities(
  scope: Scope,
  athleteId: string,
  range: { from?: string; to?: string } = {},
  order: "asc" | "desc" = "desc",
  limit = 2000,
): Promise<ActivityView[]> {
  // a read: archived athletes' records stay readable for staff
  const target = await athleteAccess(scope, athleteId);
  const rows = await getDb()
    .select(columns)
    .from(activities)
    .leftJoin(shoes, eq(shoes.id, activities.shoeId))
    .where(
      and(
        eq(activities.clinicId, target.clinicId),
        eq(activities.athleteId, target.athleteId),
        isNull(activities.archivedAt),
        range.from ? gte(activities.date, range.from) : undefined,
        range.to ? lte(activities.date, range.to) : undefined,
      ),
    )
    // date first (an athlete's local date never runs against the start time), so a short page
    // reads a few rows from the end of the (clinic, athlete, date) index instead of sorting them all
    .orderBy(...(order === "asc" ? [asc(activities.date), asc(activities.startedAt), asc(activities.createdAt), asc(activities.id)] : [desc(activities.date), desc(activities.startedAt), desc(activities.createdAt), desc(activities.id)]))
    .limit(limit);
  return visibleAllTo(scope, "activity", rows);
}
