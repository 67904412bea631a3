import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, alerts, athletes, auditLog, checkIns, clinics, exerciseLogs, exercises, ladders, programItems, programTemplates, shoes, users } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { forbidden } from "@/lib/errors";
import { AUDIT_PAGE_SIZE, type AuditQuery } from "@/lib/validation/audit";
import { athleteAccess } from "./access";

export type AuditRow = {
  id: string;
  action: string;
  entity: string;
  entityId: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
  /** The athlete the row is about, when it is about one. */
  athleteId: string | null;
  athleteName: string | null;
  /** The row's thing in words: a program item's exercise, an alert's reason, a shoe's or template's name, an activity's type. */
  subject: string | null;
  /** The calendar date of the activity, check-in, exercise tick or alert the row is about. */
  subjectDate: string | null;
  /** The exercise a program item moved to or started on. */
  toExercise: string | null;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageSize: number };

const itemEx = alias(exercises, "item_ex");
const toEx = alias(exercises, "to_ex");
const ownEx = alias(exercises, "own_ex");
const subjectAthlete = alias(athletes, "subject_athlete");

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const shared = (clinicId: unknown, id: string) => sql`(${clinicId} is null or ${clinicId} = ${id})`;

/**
 * The audit rows of a clinic, each joined (on its entity's primary key, same clinic) to what it is
 * about, so a page can say "Progressed to Banded clamshell" for Alex Morgan. The athlete a row is
 * about is the athlete itself, or the owner of the program item, activity, check-in, alert,
 * exercise tick or shoe it names.
 */
function audited(clinicId: string) {
  const on = (entity: string, id: SQL | unknown, table: { clinicId: unknown }) =>
    sql`${auditLog.entity} = ${entity} and ${id} = ${auditLog.entityId} and ${table.clinicId} = ${clinicId}`;
  const athleteOf = sql<string | null>`coalesce(
    case when ${auditLog.entity} = 'athlete' then ${auditLog.entityId} end,
    ${programItems.athleteId}, ${activities.athleteId}, ${checkIns.athleteId}, ${alerts.athleteId}, ${exerciseLogs.athleteId}, ${shoes.athleteId})`;
  const subject = sql<string | null>`coalesce(${itemEx.name}, ${alerts.reason}, ${shoes.name}, ${programTemplates.name}, ${ladders.name}, ${ownEx.name},
    replace(${activities.type}::text, '_', ' '))`;
  const subjectDate = sql<string | null>`coalesce(${activities.date}, ${checkIns.date}, ${exerciseLogs.date}, ${alerts.date})::text`;
  const columns = {
    id: auditLog.id,
    action: auditLog.action,
    entity: auditLog.entity,
    entityId: auditLog.entityId,
    actorName: users.name,
    before: auditLog.before,
    after: auditLog.after,
    createdAt: auditLog.createdAt,
    athleteId: subjectAthlete.id,
    athleteName: subjectAthlete.name,
    subject,
    subjectDate,
    toExercise: toEx.name,
  };
  const from = () =>
    getDb()
      .select({ ...columns, total: sql<number>`(count(*) over ())::int` })
      .from(auditLog)
      .leftJoin(users, and(eq(users.id, auditLog.actorId), eq(users.clinicId, clinicId)))
      .leftJoin(programItems, on("program_item", programItems.id, programItems))
      .leftJoin(itemEx, eq(itemEx.id, programItems.exerciseId))
      .leftJoin(toEx, and(sql`${toEx.id}::text = ${auditLog.after}->>'toExerciseId'`, shared(toEx.clinicId, clinicId)))
      .leftJoin(activities, on("activity", activities.id, activities))
      .leftJoin(checkIns, on("check_in", checkIns.id, checkIns))
      .leftJoin(alerts, on("alert", alerts.id, alerts))
      .leftJoin(exerciseLogs, on("exercise_log", exerciseLogs.id, exerciseLogs))
      .leftJoin(shoes, on("shoe", shoes.id, shoes))
      .leftJoin(programTemplates, and(sql`${auditLog.entity} = 'template' and ${programTemplates.id} = ${auditLog.entityId}`, shared(programTemplates.clinicId, clinicId)))
      .leftJoin(ladders, and(sql`${auditLog.entity} = 'ladder' and ${ladders.id} = ${auditLog.entityId}`, shared(ladders.clinicId, clinicId)))
      .leftJoin(ownEx, and(sql`${auditLog.entity} = 'exercise' and ${ownEx.id} = ${auditLog.entityId}`, shared(ownEx.clinicId, clinicId)))
      .leftJoin(subjectAthlete, and(eq(subjectAthlete.id, athleteOf), eq(subjectAthlete.clinicId, clinicId)));
  return { from, athleteOf };
}

/** The filters of AuditQuery as one WHERE, always inside the caller's clinic. */
function filters(clinicId: string, q: Partial<Omit<AuditQuery, "page">>, athleteOf: SQL<string | null>): SQL {
  const where: SQL[] = [eq(auditLog.clinicId, clinicId)];
  if (q.athlete) where.push(sql`${athleteOf} = ${q.athlete}`);
  if (q.person === "system") where.push(isNull(auditLog.actorId));
  else if (q.person) where.push(eq(auditLog.actorId, q.person));
  if (q.kind) where.push(sql`${auditLog.action} like ${`${escapeLike(q.kind)}.%`}`);
  // dates are the clinic's calendar dates; the bounds are instants, so the (clinic_id, created_at) index serves them
  const zone = sql`(select ${clinics.timeZone} from ${clinics} where ${clinics.id} = ${clinicId})`;
  if (q.from) where.push(sql`${auditLog.createdAt} >= (${q.from}::date::timestamp at time zone ${zone})`);
  if (q.to) where.push(sql`${auditLog.createdAt} < ((${q.to}::date + 1)::timestamp at time zone ${zone})`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(
      sql`concat_ws(' ', replace(${auditLog.action}, '_', ' '), ${users.name}, ${subjectAthlete.name}, ${itemEx.name}, ${toEx.name}, ${alerts.reason}, ${shoes.name}, ${auditLog.before}::text, ${auditLog.after}::text) ilike ${like}`,
    );
  }
  return and(...where)!;
}

/** The clinic's audit log, newest first, one page at a time, filtered: the owner's view. */
export async function listClinicAudit(scope: TrainerScope, query: AuditQuery): Promise<AuditPage> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can read the clinic's audit log.");
  const { from, athleteOf } = audited(scope.clinicId);
  const where = filters(scope.clinicId, query, athleteOf);
  const pageSize = AUDIT_PAGE_SIZE;
  // the total rides on every row (a window count): one statement; a page past the end has none
  const rows = await from()
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(pageSize)
    .offset((query.page - 1) * pageSize);
  const total = rows[0]?.total ?? 0;
  return { rows: rows.map(({ total: _t, ...r }) => r), total, page: query.page, pageSize };
}

/** Who changed what about one athlete (the athlete row and everything that hangs off it), newest first. */
export async function listAthleteAudit(scope: TrainerScope, athleteId: string, limit = 20): Promise<AuditRow[]> {
  await athleteAccess(scope, athleteId); // not found for another clinic's athlete
  const { from, athleteOf } = audited(scope.clinicId);
  const rows = await from()
    .where(filters(scope.clinicId, { athlete: athleteId }, athleteOf))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ total: _t, ...r }) => r);
}

export type AuditPerson = { id: string; name: string; role: string };

/** Everyone who can appear in the clinic's audit log (staff and athletes with a login), for its person filter. */
export async function listAuditPeople(scope: TrainerScope): Promise<AuditPerson[]> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can read the clinic's audit log.");
  return getDb().select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.clinicId, scope.clinicId)).orderBy(asc(users.name), asc(users.id));
}

/** Every athlete of the clinic, archived ones too (their history stays), for the athlete filter. */
export async function listAuditAthletes(scope: TrainerScope): Promise<{ id: string; name: string }[]> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can read the clinic's audit log.");
  return getDb().select({ id: athletes.id, name: athletes.name }).from(athletes).where(eq(athletes.clinicId, scope.clinicId)).orderBy(asc(athletes.name), asc(athletes.id));
}
