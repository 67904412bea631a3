import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, users } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";

export type ClinicSummary = { id: string; name: string; timeZone: string };

export async function getClinic(scope: Scope): Promise<ClinicSummary> {
  const [row] = await getDb()
    .select({ id: clinics.id, name: clinics.name, timeZone: clinics.timeZone })
    .from(clinics)
    .where(eq(clinics.id, scope.clinicId));
  if (!row) throw notFound("Clinic");
  return row;
}

export type Me = { id: string; name: string; email: string; role: "owner" | "trainer" | "athlete"; unit: "km" | "mi" };

export async function getMe(scope: Scope): Promise<Me> {
  const [row] = await getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, unit: users.unit })
    .from(users)
    .where(and(eq(users.id, scope.userId), eq(users.clinicId, scope.clinicId)));
  if (!row) throw notFound("Account");
  return row;
}
