import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, programItemEvents, programItems } from "@/db/schema";
import { evaluateAthlete } from "@/lib/data/derived/evaluate";
import { loadAthleteContext, loadAthleteRecords } from "@/lib/data/athlete-records";
import { recordExerciseLog } from "@/lib/data/exercise-logs";
import { addProgramItem, getProgram, listProgramHistory, stepItem } from "@/lib/data/programs";
import { getAthleteStatus, listSuggestions } from "@/lib/data/series";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { addDays, todayIn } from "@/lib/domain/dates";
import { exerciseLogSchema } from "@/lib/validation/reporting";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const NOTE = "Move to the banded version once 3 × 15 is easy.";

beforeAll(async () => {
  await ensureLibrary();
});

/** The athlete ticks an exercise off for a date, as the Today form does. */
async function tick(me: AthleteScope, programItemId: string, date: string, fields: { setsDone?: number; exercisePain?: number; couldNotFinish?: boolean } = {}) {
  const input = exerciseLogSchema.parse({ clientId: randomUUID(), programItemId, date, setsDone: fields.setsDone ?? 3, exercisePain: fields.exercisePain ?? 1, couldNotFinish: fields.couldNotFinish ?? false });
  await recordExerciseLog(me, input);
}

async function openProgressAlerts(clinic: TrainerScope, athleteId: string) {
  return getDb()
    .select({ date: alerts.date, reason: alerts.reason, subjectId: alerts.subjectId })
    .from(alerts)
    .where(and(eq(alerts.clinicId, clinic.clinicId), eq(alerts.athleteId, athleteId), eq(alerts.kind, "ready_to_progress"), eq(alerts.status, "open"), isNull(alerts.retiredAt)))
    .orderBy(alerts.date);
}

/** The item alerts that still hold, whatever their status. */
async function progressAlerts(clinic: TrainerScope, athleteId: string) {
  return getDb()
    .select({ date: alerts.date, reason: alerts.reason, subjectId: alerts.subjectId, status: alerts.status, note: alerts.note })
    .from(alerts)
    .where(and(eq(alerts.clinicId, clinic.clinicId), eq(alerts.athleteId, athleteId), eq(alerts.kind, "ready_to_progress"), isNull(alerts.retiredAt)))
    .orderBy(alerts.date);
}

/** A clamshell item, with its template note, and two clean sessions on d−2 and d−1. */
async function readyClamshell() {
  const clinic = await makeClinic("Steps");
  const me = await makeAthlete(clinic);
  const { id } = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 4, note: NOTE });
  await tick(me, id, addDays(today, -2));
  await tick(me, id, addDays(today, -1));
  await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: me.athleteId }, "the records changed", addDays(today, -1));
  return { clinic, me, id };
}

describe("suggestions per step (issue 15, item 5)", () => {
  it("progressing leaves no immediate new suggestion, and the old step's logs don't count", async () => {
    const { clinic, me, id } = await readyClamshell();
    expect((await listSuggestions(clinic, me.athleteId)).get(id)?.suggestion).toBe("progress");
    const before = await openProgressAlerts(clinic, me.athleteId);
    expect(before.map((a) => a.date)).toEqual([addDays(today, -1), today]);
    expect(before.every((a) => a.subjectId === id && a.reason.startsWith("Clamshell is ready to progress"))).toBe(true);

    await stepItem(clinic, { itemId: id, direction: "progress", reason: "Two clean sessions" });

    // no progress suggestion on the page data, and why
    const suggestion = (await listSuggestions(clinic, me.athleteId)).get(id);
    expect(suggestion).toMatchObject({ name: "Banded clamshell", suggestion: "hold", reason: `No sessions logged since the step to Banded clamshell on ${today}` });
    const status = await getAthleteStatus(clinic, me.athleteId);
    expect(status.suggestions.find((s) => s.itemId === id)?.suggestion).toBe("hold");
    expect(status.openAlerts.filter((a) => a.kind === "ready_to_progress" && a.date === today)).toEqual([]);

    // no ready_to_progress for the new step; the earlier date's alert is still the clamshell's,
    // also when that date is evaluated again after the step, and the step resolved it (triage)
    await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: me.athleteId }, "the records changed", addDays(today, -2));
    expect(await openProgressAlerts(clinic, me.athleteId)).toEqual([]);
    const after = await progressAlerts(clinic, me.athleteId);
    expect(after).toEqual([
      { date: addDays(today, -1), subjectId: id, status: "resolved", note: "Resolved: progressed to Banded clamshell: Two clean sessions", reason: expect.stringMatching(/^Clamshell is ready to progress/) },
    ]);

    // the clamshell logs belong to the first step; the item's steps say so
    const athlete = await loadAthleteContext(getDb(), clinic.clinicId, me.athleteId);
    const loaded = await loadAthleteRecords(getDb(), athlete, today, today);
    const item = loaded.programItems.find((i) => i.id === id)!;
    expect(item.steps.map((s) => [s.name, s.from])).toEqual([
      ["Clamshell", null],
      ["Banded clamshell", today],
    ]);
    expect(loaded.exerciseLogs.every((l) => l.loggedAtMs! < item.steps[1]!.startedAtMs!)).toBe(true);

    // one session of the banded clamshell is one session, not three
    await tick(me, id, today);
    await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: me.athleteId });
    expect((await listSuggestions(clinic, me.athleteId)).get(id)).toMatchObject({ suggestion: "hold", reason: "Only one session logged; progress needs two" });
    expect(await openProgressAlerts(clinic, me.athleteId)).toEqual([]);
  });

  it("the old exercise's coaching note does not follow the step, on screen or in print; the history keeps it", async () => {
    const { clinic, me, id } = await readyClamshell();
    expect((await getProgram(clinic, me.athleteId)).items[0]).toMatchObject({ exerciseName: "Clamshell", note: NOTE });
    await stepItem(clinic, { itemId: id, direction: "progress", reason: "Two clean sessions" });
    // getProgram feeds the trainer's athlete page, the athlete's program and today, and both printouts
    for (const scope of [clinic, me]) {
      expect((await getProgram(scope, me.athleteId)).items[0]).toMatchObject({ exerciseName: "Banded clamshell", note: null });
    }
    const [step] = await listProgramHistory(clinic, me.athleteId);
    expect(step).toMatchObject({ kind: "progressed", before: expect.objectContaining({ note: NOTE }), after: expect.objectContaining({ note: null }) });
  });

  it("at the easiest step a regress conclusion is a hold that says so", async () => {
    const clinic = await makeClinic("Easiest");
    const me = await makeAthlete(clinic);
    const { id } = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 4 });
    await tick(me, id, today, { setsDone: 1, couldNotFinish: true });
    const program = await getProgram(clinic, me.athleteId);
    expect(program.items[0]!.regress.ok).toBe(false);
    expect((await listSuggestions(clinic, me.athleteId)).get(id)).toMatchObject({
      suggestion: "hold",
      reason: `Hold — already the easiest step; consider another exercise (could not finish the session on ${today})`,
    });
  });

  it("migration 0012 clears the note an item kept across an earlier step, and records why", async () => {
    const clinic = await makeClinic("Backfill");
    const me = await makeAthlete(clinic);
    const clam = await builtinExercise("clamshell");
    const banded = await builtinExercise("banded-clamshell");
    const { id: stale } = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: clam, sets: 3, reps: 15, daysPerWeek: 4, note: NOTE });
    const { id: rewritten } = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("glute-bridge"), sets: 3, reps: 12, daysPerWeek: 3, note: "Squeeze at the top." });
    const db = getDb();
    // what a step did before this change: new exercise, same note
    await db.update(programItems).set({ exerciseId: banded }).where(eq(programItems.id, stale));
    await db.insert(programItemEvents).values({ clinicId: clinic.clinicId, athleteId: me.athleteId, itemId: stale, kind: "progressed", fromExerciseId: clam, toExerciseId: banded, fromStep: 1, toStep: 2 });
    // a note written after a step is the new exercise's and stays
    await db.insert(programItemEvents).values({ clinicId: clinic.clinicId, athleteId: me.athleteId, itemId: rewritten, kind: "progressed", createdAt: new Date(Date.now() - 60_000) });
    // (older than the migration's own event: PGlite's clock can give two statements the same millisecond)
    await db.insert(programItemEvents).values({ clinicId: clinic.clinicId, athleteId: me.athleteId, itemId: rewritten, kind: "dosage_changed", createdAt: new Date(Date.now() - 30_000) });

    await db.execute(sql.raw(readFileSync("drizzle/0012_step_leaves_old_note.sql", "utf8")));

    const notes = await db.select({ id: programItems.id, note: programItems.note }).from(programItems).where(eq(programItems.athleteId, me.athleteId));
    expect(Object.fromEntries(notes.map((n) => [n.id, n.note]))).toEqual({ [stale]: null, [rewritten]: "Squeeze at the top." });
    const [why] = await listProgramHistory(clinic, me.athleteId);
    expect(why).toMatchObject({ itemId: stale, kind: "dosage_changed", before: expect.objectContaining({ note: NOTE }), after: expect.objectContaining({ note: null }) });
  });
});
