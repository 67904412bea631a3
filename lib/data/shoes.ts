import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { activities, shoes } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { SHOE_REMINDER_DEFAULT_M, type ShoeInput } from "@/lib/validation/reporting";
import { writeAudit } from "./audit";
import { athleteAccess } from "./access";
import { visibleAllTo } from "./visibility";

export type ShoeView = { id: string; name: string; distanceM: number; reminderM: number; retired: boolean; due: boolean };

/** Each shoe with the distance of the runs that named it. */
export async function listShoes(scope: Scope, athleteId?: string): Promise<ShoeView[]> {
  const target = await athleteAccess(scope, athleteId ?? (scope.role === "athlete" ? scope.athleteId : undefined));
  const rows = await getDb()
    .select({
      id: shoes.id,
      name: shoes.name,
      reminderM: shoes.reminderM,
      retiredAt: shoes.retiredAt,
      distanceM: sql<number>`coalesce(sum(${activities.distanceM}) filter (where ${activities.archivedAt} is null), 0)::float8`,
    })
    .from(shoes)
    .leftJoin(activities, and(eq(activities.shoeId, shoes.id), eq(activities.clinicId, target.clinicId)))
    .where(and(eq(shoes.clinicId, target.clinicId), eq(shoes.athleteId, target.athleteId)))
    .groupBy(shoes.id)
    .orderBy(sql`${shoes.retiredAt} is not null`, asc(shoes.name));
  return visibleAllTo(
    scope,
    "shoe",
    rows.map((r) => ({ id: r.id, name: r.name, reminderM: r.reminderM, distanceM: r.distanceM, retired: r.retiredAt !== null, due: r.retiredAt === null && r.distanceM >= r.reminderM })),
  );
}

/**
 * The shoe a new run starts with: the pair of the most recent run that named one, while that pair
 * is still in use; otherwise the only pair in use; otherwise none (the athlete chooses).
 */
export async function getDefaultShoeId(scope: Scope, shoeList: readonly ShoeView[], athleteId?: string): Promise<string | null> {
  const target = await athleteAccess(scope, athleteId ?? (scope.role === "athlete" ? scope.athleteId : undefined));
  const inUse = shoeList.filter((s) => !s.retired);
  if (inUse.length === 0) return null;
  const [last] = await getDb()
    .select({ shoeId: activities.shoeId })
    .from(activities)
    .where(and(eq(activities.clinicId, target.clinicId), eq(activities.athleteId, target.athleteId), isNull(activities.archivedAt), eq(activities.type, "run"), isNotNull(activities.shoeId)))
    .orderBy(desc(activities.date), desc(activities.startedAt))
    .limit(1);
  if (last?.shoeId && inUse.some((s) => s.id === last.shoeId)) return last.shoeId;
  return inUse.length === 1 ? inUse[0]!.id : null;
}

export async function addShoe(scope: Scope, input: ShoeInput): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, input.athleteId, { write: true, db: tx });
    const [row] = await tx
      .insert(shoes)
      .values({ clinicId: target.clinicId, athleteId: target.athleteId, name: input.name, reminderM: input.reminderM ?? SHOE_REMINDER_DEFAULT_M })
      .returning({ id: shoes.id });
    await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "shoe.added", entity: "shoe", entityId: row!.id, after: { name: input.name } });
    return row!;
  });
}

export async function updateShoe(scope: Scope, shoeId: string, patch: { name?: string; reminderM?: number; retired?: boolean }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const athleteId = scope.role === "athlete" ? scope.athleteId : undefined;
    const [shoe] = await tx
      .select()
      .from(shoes)
      .where(and(eq(shoes.id, shoeId), eq(shoes.clinicId, scope.clinicId), athleteId ? eq(shoes.athleteId, athleteId) : undefined));
    if (!shoe) throw notFound("Shoe");
    const set: Partial<typeof shoes.$inferInsert> = { updatedAt: new Date() };
    if (patch.name) set.name = patch.name;
    if (patch.reminderM !== undefined) set.reminderM = patch.reminderM;
    if (patch.retired !== undefined) set.retiredAt = patch.retired ? (shoe.retiredAt ?? new Date()) : null;
    await tx.update(shoes).set(set).where(and(eq(shoes.id, shoeId), eq(shoes.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "shoe.updated", entity: "shoe", entityId: shoeId, before: { name: shoe.name, reminderM: shoe.reminderM, retired: !!shoe.retiredAt }, after: patch });
  });
}

/** A shoe a run may name: the athlete's own, not retired. */
/** The athlete's shoe, not retired, or "not found"; returns its name for the stored record's view. */
export async function assertUsableShoe(db: Db | Tx, clinicId: string, athleteId: string, shoeId: string): Promise<{ name: string }> {
  const [row] = await db
    .select({ name: shoes.name })
    .from(shoes)
    .where(and(eq(shoes.id, shoeId), eq(shoes.clinicId, clinicId), eq(shoes.athleteId, athleteId), isNull(shoes.retiredAt)));
  if (!row) throw notFound("Shoe");
  return row;
}
