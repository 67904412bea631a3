import { and, eq, inArray, isNull } from "drizzle-orm";
import { addDays, todayIn } from "../../lib/domain/dates";
import { instantOf } from "../../lib/domain/local-time";
import type { Db } from "../../db/client";
import { activities, athletes, checkIns, exerciseLogs, exercises, programItems, programs, runningPrescriptions, shoes } from "../../db/schema";

/**
 * Twelve weeks of plausible reports for the demo athletes, each with a story a trainer would
 * recognise (issue: steady improvement, rising morning pain, a long-run spike, painful clicking,
 * ready to progress). Dates are relative to today, so the demo always looks current.
 */
type Story = "improving" | "rising_pain" | "spike" | "clicking" | "ready_to_progress" | "steady" | "light" | "gone_quiet";

const STORIES: Record<string, Story> = {
  "Alex Morgan": "improving",
  "Priya Shah": "rising_pain",
  "Jonas Berg": "spike",
  "Chloe Martin": "clicking",
  "Marcus Green": "ready_to_progress",
  "Diego Alvarez": "steady",
  // steady, then nothing reported for the last four days (a weekend and more): her missed
  // check-ins show on Needs attention for the days that are over
  "Aisha Bello": "gone_quiet",
  "Liam O'Connor": "improving",
  "Sofia Rossi": "steady",
  "Hannah Kim": "light",
  "Ben Carter": "light",
};

// Alex (the demo athlete login) has exercises due today, none of them in the "Medial knee — phase 1"
// template, which is left for the trainer to apply in the demo (and in e2e/program.spec.ts)
const PROGRAMS: Partial<Record<string, string[]>> = {
  "Alex Morgan": ["standing-banded-hip-abduction", "marching-bridge", "toe-yoga-seated"],
  "Marcus Green": ["clamshell", "glute-bridge", "short-foot-seated", "double-leg-heel-raise"],
  "Priya Shah": ["banded-clamshell", "marching-bridge", "low-step-down", "short-foot-standing"],
  "Jonas Berg": ["side-lying-hip-abduction", "single-leg-bridge", "lateral-step-down"],
  "Chloe Martin": ["clamshell", "glute-bridge", "toe-yoga-seated"],
  "Diego Alvarez": ["standing-banded-hip-abduction", "single-leg-romanian-deadlift", "split-squat"],
  "Aisha Bello": ["banded-clamshell", "single-leg-bridge", "single-leg-heel-raise"],
  "Liam O'Connor": ["clamshell", "glute-bridge", "single-leg-stance"],
  "Sofia Rossi": ["side-lying-hip-abduction", "marching-bridge", "short-foot-standing"],
};

const DAYS = 84;

// Alex's program came after the rest of this history was written: its logs draw from a sequence of
// their own, so Alex's check-ins and runs stay exactly what they were before Alex had a program.
const OWN_LOG_SEQUENCE = new Set(["Alex Morgan"]);

function rng(seed: string) {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

export async function seedDemoHistory(db: Db, clinicId: string, trainerId: string): Promise<void> {
  const roster = await db
    .select({ id: athletes.id, name: athletes.name, tz: athletes.timeZone, status: athletes.status, userId: athletes.userId })
    .from(athletes)
    .where(eq(athletes.clinicId, clinicId));
  const slugs = [...new Set(Object.values(PROGRAMS).flat())] as string[];
  const library = await db.select({ id: exercises.id, slug: exercises.slug, sets: exercises.defaultSets, reps: exercises.defaultReps, holdSec: exercises.defaultHoldSec, days: exercises.defaultDaysPerWeek }).from(exercises).where(and(isNull(exercises.clinicId), inArray(exercises.slug, slugs)));
  const bySlug = new Map(library.map((e) => [e.slug!, e]));

  for (const a of roster) {
    const story = STORIES[a.name];
    if (!story || a.status === "archived") continue;
    const [already] = await db.select({ id: checkIns.id }).from(checkIns).where(and(eq(checkIns.clinicId, clinicId), eq(checkIns.athleteId, a.id))).limit(1);
    if (already) continue;
    const tz = a.tz ?? "Europe/London";
    const today = todayIn(tz);
    const start = addDays(today, -DAYS);
    const rand = rng(a.name);
    const logRand = OWN_LOG_SEQUENCE.has(a.name) ? rng(`${a.name}:exercise-logs`) : rand;
    // an athlete who can sign in (the demo login) finds today's check-in still to do
    const leaveTodayOpen = a.userId !== null;

    await db.transaction(async (tx) => {
      const [shoe] = await tx.insert(shoes).values({ clinicId, athleteId: a.id, name: "Daily trainer" }).returning({ id: shoes.id });
      await tx.insert(runningPrescriptions).values({
        clinicId,
        athleteId: a.id,
        weeklyDistanceM: story === "light" ? 40_000 : story === "rising_pain" ? 25_000 : 32_000,
        longestRunM: story === "light" ? 15_000 : story === "spike" ? 11_000 : 10_000,
        runIntervalSec: story === "rising_pain" ? 240 : null,
        walkIntervalSec: story === "rising_pain" ? 60 : null,
        note: story === "rising_pain" ? "Flat routes only for now." : null,
        setBy: trainerId,
        createdAt: new Date(`${start}T09:00:00Z`),
      });

      let items: { id: string; sets: number }[] = [];
      const plan = PROGRAMS[a.name];
      if (plan) {
        const [program] = await tx.insert(programs).values({ clinicId, athleteId: a.id, createdBy: trainerId }).returning({ id: programs.id });
        items = await tx
          .insert(programItems)
          .values(
            plan.map((slug, position) => {
              const e = bySlug.get(slug)!;
              return { clinicId, programId: program!.id, athleteId: a.id, exerciseId: e.id, sets: e.sets, reps: e.reps, holdSec: e.holdSec, daysPerWeek: e.days, position };
            }),
          )
          .returning({ id: programItems.id, sets: programItems.sets });
      }

      const checkInRows: (typeof checkIns.$inferInsert)[] = [];
      const activityRows: (typeof activities.$inferInsert)[] = [];
      const logRows: (typeof exerciseLogs.$inferInsert)[] = [];
      let longest = 0;
      for (let i = 0; i <= DAYS; i++) {
        const date = addDays(start, i);
        const progress = i / DAYS; // 0 → 1 over the twelve weeks
        const daysAgo = DAYS - i;
        const quiet = story === "gone_quiet" && daysAgo <= 3;
        const skip = (story !== "clicking" && rand() < (story === "light" ? 0.4 : 0.08)) || quiet;
        let morning =
          story === "improving" ? 4 - 3 * progress + rand()
          : story === "rising_pain" ? (daysAgo < 10 ? 2 + (10 - daysAgo) * 0.4 : 2 + rand())
          : story === "ready_to_progress" ? 1 + rand() * 0.8
          : story === "light" ? rand()
          : 2 + rand() * 1.5;
        if (story === "clicking" && daysAgo <= 2) morning = 4;
        if (!skip && !(daysAgo === 0 && leaveTodayOpen)) {
          checkInRows.push({
            clinicId,
            athleteId: a.id,
            date,
            morningPain: clamp(morning, 0, 10),
            clicking: story === "clicking" && daysAgo === 1,
            swelling: story === "clicking" && daysAgo === 1,
            tapeYesterday: story !== "light" && rand() < 0.3,
            recordedBy: null,
          });
        }
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        const runDay = story === "light" ? weekday === 2 || weekday === 6 : weekday === 2 || weekday === 4 || weekday === 6 || (weekday === 0 && progress > 0.5);
        if ((runDay || (story === "spike" && daysAgo === 1)) && daysAgo > 0 && !quiet) {
          let km = story === "improving" ? 4 + 4 * progress + rand() : story === "light" ? 8 + rand() * 3 : 5 + rand() * 2.5;
          if (story === "spike" && daysAgo === 1) km = Math.max(longest * 1.35, 12);
          if (story === "spike" && daysAgo < 30 && daysAgo !== 1) km = Math.min(km, 9.5);
          longest = Math.max(longest, km);
          const distanceM = Math.round(km * 1000);
          const pace = 330 + rand() * 60;
          const runPain = story === "rising_pain" && daysAgo < 10 ? 4 + rand() * 2 : story === "improving" ? 3 - 2 * progress + rand() : 1 + rand() * 2;
          activityRows.push({
            clinicId,
            athleteId: a.id,
            type: "run",
            startedAt: instantOf(date, "07:15", tz),
            date,
            durationSec: Math.round((distanceM / 1000) * pace),
            distanceM,
            rpe: clamp(4 + rand() * 2 + (km > 10 ? 2 : 0), 0, 10),
            painDuring: clamp(runPain, 0, 10),
            painAfter: clamp(runPain + rand(), 0, 10),
            shoeId: shoe!.id,
            clientId: crypto.randomUUID(),
          });
        } else if (weekday === 3 && story !== "light" && daysAgo > 0 && !quiet) {
          activityRows.push({
            clinicId,
            athleteId: a.id,
            type: rand() < 0.5 ? "bike" : "water_jog",
            startedAt: instantOf(date, "18:00", tz),
            date,
            durationSec: 1800 + Math.round(rand() * 1200),
            distanceM: null,
            rpe: clamp(3 + rand() * 2, 0, 10),
            painDuring: 0,
            painAfter: clamp(rand(), 0, 10),
            clientId: crypto.randomUUID(),
          });
        }
        if (items.length && (weekday === 1 || weekday === 3 || weekday === 5) && daysAgo > 0 && !quiet) {
          for (const item of items) {
            const full = story === "ready_to_progress" || logRand() < 0.8;
            logRows.push({
              clinicId,
              athleteId: a.id,
              programItemId: item.id,
              date,
              setsDone: full ? item.sets : Math.max(1, item.sets - 1),
              setsPrescribed: item.sets,
              exercisePain: story === "ready_to_progress" ? clamp(logRand() * 1.5, 0, 10) : clamp(1 + logRand() * 2, 0, 10),
              couldNotFinish: !full && logRand() < 0.3,
              clientId: crypto.randomUUID(),
            });
          }
        }
      }
      if (checkInRows.length) await tx.insert(checkIns).values(checkInRows);
      if (activityRows.length) await tx.insert(activities).values(activityRows);
      if (logRows.length) await tx.insert(exerciseLogs).values(logRows);
    });
  }
}
