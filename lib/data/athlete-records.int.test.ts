import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, checkIns, exerciseLogs, runningPrescriptions } from "@/db/schema";
import { loadAthleteContext, loadAthleteRecords } from "@/lib/data/athlete-records";
import { addProgramItem, setItemStatus } from "@/lib/data/programs";
import { addDays, todayIn } from "@/lib/domain/dates";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const noFlags = { clicking: false, locking: false, givingWay: false, swelling: false, nightPain: false, cannotBearWeight: false, hotRedFever: false };


beforeAll(async () => {
  await ensureLibrary();
});

describe("loadAthleteRecords (one statement, JSON arrays)", () => {
  it("reads every field the engine uses, only the athlete's live rows in the window, and older loads summed by date", async () => {
    const clinic = await makeClinic("Records");
    const me = await makeAthlete(clinic);
    const sibling = await makeAthlete(clinic, "Sibling");
    const db = getDb();
    const from = addDays(today, -10);
    const row = (athleteId: string, date: string, extra: Partial<typeof activities.$inferInsert> = {}) => ({
      clinicId: clinic.clinicId,
      athleteId,
      type: "run" as const,
      startedAt: new Date(`${date}T07:00:00Z`),
      date,
      durationSec: 1800,
      rpe: 4,
      clientId: crypto.randomUUID(),
      ...extra,
    });
    const [run] = await db
      .insert(activities)
      .values([
        row(me.athleteId, today, { distanceM: 5234.5, painDuring: 2, painAfter: null }),
        row(me.athleteId, today, { type: "bike", startedAt: new Date(`${today}T18:00:00Z`), distanceM: null, rpe: 3 }),
        row(me.athleteId, addDays(today, -1), { archivedAt: new Date() }),
        row(sibling.athleteId, today),
        // before the 84-day lookback: only its load, summed per date
        row(me.athleteId, addDays(from, -100), { durationSec: 600, rpe: 6 }),
        row(me.athleteId, addDays(from, -100), { durationSec: 1200, rpe: 3, startedAt: new Date(`${addDays(from, -100)}T19:00:00Z`) }),
      ])
      .returning({ id: activities.id });
    await db.insert(checkIns).values([
      { clinicId: clinic.clinicId, athleteId: me.athleteId, date: today, morningPain: 3, ...noFlags, clicking: true, hotRedFever: true, tapeYesterday: true, clientId: crypto.randomUUID() },
      { clinicId: clinic.clinicId, athleteId: me.athleteId, date: addDays(today, -2), morningPain: null, ...noFlags, clientId: crypto.randomUUID() },
      { clinicId: clinic.clinicId, athleteId: me.athleteId, date: addDays(from, -90), morningPain: 1, ...noFlags, clientId: crypto.randomUUID() },
      { clinicId: clinic.clinicId, athleteId: sibling.athleteId, date: today, morningPain: 9, ...noFlags, clientId: crypto.randomUUID() },
    ]);
    const clam = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 2, reps: 20, daysPerWeek: 4, load: "none" });
    const bridge = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("glute-bridge"), sets: 3, reps: 12, daysPerWeek: 3 });
    const removed = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("lateral-band-walk"), sets: 3, reps: 12, daysPerWeek: 3 });
    await setItemStatus(clinic, { itemId: removed.id, status: "removed" });
    await setItemStatus(clinic, { itemId: bridge.id, status: "paused" });
    await db.insert(exerciseLogs).values([
      { clinicId: clinic.clinicId, athleteId: me.athleteId, programItemId: clam.id, date: today, setsDone: 2, setsPrescribed: 2, exercisePain: null, couldNotFinish: true, clientId: crypto.randomUUID() },
      { clinicId: clinic.clinicId, athleteId: me.athleteId, programItemId: clam.id, date: addDays(today, -3), setsDone: 1, setsPrescribed: 2, exercisePain: 4, clientId: crypto.randomUUID(), archivedAt: new Date() },
    ]);
    await db.insert(runningPrescriptions).values([
      { clinicId: clinic.clinicId, athleteId: me.athleteId, weeklyDistanceM: 20000, longestRunM: 8000, createdAt: new Date(`${addDays(today, -5)}T12:00:00Z`), setBy: clinic.userId },
    ]);

    const athlete = await loadAthleteContext(db, clinic.clinicId, me.athleteId);
    const loaded = await loadAthleteRecords(db, athlete, from, today, { olderLoads: true });
    const h = loaded.history;

    expect([...h.checkIns.keys()].sort()).toEqual([addDays(today, -2), today]);
    expect(h.checkIns.get(today)).toEqual({
      date: today,
      morningPain: 3,
      tape: true,
      redFlags: { clicking: true, locking: false, giving_way: false, swelling: false, night_pain: false, cannot_bear_weight: false, hot_red_fever: true },
      // when it was recorded: §2c decides from it which stop events a resume covers
      recordedAtMs: expect.any(Number),
    });
    expect(h.checkIns.get(addDays(today, -2))?.morningPain).toBeNull();
    expect(h.activities.get(today)).toEqual([
      {
        id: run!.id,
        date: today,
        type: "run",
        durationSec: 1800,
        distanceM: 5234.5,
        rpe: 4,
        painDuring: 2,
        painAfter: null,
        // §2c stage-session fields: none on a plain run
        stageId: null,
        outcome: null,
        stopReason: null,
        stoppedAtRepeat: null,
        runningSec: null,
        recordedAtMs: expect.any(Number),
      },
      expect.objectContaining({ type: "bike", distanceM: null, rpe: 3 }),
    ]);
    expect(h.activities.has(addDays(today, -1))).toBe(false);
    expect(h.runDistance.get(today)).toBe(5234.5);
    // in-window loads from the rows; the older date's two sessions summed (10 × 6 + 20 × 3), the older check-in-only day a 0
    expect(h.loads.get(today)).toBe(30 * 4 + 30 * 3);
    expect(h.loads.get(addDays(from, -100))).toBe(120);
    expect(h.loads.get(addDays(from, -90))).toBe(0);
    expect(h.firstDataDate).toBe(addDays(from, -100));

    expect(loaded.exerciseLogs).toEqual([{ itemId: clam.id, date: today, setsDone: 2, setsPrescribed: 2, exercisePain: null, couldNotFinish: true, loggedAtMs: expect.any(Number) }]);
    expect(loaded.programItems.map((i) => [i.id, i.status, i.sets, i.daysPerWeek])).toEqual([
      [clam.id, "active", 2, 4],
      [bridge.id, "paused", 3, 3],
    ]);
    expect(loaded.programItems[0]!.name).toMatch(/clam/i);
    // never stepped: one step, since the item began; the clamshell is the first rung of its ladder
    const clamshell = await builtinExercise("clamshell");
    expect(loaded.programItems[0]!.steps).toEqual([{ exerciseId: clamshell, name: loaded.programItems[0]!.name, from: null, startedAtMs: null }]);
    const rungs = loaded.programItems[0]!.rungs!;
    expect(rungs.length).toBeGreaterThan(2);
    expect(rungs.find((r) => r.exerciseId === clamshell)!.position).toBe(Math.min(...rungs.map((r) => r.position)));
    expect(loaded.prescriptions).toEqual([{ fromDate: addDays(today, -5), weeklyDistanceCapM: 20000, longestRunCapM: 8000 }]);
    // never on a running ladder
    expect(loaded.returnToRun).toBeNull();

    // without olderLoads, nothing before the lookback
    const recent = await loadAthleteRecords(db, athlete, from, today);
    expect(recent.history.loads.has(addDays(from, -100))).toBe(false);
    expect(recent.history.firstDataDate).toBe(addDays(today, -2));
  });
});
