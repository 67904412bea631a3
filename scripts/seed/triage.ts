/**
 * `npm run seed:triage`: a second clinic, "Triage Test Clinic", with 500 athletes who all have open
 * alerts, for the triage view's end-to-end spec (scripts/e2e-server.ts runs it after the demo seed)
 * and for looking at the view at size. Owner triage-owner@example.com, trainer
 * triage-trainer@example.com, password stride-demo-1 (the demo's).
 *
 * Rows go in with a few INSERT … SELECT generate_series statements; the alerts are then derived by
 * the app's own evaluation (bringClinicUpToDate), never written by hand:
 * - every 25th athlete reported locking today (urgent red flag);
 * - every 4th (of the rest) had morning pain 6 on each of the last three days (high, one group);
 * - everyone else has not checked in since being added 20 days ago (missed check-ins, moderate);
 * - every 20th also has a clamshell done cleanly on the last two days (ready to progress).
 * Safe to run again: it does nothing when the clinic exists.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import { addDays, todayIn } from "../../lib/domain/dates";
import { closeDb, getDb } from "../../db/client";
import { athletes, clinics, exercises, users } from "../../db/schema";
import { migrateWithLibrary } from "../migrate";
import { DEMO_PASSWORD } from "./demo";

export const TRIAGE_CLINIC = "Triage Test Clinic";
export const TRIAGE_LOGINS = { owner: "triage-owner@example.com", trainer: "triage-trainer@example.com" } as const;
const TZ = "Europe/London";
const GROUPS = ["Distance", "Cross country", "Masters", "Track", "Trail"];

export async function seedTriageClinic(count = 500): Promise<{ clinicId: string; created: boolean }> {
  const db = getDb();
  const [existing] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.name, TRIAGE_CLINIC));
  if (existing) return { clinicId: existing.id, created: false };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = todayIn(TZ);
  const { clinicId, ownerId } = await db.transaction(async (tx) => {
    const [clinic] = await tx.insert(clinics).values({ name: TRIAGE_CLINIC, timeZone: TZ }).returning();
    const [owner] = await tx.insert(users).values({ clinicId: clinic!.id, email: TRIAGE_LOGINS.owner, name: "Tess Triage", passwordHash, role: "owner" }).returning();
    const [trainer] = await tx.insert(users).values({ clinicId: clinic!.id, email: TRIAGE_LOGINS.trainer, name: "Theo Second", passwordHash, role: "trainer" }).returning();
    const c = clinic!.id;
    const groups = sql.raw(`array[${GROUPS.map((g) => `'${g}'`).join(",")}]`);
    await tx.execute(sql`
      insert into athletes (clinic_id, name, sport_group, trainer_id, time_zone, status, created_at)
      select ${c}, 'Runner ' || lpad(i::text, 3, '0'), (${groups})[1 + i % ${GROUPS.length}],
             case when i % 2 = 0 then ${owner!.id}::uuid else ${trainer!.id}::uuid end, ${TZ}, 'active', now() - interval '20 days'
        from generate_series(1, ${count}) i`);
    // locking today (urgent), with calm mornings before it
    await tx.execute(sql`
      insert into check_ins (clinic_id, athlete_id, date, morning_pain, locking)
      select ${c}, a.id, ${today}::date - d, case when d = 0 then 3 else 2 end, d = 0
        from athletes a cross join generate_series(0, 2) d
       where a.clinic_id = ${c} and substring(a.name from 8)::int % 25 = 0`);
    // morning pain 6 on each of the last three days (high, one display group)
    await tx.execute(sql`
      insert into check_ins (clinic_id, athlete_id, date, morning_pain)
      select ${c}, a.id, ${today}::date - d, 6
        from athletes a cross join generate_series(0, 2) d
       where a.clinic_id = ${c} and substring(a.name from 8)::int % 25 <> 0 and substring(a.name from 8)::int % 4 = 1`);
    return { clinicId: c, ownerId: owner!.id };
  });

  // ready to progress: through the data layer, as a trainer would add the item and record the sessions
  const { addProgramItem } = await import("../../lib/data/programs");
  const { recordExerciseLog } = await import("../../lib/data/exercise-logs");
  const [clamshell] = await db.select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "clamshell"));
  if (!clamshell) throw new Error("The built-in exercise library is missing (run the migrations first).");
  const scope = { userId: ownerId, clinicId, role: "owner" as const };
  const ready = await db.select({ id: athletes.id }).from(athletes).where(sql`${athletes.clinicId} = ${clinicId} and substring(${athletes.name} from 8)::int % 20 = 3`);
  for (const { id: athleteId } of ready) {
    const { id: programItemId } = await addProgramItem(scope, { athleteId, exerciseId: clamshell.id, sets: 3, reps: 15, daysPerWeek: 4 });
    for (const date of [addDays(today, -2), addDays(today, -1)]) {
      await recordExerciseLog(scope, { athleteId, programItemId, date, clientId: randomUUID(), setsDone: 3, exercisePain: 1, couldNotFinish: false });
    }
  }

  const t = Date.now();
  const { bringClinicUpToDate } = await import("../../lib/data/derived/clinic");
  await bringClinicUpToDate(clinicId, 3);
  console.log(`  evaluation: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  // fresh statistics, so the first requests are planned for 500 athletes, not for an empty table
  await db.execute(sql`analyze athletes, alerts, check_ins, exercise_logs, program_items`);
  return { clinicId, created: true };
}

async function main() {
  await migrateWithLibrary();
  const started = Date.now();
  const { created } = await seedTriageClinic();
  console.log(created ? `${TRIAGE_CLINIC}: 500 athletes with open alerts in ${((Date.now() - started) / 1000).toFixed(1)} s.` : `${TRIAGE_CLINIC} exists already; left as it is.`);
  console.log(`  owner: ${TRIAGE_LOGINS.owner} / ${DEMO_PASSWORD}`);
}

if (process.argv[1]?.endsWith("triage.ts")) {
  main()
    .then(() => closeDb())
    .catch(async (err) => {
      console.error("Seeding the triage clinic failed:", err);
      await closeDb();
      process.exit(1);
    });
}
