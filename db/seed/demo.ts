import { eq } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import type { Db } from "../client";
import { athletes, clinics, users } from "../schema";

export const DEMO_PASSWORD = "stride-demo-1";
export const DEMO_CLINIC = "Demo Running Clinic";
export const DEMO_LOGINS = [
  { role: "Trainer (clinic owner)", email: "coach@example.com" },
  { role: "Athlete", email: "runner@example.com" },
] as const;

/** Demo data; safe to run again (finds what exists by email and leaves it). */
export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [existingCoach] = await tx.select().from(users).where(eq(users.email, "coach@example.com"));
    let clinicId = existingCoach?.clinicId;
    if (!clinicId) {
      const [clinic] = await tx.insert(clinics).values({ name: DEMO_CLINIC, timeZone: "Europe/London" }).returning();
      clinicId = clinic!.id;
    }
    const [coach] = existingCoach
      ? [existingCoach]
      : await tx
          .insert(users)
          .values({ clinicId, email: "coach@example.com", name: "Sam Rivera", passwordHash, role: "owner" })
          .returning();

    const [existingRunner] = await tx.select().from(users).where(eq(users.email, "runner@example.com"));
    const [runnerUser] = existingRunner
      ? [existingRunner]
      : await tx
          .insert(users)
          .values({ clinicId, email: "runner@example.com", name: "Alex Morgan", passwordHash, role: "athlete" })
          .returning();
    const [runnerAthlete] = await tx.select().from(athletes).where(eq(athletes.userId, runnerUser!.id));
    if (!runnerAthlete) {
      await tx.insert(athletes).values({
        clinicId,
        userId: runnerUser!.id,
        name: "Alex Morgan",
        email: "runner@example.com",
        sportGroup: "Distance squad",
        birthYear: 2004,
        injuredSide: "right",
        onsetDate: "2026-09-01",
        status: "active",
        trainerId: coach!.id,
        timeZone: "Europe/London",
      });
    }
  });
}
