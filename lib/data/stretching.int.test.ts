import { eq, inArray, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { exercises, ladderSteps, ladders, programTemplateItems, programTemplates } from "@/db/schema";
import { seedLibrary } from "@/scripts/seed/library";
import { copyExercise, createExercise, getExercise, listExercises } from "@/lib/data/exercises";
import { listLadders } from "@/lib/data/ladders";
import { addProgramItem, getProgram, stepItem } from "@/lib/data/programs";
import { applyTemplate, getTemplate, listTemplates } from "@/lib/data/templates";
import { getToday } from "@/lib/data/today";
import { formatDosage } from "@/lib/domain/dosage";
import { BUILTIN_EXERCISES, BUILTIN_LADDERS } from "@/lib/exercise-library/builtin-exercises";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

const MOBILITY_LADDERS = BUILTIN_LADDERS.filter((l) => l.kind === "mobility");
const MOBILITY_SLUGS = BUILTIN_EXERCISES.filter((e) => MOBILITY_LADDERS.some((l) => l.slug === e.ladderSlug)).map((e) => e.slug);

/**
 * Puts this file's database back to how a database made before the stretching library looks once
 * migration 0018 has run and before the start-up seed: no mobility rows, and every built-in at the
 * columns' defaults (strength, both sides).
 */
async function libraryAsBeforeStretching() {
  const db = getDb();
  await db.transaction(async (tx) => {
    const tpl = await tx.select({ id: programTemplates.id }).from(programTemplates).where(eq(programTemplates.slug, "runners-stretching-routine"));
    if (tpl.length) {
      await tx.delete(programTemplateItems).where(inArray(programTemplateItems.templateId, tpl.map((t) => t.id)));
      await tx.delete(programTemplates).where(inArray(programTemplates.id, tpl.map((t) => t.id)));
    }
    const ex = await tx.select({ id: exercises.id }).from(exercises).where(inArray(exercises.slug, MOBILITY_SLUGS));
    await tx.delete(ladderSteps).where(inArray(ladderSteps.exerciseId, ex.map((e) => e.id)));
    await tx.delete(exercises).where(inArray(exercises.id, ex.map((e) => e.id)));
    await tx.delete(ladders).where(inArray(ladders.slug, MOBILITY_LADDERS.map((l) => l.slug)));
    await tx.update(exercises).set({ kind: "strength", perSide: false }).where(isNotNull(exercises.slug));
  });
}

describe("an existing clinic after the upgrade", () => {
  it("sees the stretching ladders once the start-up seed has run, and keeps its own program and exercises", async () => {
    await libraryAsBeforeStretching();
    const a = await makeClinic("Before");
    const athlete = await makeAthlete(a, "Existing Runner");
    const own = await createExercise(a, { name: "Towel calf stretch", region: "foot", kind: "strength", perSide: false, howTo: ["Sit", "Loop", "Pull"], cues: [], equipment: [], sets: 3, holdSec: 30, daysPerWeek: 5 });
    const clam = await builtinExercise("clamshell");
    await addProgramItem(a, { athleteId: athlete.athleteId, exerciseId: clam, sets: 3, reps: 15, daysPerWeek: 3 });
    expect(await listExercises(a, { kind: "mobility" })).toHaveLength(0);
    expect((await getProgram(a, athlete.athleteId)).items[0]).toMatchObject({ exerciseName: "Clamshell", perSide: false });

    await seedLibrary(getDb()); // what scripts/migrate.ts does on every start

    const stretches = await listExercises(a, { kind: "mobility" });
    expect(stretches.map((e) => e.name).sort()).toEqual(BUILTIN_EXERCISES.filter((e) => MOBILITY_SLUGS.includes(e.slug)).map((e) => e.name).sort());
    expect(stretches.every((e) => e.builtin && e.kind === "mobility" && e.ladder !== null)).toBe(true);
    const mobilityLadders = await listLadders(a, { kind: "mobility" });
    expect(mobilityLadders.map((l) => l.name)).toEqual(MOBILITY_LADDERS.map((l) => l.name));
    expect((await listLadders(a, { kind: "strength" })).map((l) => l.name)).toEqual(BUILTIN_LADDERS.filter((l) => l.kind === "strength").map((l) => l.name));
    expect((await listTemplates(a)).map((t) => t.name)).toContain("Runner's stretching routine");
    // the one-sided strength exercises now read per side, in the program they were already in
    const item = (await getProgram(a, athlete.athleteId)).items[0]!;
    expect(item).toMatchObject({ exerciseName: "Clamshell", perSide: true, kind: "strength" });
    expect(formatDosage(item)).toBe("3 × 15 reps each side · 3 days a week");
    // the clinic's own rows are untouched
    expect(await getExercise(a, own.id)).toMatchObject({ name: "Towel calf stretch", kind: "strength", perSide: false, builtin: false });
  });
});

describe("stretches in programs", () => {
  beforeAll(async () => {
    await ensureLibrary();
  });

  it("a stretch is assigned like any exercise and reads as a hold per side on the program and Today", async () => {
    const a = await makeClinic("Stretch");
    const athlete = await makeAthlete(a, "Stretchy");
    const calf = await builtinExercise("wall-calf-stretch");
    const { id } = await addProgramItem(a, { athleteId: athlete.athleteId, exerciseId: calf, sets: 3, holdSec: 30, daysPerWeek: 5 });

    const trainerView = (await getProgram(a, athlete.athleteId)).items.find((i) => i.id === id)!;
    expect(trainerView).toMatchObject({ exerciseName: "Wall calf stretch", kind: "mobility", perSide: true, sets: 3, reps: null, holdSec: 30, ladder: { name: "Calf and soleus stretching", step: 1, of: 4 } });
    expect(formatDosage(trainerView)).toBe("3 × 30 s each side · 5 days a week");

    const today = await getToday(athlete);
    const onToday = today.items.find((i) => i.id === id)!;
    expect(formatDosage(onToday)).toBe("3 × 30 s each side · 5 days a week");
    expect(onToday.howTo[0]).toBe("Stand facing a wall with both hands on it at shoulder height.");

    // up the ladder: the soleus stretch keeps the hold; the ankle rocks keep the sets and take their own reps
    expect(await stepItem(a, { itemId: id, direction: "progress", reason: "Easy" })).toMatchObject({ exerciseId: await builtinExercise("bent-knee-wall-calf-stretch"), sets: 3, holdSec: 30, reps: null });
    expect(await stepItem(a, { itemId: id, direction: "progress", reason: "Easy" })).toMatchObject({ exerciseId: await builtinExercise("knee-to-wall-ankle-rocks"), sets: 3, reps: 12, holdSec: null, daysPerWeek: 5 });
    expect(formatDosage((await getProgram(a, athlete.athleteId)).items.find((i) => i.id === id)!)).toBe("3 × 12 reps each side · 5 days a week");
  });

  it("the Runner's stretching routine applies as hold items, and a copied stretch stays a stretch", async () => {
    const a = await makeClinic("Routine");
    const athlete = await makeAthlete(a);
    const [tpl] = await getDb().select({ id: programTemplates.id }).from(programTemplates).where(eq(programTemplates.slug, "runners-stretching-routine"));
    const detail = await getTemplate(a, tpl!.id);
    expect(detail.items.every((i) => i.holdSec !== undefined && i.reps === undefined && i.perSide)).toBe(true);
    expect(await applyTemplate(a, { athleteId: athlete.athleteId, templateId: tpl!.id })).toEqual({ added: detail.items.length, skipped: 0 });
    const program = await getProgram(a, athlete.athleteId);
    expect(program.items.every((i) => i.kind === "mobility")).toBe(true);
    expect(program.items.map(formatDosage)).toContain("10 × 10 s each side · 5 days a week");

    const copy = await copyExercise(a, await builtinExercise("seated-butterfly-stretch"));
    expect(await getExercise(a, copy.id)).toMatchObject({ kind: "mobility", perSide: false, builtin: false });
    expect((await listExercises(a, { kind: "mobility" })).some((e) => e.id === copy.id)).toBe(true);
  });
});
