import { z } from "zod";
import { KINDS, REGIONS } from "@/lib/exercise-library/builtin-exercises";
import { nameText, plainText, searchText } from "./fields";
import { dosageFields, idField, optionalText } from "./programs";

/** One line per step or cue in a textarea. */
const lines = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : v),
    z.array(plainText({ multiline: true }).max(300, `Keep each line of ${label} under 300 characters.`)).max(max, `Use at most ${max} lines for ${label}.`),
  );

const regionField = z.enum(REGIONS, { error: "Choose a region." });
// absent (a caller that predates kinds): strength, as every exercise was before
const kindField = z.enum(KINDS, { error: "Choose strength or stretching and mobility." }).default("strength");
// a checkbox: "on" when ticked, absent when not
const perSideField = z.preprocess((v) => (v === "on" ? true : v === undefined || v === "" ? false : v), z.boolean({ error: "Tick the box or leave it empty." }));
const nameField = (what: string) => nameText(`the ${what}'s name`, { error: `Name the ${what}.` }).trim().min(2, `Name the ${what} (at least 2 characters).`).max(120, "Keep the name under 120 characters.");

export const exerciseSchema = z
  .object({
    name: nameField("exercise"),
    region: regionField,
    kind: kindField,
    perSide: perSideField,
    howTo: lines("the how-to steps", 12),
    cues: lines("the cues", 8),
    equipment: z.preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((e) => e.trim()).filter(Boolean) : v),
      z.array(plainText().max(40, "Keep each piece of equipment under 40 characters.")).max(8, "List at most 8 pieces of equipment."),
    ),
    sets: dosageFields.sets,
    reps: dosageFields.reps,
    holdSec: dosageFields.holdSec,
    daysPerWeek: dosageFields.daysPerWeek,
  })
  .superRefine((v, ctx) => {
    if ((v.reps === undefined) === (v.holdSec === undefined)) {
      ctx.addIssue({ code: "custom", path: ["reps"], message: "Enter default reps or a hold in seconds (one of them)." });
    }
  });
export type ExerciseInput = z.output<typeof exerciseSchema>;

export const exerciseFormSchema = exerciseSchema.and(z.object({ exerciseId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()) }));
export const exerciseIdSchema = z.object({ exerciseId: idField("an exercise") });

export const ladderSchema = z.object({ name: nameField("ladder"), region: regionField, description: optionalText(500, "the description") });
export type LadderInput = z.output<typeof ladderSchema>;
export const ladderFormSchema = ladderSchema.and(z.object({ ladderId: z.preprocess((v) => (v === "" ? undefined : v), z.string().uuid().optional()) }));
export const ladderIdSchema = z.object({ ladderId: idField("a ladder") });

export const insertStepSchema = z.object({
  exerciseId: idField("an exercise"),
  ladderId: idField("a ladder"),
  // blank: below the easiest step
  afterExerciseId: z.preprocess((v) => (v === "" ? null : v), z.string().uuid("Choose a step.").nullable()),
});

export const libraryQuerySchema = z.object({
  q: searchText(80).optional().catch(undefined),
  region: z.enum(REGIONS).optional().catch(undefined),
  kind: z.enum(KINDS).optional().catch(undefined),
  ladderId: z.string().uuid().optional().catch(undefined),
});
