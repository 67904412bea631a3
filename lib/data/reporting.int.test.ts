import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, auditLog, checkIns, exerciseLogs } from "@/db/schema";
import { parseActivityFile } from "@/lib/activity-import";
import { archiveActivity, importActivity, listActivities, recordActivity } from "@/lib/data/activities";
import { recordCheckIn } from "@/lib/data/check-ins";
import { recordExerciseLog } from "@/lib/data/exercise-logs";
import { addProgramItem } from "@/lib/data/programs";
import { addShoe, listShoes } from "@/lib/data/shoes";
import { listExercises } from "@/lib/data/exercises";
import { todayIn, addDays } from "@/lib/domain/dates";
import { addItemSchema } from "@/lib/validation/programs";
import { activitySchema } from "@/lib/validation/reporting";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const run = (over: Record<string, unknown> = {}) =>
  activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date: today, startTime: "07:30", durationSec: 1800, distanceM: 6000, rpe: 5, painDuring: 2, painAfter: 3, ...over });

describe("activities", () => {
  it("the same client id posted twice stores one row", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const input = run();
    const [a, b] = await Promise.all([recordActivity(me, input), recordActivity(me, input)]);
    expect(a.activity.id).toBe(b.activity.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await recordActivity(me, input);
    expect(again.created).toBe(false);
    const rows = await getDb().select().from(activities).where(eq(activities.clientId, input.clientId));
    expect(rows).toHaveLength(1);
  });

  it("an athlete cannot post for another athlete, nor a trainer for another clinic's athlete", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic, "Me");
    const other = await makeAthlete(clinic, "Other");
    await expect(recordActivity(me, run({ athleteId: other.athleteId }))).rejects.toMatchObject({ code: "not_found" });
    await expect(recordCheckIn(me, { athleteId: other.athleteId, morningPain: 2, redFlags: {}, tapeYesterday: false })).rejects.toMatchObject({ code: "not_found" });
    const stranger = await makeClinic("Stranger");
    await expect(recordActivity(stranger, run({ athleteId: me.athleteId }))).rejects.toMatchObject({ code: "not_found" });
    await expect(listActivities(stranger, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listActivities(other, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
    const mine = await getDb().select().from(activities).where(eq(activities.athleteId, other.athleteId));
    expect(mine).toHaveLength(0);
  });

  it("a trainer's entry for an athlete is attributed; the athlete may not edit after 7 days", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const { activity } = await recordActivity(clinic, run({ athleteId: me.athleteId, date: addDays(today, -10) }));
    const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.entity, "activity"), eq(auditLog.entityId, activity.id)));
    expect(audit).toMatchObject({ actorId: clinic.userId, action: "activity.created" });
    await expect(archiveActivity(me, activity.id)).rejects.toMatchObject({ code: "conflict" });
    await archiveActivity(clinic, activity.id);
    expect(await listActivities(me, me.athleteId)).toEqual([]);
  });

  it("refuses future dates and dates over a year back", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    await expect(recordActivity(me, run({ date: addDays(today, 1) }))).rejects.toMatchObject({ fieldErrors: { date: ["The date cannot be in the future."] } });
    await expect(recordActivity(me, run({ date: addDays(today, -400) }))).rejects.toMatchObject({ code: "invalid" });
  });

  it("imports a watch file once and refuses the same file again", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const bytes = new Uint8Array(readFileSync(path.join(process.cwd(), "test/fixtures/activities/forerunner410-run.tcx")));
    const parsed = parseActivityFile(bytes, "forerunner410-run.tcx");
    const first = await importActivity(me, { clientId: crypto.randomUUID(), rpe: 4 }, parsed, "forerunner410-run.tcx");
    expect(first.activity).toMatchObject({ source: "file", type: "run", date: "2012-12-26" });
    expect(first.activity.distanceM).toBeCloseTo(4689, -1);
    await expect(importActivity(me, { clientId: crypto.randomUUID(), rpe: 4 }, parsed, "again.tcx")).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses a watch file recorded before 2000 or in the future, and keeps an old real one", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const bytes = new Uint8Array(readFileSync(path.join(process.cwd(), "test/fixtures/activities/forerunner410-run.tcx")));
    const parsed = parseActivityFile(bytes, "forerunner410-run.tcx");
    const at = (iso: string) => ({ ...parsed, startTime: new Date(iso) });
    await expect(importActivity(me, { clientId: crypto.randomUUID(), rpe: 4 }, at("1000-06-01T07:00:00Z"), "a.tcx")).rejects.toMatchObject({ code: "invalid", fieldErrors: { date: [expect.stringContaining("before 2000")] } });
    await expect(importActivity(me, { clientId: crypto.randomUUID(), rpe: 4 }, at("1999-12-31T07:00:00Z"), "b.tcx")).rejects.toMatchObject({ code: "invalid" });
    await expect(importActivity(me, { clientId: crypto.randomUUID(), rpe: 4 }, at(`${addDays(today, 2)}T07:00:00Z`), "c.tcx")).rejects.toMatchObject({ fieldErrors: { date: ["The date cannot be in the future."] } });
    const kept = await importActivity(me, { clientId: crypto.randomUUID(), rpe: 4 }, at("2000-01-01T12:00:00Z"), "d.tcx");
    expect(kept.activity.date).toBe("2000-01-01");
    expect(await getDb().select().from(activities).where(eq(activities.athleteId, me.athleteId))).toHaveLength(1);
  });

  it("counts a run's distance on its shoe", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const { id } = await addShoe(me, { name: "Pegasus", reminderM: 50_000 });
    await recordActivity(me, run({ shoeId: id, distanceM: 10000, durationSec: 3000 }));
    await recordActivity(me, run({ shoeId: id, distanceM: 42195, durationSec: 14400 }));
    const [shoe] = await listShoes(me);
    expect(shoe).toMatchObject({ name: "Pegasus", distanceM: 52195, due: true });
    // the new record's view comes from the INSERT itself, and matches what a retry reads back
    const input = run({ shoeId: id, distanceM: 5000, durationSec: 1500 });
    const created = await recordActivity(me, input);
    expect(created).toMatchObject({ created: true, activity: { shoeId: id, shoeName: "Pegasus", distanceM: 5000, type: "run", source: "manual" } });
    expect(await recordActivity(me, input)).toMatchObject({ created: false, activity: created.activity });
    const stranger = await makeAthlete(clinic, "Stranger");
    await expect(recordActivity(stranger, run({ shoeId: id }))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("check-ins", () => {
  it("saving again the same day updates the one check-in", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const first = await recordCheckIn(me, { morningPain: 2, redFlags: {}, tapeYesterday: false });
    const second = await recordCheckIn(me, { morningPain: 4, redFlags: { clicking: true }, tapeYesterday: true, note: "clicky" });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.checkIn).toMatchObject({ morningPain: 4, redFlags: { clicking: true, locking: false }, tapeYesterday: true });
    const rows = await getDb().select().from(checkIns).where(eq(checkIns.athleteId, me.athleteId));
    expect(rows).toHaveLength(1);
  });

  it("audits a change to a check-in and a trainer's entry, not an athlete's first check-in of the day", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const audits = async (id: string) =>
      (await getDb().select().from(auditLog).where(and(eq(auditLog.entity, "check_in"), eq(auditLog.entityId, id)))).map((a) => [a.action, a.actorId]);
    const first = await recordCheckIn(me, { morningPain: 2, redFlags: {}, tapeYesterday: false });
    expect(await audits(first.checkIn.id)).toEqual([]);
    await recordCheckIn(me, { morningPain: 5, redFlags: {}, tapeYesterday: false });
    expect(await audits(first.checkIn.id)).toEqual([["check_in.updated", me.userId]]);
    const byTrainer = await recordCheckIn(clinic, { athleteId: me.athleteId, date: addDays(today, -1), morningPain: 1, redFlags: {}, tapeYesterday: false });
    expect(byTrainer.created).toBe(true);
    expect(await audits(byTrainer.checkIn.id)).toEqual([["check_in.created", clinic.userId]]);
  });
});

describe("exercise logs", () => {
  it("one log per client id, only for the athlete's own program items", async () => {
    const clinic = await makeClinic();
    const me = await makeAthlete(clinic);
    const other = await makeAthlete(clinic, "Other");
    const [exercise] = await listExercises(clinic);
    const { id: itemId } = await addProgramItem(
      clinic,
      addItemSchema.parse({ athleteId: me.athleteId, exerciseId: exercise!.id, sets: 3, ...("reps" in exercise!.defaultDosage ? { reps: exercise!.defaultDosage.reps } : { holdSec: exercise!.defaultDosage.holdSec }), daysPerWeek: 3 }),
    );
    const input = { clientId: crypto.randomUUID(), programItemId: itemId, setsDone: 3, exercisePain: 1, couldNotFinish: false };
    const a = await recordExerciseLog(me, input);
    const b = await recordExerciseLog(me, input);
    expect(a.log.id).toBe(b.log.id);
    expect(a.log.setsPrescribed).toBe(3);
    // the new log's view comes from the INSERT itself and matches what the retry read back
    expect([a.created, b.created]).toEqual([true, false]);
    expect(a.log).toEqual(b.log);
    expect(a.log.exerciseName).toBe(exercise!.name);
    expect(await getDb().select().from(exerciseLogs).where(eq(exerciseLogs.athleteId, me.athleteId))).toHaveLength(1);
    await expect(recordExerciseLog(other, { ...input, clientId: crypto.randomUUID() })).rejects.toMatchObject({ code: "not_found" });
    // an athlete's own tick is not audited; a trainer's entry for them is, in the same transaction
    const audits = async (id: string) => (await getDb().select().from(auditLog).where(and(eq(auditLog.entity, "exercise_log"), eq(auditLog.entityId, id)))).map((r) => [r.action, r.actorId]);
    expect(await audits(a.log.id)).toEqual([]);
    const byTrainer = await recordExerciseLog(clinic, { ...input, athleteId: me.athleteId, clientId: crypto.randomUUID() });
    expect(await audits(byTrainer.log.id)).toEqual([["exercise_log.created", clinic.userId]]);
  });
});
