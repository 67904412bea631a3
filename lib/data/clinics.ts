import "server-only";
import { cache } from "react";
import { and, eq, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { athletes, clinics, users } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { forbidden, notFound } from "@/lib/errors";
import { writeAudit } from "./audit";
import { bringUpToDate } from "./derived/evaluate";

export type ClinicSummary = { id: string; name: string; timeZone: string };

/**
 * The clinic and the signed-in user in one read, once per request (React cache; the scope object
 * is itself cached per request): a page's sections ask for one, the other or both.
 */
const clinicAndMe = cache(async (scope: Scope) => {
  const [row] = await getDb()
    .select({
      clinic: { id: clinics.id, name: clinics.name, timeZone: clinics.timeZone },
      me: { id: users.id, name: users.name, email: users.email, role: users.role, unit: users.unit },
    })
    .from(clinics)
    .leftJoin(users, and(eq(users.id, scope.userId), eq(users.clinicId, clinics.id)))
    .where(eq(clinics.id, scope.clinicId));
  return row ?? null;
});

export async function getClinic(scope: Scope): Promise<ClinicSummary> {
  const row = await clinicAndMe(scope);
  if (!row) throw notFound("Clinic");
  return row.clinic;
}

export type Me = { id: string; name: string; email: string; role: "owner" | "trainer" | "athlete"; unit: "km" | "mi" };

/** Cached per request: the sections of a page each ask for the signed-in user's unit. */
export async function getMe(scope: Scope): Promise<Me> {
  const row = await clinicAndMe(scope);
  if (!row?.me) throw notFound("Account");
  return row.me;
}

/** Only the owner changes the clinic's name and time zone. */
export async function updateClinic(scope: TrainerScope, input: { name: string; timeZone: string }): Promise<ClinicSummary> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can change clinic settings.");
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(clinics).where(eq(clinics.id, scope.clinicId)).for("update");
    if (!before) throw notFound("Clinic");
    const [after] = await tx
      .update(clinics)
      .set({ name: input.name, timeZone: input.timeZone, updatedAt: new Date() })
      .where(eq(clinics.id, scope.clinicId))
      .returning({ id: clinics.id, name: clinics.name, timeZone: clinics.timeZone });
    await writeAudit(tx, {
      clinicId: scope.clinicId,
      actorId: scope.userId,
      action: "clinic.updated",
      entity: "clinic",
      entityId: scope.clinicId,
      before: { name: before.name, timeZone: before.timeZone },
      after: { name: after!.name, timeZone: after!.timeZone },
    });
    if (after!.timeZone !== before.timeZone) {
      // athletes without a time zone of their own live on the clinic's: their today moved
      const moved = await tx
        .select({ athleteId: athletes.id })
        .from(athletes)
        .where(and(eq(athletes.clinicId, scope.clinicId), isNull(athletes.timeZone), ne(athletes.status, "archived")));
      for (const { athleteId } of moved) await bringUpToDate(tx, { clinicId: scope.clinicId, athleteId }, { because: "the clinic's time zone changed" });
    }
    return after!;
  });
}
