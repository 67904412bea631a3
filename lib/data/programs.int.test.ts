import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exercises, programTemplates } from "@/db/schema";
import { seedLibrary } from "@/scripts/seed/library";
import { createExercise, getExercise, listExercises, updateExercise } from "@/lib/data/exercises";
import { insertIntoLadder, listLadders } from "@/lib/data/ladders";
import { getCurrentPrescription, listPrescriptions, setRunningPrescription } from "@/lib/data/prescriptions";
import { addProgramItem, getProgram, listProgramHistory, setItemStatus, stepItem, updateItemDosage } from "@/lib/data/programs";
import { applyTemplate, getTemplate, listTemplates, saveProgramAsTemplate } from "@/lib/data/templates";
import { prescriptionSchema } from "@/lib/validation/programs";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

async function builtinTemplate(slug: string) {
  const [row] = await getDb().select({ id: programTemplates.id }).from(programTemplates).where(eq(programTemplates.slug, slug));
  return row!.id;
}

beforeAll(async () => {
  await ensureLibrary();
});

describe("built-in library seed", () => {
  it("is idempotent and leaves a clinic's own rows alone", async () => {
    const a = await makeClinic("Seed");
    const own = await createExercise(a, { name: "Towel scrunch", region: "foot", kind: "strength", perSide: false, howTo: ["Scrunch"], cues: [], equipment: [], sets: 3, reps: 10, daysPerWeek: 5 });
    const idsBefore = await getDb().select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(eq(exercises.region, "hip")).orderBy(exercises.id);
    await seedLibrary(getDb());
    await seedLibrary(getDb());
    const idsAfter = await getDb().select({ id: exercises.id, slug: exercises.slug }).from(exercises).where(eq(exercises.region, "hip")).orderBy(exercises.id);
    expect(idsAfter).toEqual(idsBefore);
    const all = await listExercises(a);
    expect(all.filter((e) => e.builtin)).toHaveLength(58);
    expect((await getExercise(a, own.id)).name).toBe("Towel scrunch");
    const ladders = await listLadders(a);
    expect(ladders.filter((l) => l.builtin).map((l) => l.steps.length)).toEqual([7, 6, 6, 6, 6, 5, 4, 4, 4, 4, 3, 3]);
    expect((await listTemplates(a)).filter((t) => t.builtin)).toHaveLength(4);
  });

  it("refuses edits to built-ins", async () => {
    const a = await makeClinic("RO");
    const clam = await builtinExercise("clamshell");
    await expect(updateExercise(a, clam, { name: "Mine", region: "hip", kind: "strength", perSide: false, howTo: [], cues: [], equipment: [], sets: 1, reps: 1, daysPerWeek: 1 })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("programs", () => {
  it("applies a template as items, each with an 'added' history row", async () => {
    const a = await makeClinic("Apply");
    const athlete = await makeAthlete(a, "Jo");
    const tpl = await builtinTemplate("medial-knee-phase-1");
    const detail = await getTemplate(a, tpl);
    const result = await applyTemplate(a, { athleteId: athlete.athleteId, templateId: tpl });
    expect(result).toEqual({ added: detail.items.length, skipped: 0 });
    const program = await getProgram(a, athlete.athleteId);
    expect(program.items.map((i) => i.exerciseName)).toEqual(detail.items.map((i) => i.exerciseName));
    expect(program.items[0]).toMatchObject({ exerciseName: "Clamshell", sets: 3, reps: 15, daysPerWeek: 3, ladder: { name: "Hip abduction", step: 1 } });
    expect(program.items[0]!.regress).toEqual({ ok: false, message: "Already the easiest exercise on this ladder" });
    const history = await listProgramHistory(a, athlete.athleteId);
    expect(history).toHaveLength(detail.items.length);
    expect(history.every((h) => h.kind === "added" && h.reason === `From template "${detail.name}"`)).toBe(true);
    // applying again doubles nothing
    expect(await applyTemplate(a, { athleteId: athlete.athleteId, templateId: tpl })).toEqual({ added: 0, skipped: detail.items.length });
  });

  it("progress then regress returns to the same exercise and dosage, with two history rows", async () => {
    const a = await makeClinic("Step");
    const athlete = await makeAthlete(a);
    const clam = await builtinExercise("clamshell");
    const { id } = await addProgramItem(a, { athleteId: athlete.athleteId, exerciseId: clam, sets: 2, reps: 20, daysPerWeek: 4, load: "none" });
    const up = await stepItem(a, { itemId: id, direction: "progress", reason: "Two clean sessions" });
    expect(up).toMatchObject({ exerciseId: await builtinExercise("banded-clamshell"), sets: 2, reps: 20, daysPerWeek: 4 });
    const down = await stepItem(a, { itemId: id, direction: "regress", reason: "Sore next morning" });
    expect(down).toMatchObject({ exerciseId: clam, sets: 2, reps: 20, holdSec: null, daysPerWeek: 4, load: "none" });
    const history = (await listProgramHistory(a, athlete.athleteId)).filter((h) => h.kind !== "added");
    expect(history).toHaveLength(2);
    expect(history.map((h) => [h.kind, h.fromExercise, h.toExercise, h.fromStep, h.toStep, h.reason])).toEqual([
      ["regressed", "Banded clamshell", "Clamshell", 2, 1, "Sore next morning"],
      ["progressed", "Clamshell", "Banded clamshell", 1, 2, "Two clean sessions"],
    ]);
    // the bottom of the ladder refuses with a reason
    await expect(stepItem(a, { itemId: id, direction: "regress", reason: "again" })).rejects.toMatchObject({ code: "invalid", message: "Already the easiest exercise on this ladder" });
  });

  it("records dosage changes, pauses and removals, and keeps removed items in history", async () => {
    const a = await makeClinic("Status");
    const athlete = await makeAthlete(a);
    const { id } = await addProgramItem(a, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("glute-bridge"), sets: 3, reps: 12, daysPerWeek: 3 });
    await updateItemDosage(a, id, { sets: 4, reps: 12, daysPerWeek: 3 }, "Easy");
    await setItemStatus(a, { itemId: id, status: "paused", reason: "Away" });
    expect((await getProgram(a, athlete.athleteId)).items[0]).toMatchObject({ status: "paused", sets: 4 });
    await setItemStatus(a, { itemId: id, status: "removed" });
    expect((await getProgram(a, athlete.athleteId)).items).toHaveLength(0);
    const kinds = (await listProgramHistory(a, athlete.athleteId)).map((h) => h.kind);
    expect(kinds).toEqual(["removed", "paused", "dosage_changed", "added"]);
    const changed = (await listProgramHistory(a, athlete.athleteId)).find((h) => h.kind === "dosage_changed")!;
    expect([changed.before?.sets, changed.after?.sets, changed.actorName]).toEqual([3, 4, "Owner " + a.email.match(/owner(\d+)/)![1]]);
  });

  it("a clinic's own exercise inserted into a built-in ladder becomes a step", async () => {
    const a = await makeClinic("Ladder");
    const b = await makeClinic("Other");
    const own = await createExercise(a, { name: "Clamshell with pause", region: "hip", kind: "strength", perSide: false, howTo: [], cues: [], equipment: [], sets: 3, reps: 12, daysPerWeek: 3 });
    const ladder = (await listLadders(a)).find((l) => l.name === "Hip abduction")!;
    await insertIntoLadder(a, { exerciseId: own.id, ladderId: ladder.id, afterExerciseId: await builtinExercise("clamshell") });
    const after = (await listLadders(a)).find((l) => l.id === ladder.id)!;
    expect(after.steps.map((s) => s.name).slice(0, 3)).toEqual(["Clamshell", "Clamshell with pause", "Banded clamshell"]);
    // the other clinic's view of the built-in ladder is unchanged
    expect((await listLadders(b)).find((l) => l.id === ladder.id)!.steps).toHaveLength(7);
    // and a program item on Clamshell now progresses to the clinic's step
    const athlete = await makeAthlete(a);
    const { id } = await addProgramItem(a, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 3 });
    expect((await stepItem(a, { itemId: id, direction: "progress", reason: "Ready" })).exerciseId).toBe(own.id);
  });

  it("saves a program as a template and keeps the running prescription history", async () => {
    const a = await makeClinic("Save");
    const athlete = await makeAthlete(a);
    await applyTemplate(a, { athleteId: athlete.athleteId, templateId: await builtinTemplate("medial-knee-phase-2") });
    const saved = await saveProgramAsTemplate(a, { athleteId: athlete.athleteId, name: "Jo's phase 2" });
    expect((await getTemplate(a, saved.id)).items).toHaveLength(7);
    await setRunningPrescription(a, prescriptionSchema.parse({ athleteId: athlete.athleteId, unit: "km", weeklyDistance: "20", longestRun: "8", runMinutes: "4", walkMinutes: "1" }));
    await setRunningPrescription(a, prescriptionSchema.parse({ athleteId: athlete.athleteId, unit: "mi", weeklyDistance: "15", longestRun: "6" }));
    expect(await getCurrentPrescription(a, athlete.athleteId)).toMatchObject({ weeklyDistanceM: 24140, longestRunM: 9656, runIntervalSec: null });
    expect((await listPrescriptions(a, athlete.athleteId))[1]).toMatchObject({ weeklyDistanceM: 20000, longestRunM: 8000, runIntervalSec: 240, walkIntervalSec: 60 });
  });
});

describe("clinic scoping", () => {
  it("another clinic cannot read or change the program", async () => {
    const a = await makeClinic("Owner");
    const b = await makeClinic("Intruder");
    const athlete = await makeAthlete(a);
    const { id } = await addProgramItem(a, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 3 });
    const tpl = await builtinTemplate("medial-knee-phase-1");
    const nf = { code: "not_found" };
    await expect(getProgram(b, athlete.athleteId)).rejects.toMatchObject(nf);
    await expect(listProgramHistory(b, athlete.athleteId)).rejects.toMatchObject(nf);
    await expect(stepItem(b, { itemId: id, direction: "progress", reason: "sneaky" })).rejects.toMatchObject(nf);
    await expect(updateItemDosage(b, id, { sets: 1, reps: 1, daysPerWeek: 1 }, null)).rejects.toMatchObject(nf);
    await expect(setItemStatus(b, { itemId: id, status: "removed" })).rejects.toMatchObject(nf);
    await expect(addProgramItem(b, { athleteId: athlete.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 3 })).rejects.toMatchObject(nf);
    await expect(applyTemplate(b, { athleteId: athlete.athleteId, templateId: tpl })).rejects.toMatchObject(nf);
    await expect(getCurrentPrescription(b, athlete.athleteId)).rejects.toMatchObject(nf);
    // a's own exercise is invisible to b
    const own = await createExercise(a, { name: "Secret", region: "hip", kind: "strength", perSide: false, howTo: [], cues: [], equipment: [], sets: 1, reps: 1, daysPerWeek: 1 });
    await expect(getExercise(b, own.id)).rejects.toMatchObject(nf);
    // an athlete sees only their own program
    const other = await makeAthlete(a, "Other");
    const asAthlete = athlete;
    expect((await getProgram(asAthlete, athlete.athleteId)).items).toHaveLength(1);
    await expect(getProgram(asAthlete, other.athleteId)).rejects.toMatchObject(nf);
    // and nothing changed
    expect((await getProgram(a, athlete.athleteId)).items[0]).toMatchObject({ exerciseName: "Clamshell", sets: 3, reps: 15 });
  });
});
