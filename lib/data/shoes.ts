import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { activities, shoes } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import { writeAudit } from "./audit";
import { athleteAccess } from "./access";

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
  return rows.map((r) => ({ id: r.id, name: r.name, reminderM: r.reminderM, distanceM: r.distanceM, retired: r.retiredAt !== null, due: r.retiredAt === null && r.distanceM >= r.reminderM }));
}

export async function addShoe(scope: Scope, input: { athleteId?: string; name: string; reminderKm?: number }): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const target = await athleteAccess(scope, input.athleteId, { write: true, db: tx });
    const [row] = await tx
      .insert(shoes)
      .values({ clinicId: target.clinicId, athleteId: target.athleteId, name: input.name, reminderM: Math.round((input.reminderKm ?? 800) * 1000) })
      .returning({ id: shoes.id });
    await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "shoe.added", entity: "shoe", entityId: row!.id, after: { name: input.name } });
    return row!;
  });
}

export async function updateShoe(scope: Scope, shoeId: string, patch: { name?: string; reminderKm?: number; retired?: boolean }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const athleteId = scope.role === "athlete" ? scope.athleteId : undefined;
    const [shoe] = await tx
      .select()
      .from(shoes)
      .where(and(eq(shoes.id, shoeId), eq(shoes.clinicId, scope.clinicId), athleteId ? eq(shoes.athleteId, athleteId) : undefined));
    if (!shoe) throw notFound("Shoe");
    const set: Partial<typeof shoes.$inferInsert> = { updatedAt: new Date() };
    if (patch.name) set.name = patch.name;
    if (patch.reminderKm) set.reminderM = Math.round(patch.reminderKm * 1000);
    if (patch.retired !== undefined) set.retiredAt = patch.retired ? (shoe.retiredAt ?? new Date()) : null;
    await tx.update(shoes).set(set).where(and(eq(shoes.id, shoeId), eq(shoes.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "shoe.updated", entity: "shoe", entityId: shoeId, before: { name: shoe.name, retired: !!shoe.retiredAt }, after: patch });
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
