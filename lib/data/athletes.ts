import "server-only";
import { and, asc, count, eq, ilike, inArray, ne, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { alerts, athletes, checkIns, clinics, users, type Athlete } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { conflict, invalid, isUniqueViolation, notFound } from "@/lib/errors";
import type { AthleteInput, AthletePatch, RosterQuery } from "@/lib/validation/athletes";
import { athleteOnce } from "./access";
import { writeAudit } from "./audit";
import { bringUpToDate } from "./derived/evaluate";
import { visibleTo } from "./visibility";

export type RosterRow = {
  id: string;
  name: string;
  email: string | null;
  sportGroup: string | null;
  status: Athlete["status"];
  trainerId: string | null;
  trainerName: string | null;
  lastCheckIn: string | null;
  openAlerts: number;
};

export type RosterPage = { items: RosterRow[]; total: number; page: number; pageSize: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The roster, scoped to the trainer's clinic; archived athletes only when asked for. */
export async function listAthletes(scope: TrainerScope, query: RosterQuery = {}): Promise<RosterPage> {
  const db = getDb();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  const where: SQL[] = [eq(athletes.clinicId, scope.clinicId)];
  if (!query.status) where.push(ne(athletes.status, "archived"));
  else if (query.status !== "all") where.push(eq(athletes.status, query.status));
  if (query.q) where.push(ilike(athletes.name, `%${escapeLike(query.q)}%`));
  if (query.group) where.push(eq(athletes.sportGroup, query.group));
  if (query.trainer) where.push(eq(athletes.trainerId, query.trainer));
  const filter = and(...where);

  // per athlete on the page, the newest date read backwards off (clinic_id, athlete_id, date):
  // grouping every check-in of the clinic first read the whole history on each roster request
  const lastCheckIn = sql<string | null>`(select max(${checkIns.date}) from ${checkIns} where ${checkIns.clinicId} = ${athletes.clinicId} and ${checkIns.athleteId} = ${athletes.id})`;
  // open display groups (§2d: one kind and subject on consecutive dates), as every count in the app;
  // per athlete on the page, off (clinic_id, athlete_id, date): grouping every open alert of the
  // clinic first made the first page of a 500-athlete roster 2.6× slower than a 40-athlete one's
  const openAlerts = sql<number>`(select count(distinct (${alerts.kind}, coalesce(${alerts.subject}, ''), coalesce(${alerts.groupStart}, ${alerts.date})))::int
      from ${alerts} where ${alerts.clinicId} = ${athletes.clinicId} and ${alerts.athleteId} = ${athletes.id} and ${alerts.status} = 'open' and ${alerts.retiredAt} is null)`;

  const order =
    query.sort === "last_check_in"
      ? [sql`${lastCheckIn} desc nulls last`, asc(athletes.name)]
      : query.sort === "open_alerts"
        ? [sql`${openAlerts} desc`, asc(athletes.name)]
        : [asc(athletes.name), asc(athletes.id)];

  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({
        id: athletes.id,
        name: athletes.name,
        email: athletes.email,
        sportGroup: athletes.sportGroup,
        status: athletes.status,
        trainerId: athletes.trainerId,
        trainerName: users.name,
        lastCheckIn,
        openAlerts,
      })
      .from(athletes)
      .leftJoin(users, and(eq(users.id, athletes.trainerId), eq(users.clinicId, scope.clinicId)))
      .where(filter)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(athletes).where(filter),
  ]);
  return { items: rows, total, page, pageSize };
}

export type AthleteProfile = Omit<Athlete, "clinicId" | "statusBeforeArchive"> & {
  trainerName: string | null;
  effectiveTimeZone: string;
  hasLogin: boolean;
};

/** One athlete: any in the clinic for a trainer, only themselves for an athlete. */
export async function getAthlete(scope: Scope, athleteId: string): Promise<AthleteProfile> {
  if (scope.role === "athlete" && scope.athleteId !== athleteId) throw notFound("Athlete");
  const [row] = await getDb()
    .select({ a: athletes, trainerName: users.name, clinicTz: clinics.timeZone })
    .from(athletes)
    .innerJoin(clinics, eq(clinics.id, athletes.clinicId))
    .leftJoin(users, and(eq(users.id, athletes.trainerId), eq(users.clinicId, scope.clinicId)))
    .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, scope.clinicId)));
  if (!row) throw notFound("Athlete");
  const { clinicId: _c, statusBeforeArchive: _s, ...a } = row.a;
  return visibleTo(scope, "athlete", { ...a, trainerName: row.trainerName, effectiveTimeZone: a.timeZone ?? row.clinicTz, hasLogin: a.userId !== null });
}

/**
 * getAthlete for a page's render: the same profile from the one per-request read athleteAccess
 * makes (access.ts athleteOnce), so the page and its sections read the athlete once. Not after a
 * write in the same request: that read may be older than the write; use getAthlete there.
 */
export async function getAthleteOnce(scope: Scope, athleteId: string): Promise<AthleteProfile> {
  if (scope.role === "athlete" && scope.athleteId !== athleteId) throw notFound("Athlete");
  const { context, athlete } = await athleteOnce(scope.clinicId, athleteId);
  const { clinicId: _c, statusBeforeArchive: _s, ...a } = athlete;
  return visibleTo(scope, "athlete", { ...a, trainerName: context.trainerName, effectiveTimeZone: context.timeZone, hasLogin: a.userId !== null });
}

export type TrainerOption = { id: string; name: string; role: "owner" | "trainer" };

export async function listTrainers(scope: TrainerScope): Promise<TrainerOption[]> {
  const rows = await getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.clinicId, scope.clinicId), inArray(users.role, ["owner", "trainer"]), sql`${users.archivedAt} is null`))
    .orderBy(asc(users.name));
  return rows as TrainerOption[];
}

export async function listGroups(scope: TrainerScope): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ g: athletes.sportGroup })
    .from(athletes)
    .where(and(eq(athletes.clinicId, scope.clinicId), sql`${athletes.sportGroup} is not null`))
    .orderBy(asc(athletes.sportGroup));
  return rows.map((r) => r.g!).filter(Boolean);
}

async function assertTrainerInClinic(tx: Tx, scope: TrainerScope, trainerId: string | null | undefined) {
  if (!trainerId) return;
  const [t] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, trainerId), eq(users.clinicId, scope.clinicId), inArray(users.role, ["owner", "trainer"])));
  if (!t) throw invalid("Choose a trainer from your clinic.", { trainerId: ["Choose a trainer from your clinic."] });
}

const emailInUse = () =>
  conflict("Another athlete in your clinic already has this email.", { email: ["Another athlete in your clinic already has this email."] });

const auditable = (a: Partial<Athlete>) => {
  const { createdAt: _c, updatedAt: _u, clinicId: _k, ...rest } = a;
  return rest;
};

export async function insertAthlete(tx: Tx, scope: TrainerScope, input: AthleteInput): Promise<Athlete> {
  await assertTrainerInClinic(tx, scope, input.trainerId);
  const status = input.status ?? "active";
  const [row] = await tx
    .insert(athletes)
    .values({
      clinicId: scope.clinicId,
      name: input.name,
      email: input.email ?? null,
      sportGroup: input.sportGroup ?? null,
      birthYear: input.birthYear ?? null,
      injuredSide: input.injuredSide ?? null,
      condition: input.condition ?? "Medial knee pain",
      onsetDate: input.onsetDate ?? null,
      status,
      statusBeforeArchive: status === "archived" ? "active" : null,
      trainerId: input.trainerId === undefined ? scope.userId : input.trainerId,
      timeZone: input.timeZone ?? null,
      notes: input.notes ?? null,
    })
    .returning();
  await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "athlete.created", entity: "athlete", entityId: row!.id, after: auditable(row!) });
  return row!;
}

export async function createAthlete(scope: TrainerScope, input: AthleteInput): Promise<{ id: string }> {
  try {
    const row = await getDb().transaction((tx) => insertAthlete(tx, scope, input));
    return { id: row.id };
  } catch (err) {
    if (isUniqueViolation(err)) throw emailInUse();
    throw err;
  }
}

/** Edits, archive and restore. Archiving remembers the status so restore puts the athlete back. */
export async function updateAthlete(scope: TrainerScope, athleteId: string, patch: AthletePatch): Promise<AthleteProfile> {
  try {
    await getDb().transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(athletes)
        .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, scope.clinicId)))
        .for("update");
      if (!before) throw notFound("Athlete");
      if (patch.trainerId !== undefined) await assertTrainerInClinic(tx, scope, patch.trainerId);
      const next: Partial<Athlete> = { updatedAt: new Date() };
      for (const [k, v] of Object.entries(patch)) {
        if (v !== undefined) (next as Record<string, unknown>)[k] = v;
      }
      if (patch.condition === null) next.condition = "Medial knee pain";
      if (patch.status && patch.status !== before.status) {
        if (patch.status === "archived") next.statusBeforeArchive = before.status;
        else next.statusBeforeArchive = null;
      }
      const [after] = await tx
        .update(athletes)
        .set(next)
        .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, scope.clinicId)))
        .returning();
      const action =
        patch.status === "archived" && before.status !== "archived"
          ? "athlete.archived"
          : before.status === "archived" && patch.status && patch.status !== "archived"
            ? "athlete.restored"
            : "athlete.updated";
      await writeAudit(tx, {
        clinicId: scope.clinicId,
        actorId: scope.userId,
        action,
        entity: "athlete",
        entityId: athleteId,
        before: auditable(before),
        after: auditable(after!),
      });
      // status and time zone are read by the rules: a change takes effect from the athlete's today
      if (after!.status !== before.status || after!.timeZone !== before.timeZone) {
        const what = after!.status !== before.status ? `the status changed to ${after!.status.replace(/_/g, " ")}` : "the time zone changed";
        await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId }, { because: what });
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailInUse();
    throw err;
  }
  return getAthlete(scope, athleteId);
}

export async function archiveAthlete(scope: TrainerScope, athleteId: string) {
  return updateAthlete(scope, athleteId, { status: "archived" });
}

export async function restoreAthlete(scope: TrainerScope, athleteId: string) {
  const [row] = await getDb()
    .select({ status: athletes.status, before: athletes.statusBeforeArchive })
    .from(athletes)
    .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, scope.clinicId)));
  if (!row) throw notFound("Athlete");
  if (row.status !== "archived") return getAthlete(scope, athleteId);
  return updateAthlete(scope, athleteId, { status: row.before ?? "active" });
}

/** Emails already used by athletes of the clinic (for CSV duplicate checks). */
export async function existingAthleteEmails(scope: TrainerScope, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const rows = await getDb()
    .select({ email: athletes.email })
    .from(athletes)
    .where(and(eq(athletes.clinicId, scope.clinicId), inArray(athletes.email, emails)));
  return new Set(rows.map((r) => r.email!).filter(Boolean));
}

