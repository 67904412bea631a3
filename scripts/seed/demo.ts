import { and, eq } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import type { Db } from "../../db/client";
import { athletes, clinics, users } from "../../db/schema";
import { seedDemoHistory } from "./demo-history";

export const DEMO_PASSWORD = "stride-demo-1";
export const DEMO_CLINIC = "Demo Running Clinic";
export const DEMO_LOGINS = [
  { role: "Trainer (clinic owner)", email: "coach@example.com" },
  { role: "Trainer", email: "trainer2@example.com" },
  { role: "Athlete", email: "runner@example.com" },
] as const;

type Status = "active" | "return_to_run" | "cleared" | "archived";
type DemoAthlete = { name: string; group: string; status: Status; side: "left" | "right" | "both"; birthYear: number; onset: string; trainer: "coach" | "second"; email?: string };

export const DEMO_ATHLETES: DemoAthlete[] = [
  { name: "Alex Morgan", group: "Distance squad", status: "active", side: "right", birthYear: 2004, onset: "2026-08-25", trainer: "coach", email: "runner@example.com" },
  { name: "Priya Shah", group: "Distance squad", status: "return_to_run", side: "left", birthYear: 2003, onset: "2026-07-10", trainer: "coach" },
  { name: "Jonas Berg", group: "Distance squad", status: "active", side: "right", birthYear: 2005, onset: "2026-09-20", trainer: "second" },
  { name: "Chloe Martin", group: "Cross country", status: "active", side: "both", birthYear: 2008, onset: "2026-10-01", trainer: "second" },
  { name: "Diego Alvarez", group: "Cross country", status: "return_to_run", side: "left", birthYear: 2007, onset: "2026-06-15", trainer: "coach" },
  { name: "Hannah Kim", group: "Cross country", status: "cleared", side: "right", birthYear: 2008, onset: "2026-04-02", trainer: "second" },
  { name: "Marcus Green", group: "Masters road", status: "active", side: "left", birthYear: 1976, onset: "2026-09-05", trainer: "coach" },
  { name: "Sofia Rossi", group: "Masters road", status: "return_to_run", side: "right", birthYear: 1981, onset: "2026-05-28", trainer: "second" },
  { name: "Ben Carter", group: "Masters road", status: "cleared", side: "both", birthYear: 1972, onset: "2026-03-11", trainer: "coach" },
  { name: "Aisha Bello", group: "Track", status: "active", side: "right", birthYear: 2006, onset: "2026-10-18", trainer: "second" },
  { name: "Liam O'Connor", group: "Track", status: "active", side: "left", birthYear: 2005, onset: "2026-09-29", trainer: "coach" },
  { name: "Nora Lindqvist", group: "Track", status: "archived", side: "right", birthYear: 2004, onset: "2026-01-20", trainer: "coach" },
];

/** Demo data; safe to run again (finds what exists by email or name and leaves it). */
export async function seedDemo(db: Db): Promise<{ clinicId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { clinicId, coachId } = await db.transaction(async (tx) => {
    const ensureUser = async (clinicId: string, email: string, name: string, role: "owner" | "trainer" | "athlete") => {
      const [found] = await tx.select().from(users).where(eq(users.email, email));
      if (found) return found;
      const [created] = await tx.insert(users).values({ clinicId, email, name, passwordHash, role }).returning();
      return created!;
    };

    const [existingCoach] = await tx.select().from(users).where(eq(users.email, "coach@example.com"));
    let clinicId = existingCoach?.clinicId;
    if (!clinicId) {
      const [clinic] = await tx.insert(clinics).values({ name: DEMO_CLINIC, timeZone: "Europe/London" }).returning();
      clinicId = clinic!.id;
    }
    const coach = await ensureUser(clinicId, "coach@example.com", "Sam Rivera", "owner");
    const second = await ensureUser(clinicId, "trainer2@example.com", "Jamie Chen", "trainer");

    for (const a of DEMO_ATHLETES) {
      const [found] = await tx.select({ id: athletes.id }).from(athletes).where(and(eq(athletes.clinicId, clinicId), eq(athletes.name, a.name)));
      if (found) continue;
      const login = a.email ? await ensureUser(clinicId, a.email, a.name, "athlete") : null;
      await tx.insert(athletes).values({
        clinicId,
        userId: login?.id ?? null,
        name: a.name,
        email: a.email ?? null,
        sportGroup: a.group,
        birthYear: a.birthYear,
        injuredSide: a.side,
        onsetDate: a.onset,
        status: a.status,
        statusBeforeArchive: a.status === "archived" ? "active" : null,
        trainerId: a.trainer === "coach" ? coach.id : second.id,
        timeZone: "Europe/London",
        // on the roster since the history starts (scripts/seed/demo-history.ts: 84 days ago), so
        // rules that count days since an athlete was added (missed check-ins) apply to all of it
        createdAt: new Date(Date.now() - 84 * 86_400_000),
      });
    }
    return { clinicId, coachId: coach.id };
  });
  await seedDemoHistory(db, clinicId, coachId);
  return { clinicId };
}
