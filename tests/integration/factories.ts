import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { athletes, exercises, users } from "@/db/schema";
import { seedLibrary } from "@/scripts/seed/library";
import { createClinicWithOwner } from "@/lib/data/accounts";
import { hashPassword } from "@/lib/auth/password";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";

let n = 0;

/** The built-in return-to-run ladder (migration 0016) and its stage number n (1–8). */
export const BUILT_IN_RUN_LADDER = "5a0e0000-0000-4000-8000-000000000000";
export const builtInStage = (n: number) => `5a0e0000-0000-4000-8000-00000000000${n}`;

/** A clinic with its owner (email taken as confirmed), made by the data layer's own function. */
export async function makeClinic(label = "Clinic"): Promise<TrainerScope & { email: string }> {
  n += 1;
  const email = `owner${n}-${Date.now()}@example.com`;
  const passwordHash = await hashPassword("correct-horse-battery");
  const owner = await getDb().transaction((tx) =>
    createClinicWithOwner(tx, { clinicName: `${label} ${n}`, name: `Owner ${n}`, email, passwordHash, timeZone: "Europe/London" }),
  );
  return { userId: owner.id, clinicId: owner.clinicId, role: "owner", email };
}

/** An athlete of the clinic, with a login, and the scope that login would have. */
export async function makeAthlete(clinic: TrainerScope, name = "Test Athlete"): Promise<AthleteScope & { name: string }> {
  n += 1;
  const db = getDb();
  const [user] = await db
    .insert(users)
    .values({ clinicId: clinic.clinicId, email: `athlete${n}-${Date.now()}@example.com`, name, passwordHash: "x", role: "athlete" })
    .returning();
  const [athlete] = await db
    .insert(athletes)
    .values({ clinicId: clinic.clinicId, userId: user!.id, name, email: user!.email, trainerId: clinic.userId })
    .returning();
  return { userId: user!.id, clinicId: clinic.clinicId, role: "athlete", athleteId: athlete!.id, name };
}

/** The built-in library. migrateWithLibrary (scripts/migrate.ts) seeds it; the Postgres template database is migrated without it. */
export async function ensureLibrary(): Promise<void> {
  await seedLibrary(getDb());
}

/** The id of a built-in exercise by its slug (after ensureLibrary). */
export async function builtinExercise(slug: string): Promise<string> {
  const [row] = await getDb().select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, slug));
  if (!row) throw new Error(`No built-in exercise ${slug}`);
  return row.id;
}

/** A second (non-owner) trainer of the clinic and the scope their login would have. */
export async function makeTrainer(clinic: TrainerScope, name = "Second Trainer"): Promise<TrainerScope> {
  n += 1;
  const [user] = await getDb()
    .insert(users)
    .values({ clinicId: clinic.clinicId, email: `trainer${n}-${Date.now()}@example.com`, name, passwordHash: "x", role: "trainer" })
    .returning();
  return { userId: user!.id, clinicId: clinic.clinicId, role: "trainer" };
}
