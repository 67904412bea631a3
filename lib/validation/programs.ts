import { z } from "zod";
import { KINDS, REGIONS } from "@/lib/exercise-library/builtin-exercises";
import { formNumber, nameText, nullAsAbsent, optionalFormNumber, plainText } from "./fields";

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** "json": a JSON number (null or absent for an optional one); "form": the text of a form field. */
type Source = "json" | "form";

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${label} as a number.` })
    .int(`Enter ${label} as a whole number.`)
    .min(min, `Enter ${label} of at least ${min}.`)
    .max(max, `Enter ${label} of at most ${max}.`);

const whole = (label: string, min: number, max: number, source: Source = "form") =>
  source === "json" ? wholeNumber(label, min, max) : formNumber(wholeNumber(label, min, max));

const optionalWhole = (label: string, min: number, max: number, source: Source = "form") =>
  source === "json" ? nullAsAbsent(wholeNumber(label, min, max)) : optionalFormNumber(wholeNumber(label, min, max));

/** Free text that may be left out; blank is absent. Line breaks allowed, other control characters refused. */
export const optionalText = (max: number, label: string) =>
  z.preprocess(blankToUndefined, plainText({ multiline: true }).trim().max(max, `Keep ${label} under ${max} characters.`).optional());

export const idField = (what: string) => z.string({ error: `Choose ${what}.` }).uuid(`Choose ${what}.`);

/** Exactly one of reps / hold seconds (the database checks the same). */
function repsXorHold(v: { reps?: number; holdSec?: number }, ctx: z.RefinementCtx) {
  if (v.reps === undefined && v.holdSec === undefined) {
    ctx.addIssue({ code: "custom", path: ["reps"], message: "Enter reps, or a hold in seconds." });
  } else if (v.reps !== undefined && v.holdSec !== undefined) {
    ctx.addIssue({ code: "custom", path: ["holdSec"], message: "Enter reps or a hold in seconds, not both." });
  }
}

function dosageFieldsFor(source: Source) {
  return {
    sets: whole("sets", 1, 50, source),
    reps: optionalWhole("reps", 1, 200, source),
    holdSec: optionalWhole("the hold", 1, 600, source),
    daysPerWeek: whole("days per week", 1, 7, source),
    load: optionalText(120, "the load or band note"),
    note: optionalText(500, "the note"),
  };
}

/** The dosage fields of the forms (text). */
export const dosageFields = dosageFieldsFor("form");

export const dosageSchema = z.object(dosageFields).superRefine(repsXorHold);
export type DosageInput = z.output<typeof dosageSchema>;

export const reasonField = plainText({ error: "Give a short reason.", multiline: true })
  .trim()
  .min(3, "Give a short reason (a few words).")
  .max(300, "Keep the reason under 300 characters.");

// ── Program items ─────────────────────────────────────────────────────────────────────────────
export const addItemSchema = z.object({ athleteId: idField("an athlete"), exerciseId: idField("an exercise"), ...dosageFields }).superRefine(repsXorHold);
export type AddItemInput = z.output<typeof addItemSchema>;

export const updateDosageSchema = z
  .object({ itemId: idField("an item"), ...dosageFields, reason: optionalText(300, "the reason") })
  .superRefine(repsXorHold);
export type UpdateDosageInput = z.output<typeof updateDosageSchema>;

export const stepDirections = ["progress", "regress"] as const;
export type StepDirection = (typeof stepDirections)[number];
export const stepItemSchema = z.object({ itemId: idField("an item"), direction: z.enum(stepDirections), reason: reasonField });
export const stepBodySchema = z.object({ reason: reasonField });

export const itemStatusSchema = z.object({
  itemId: idField("an item"),
  status: z.enum(["active", "paused", "removed"]),
  reason: optionalText(300, "the reason"),
});

// ── Templates ─────────────────────────────────────────────────────────────────────────────────
export const applyTemplateSchema = z.object({ athleteId: idField("an athlete"), templateId: idField("a template") });
const templateName = nameText("the template's name", { error: "Name the template." }).trim().min(2, "Name the template (at least 2 characters).").max(120, "Keep the name under 120 characters.");
export const saveTemplateSchema = z.object({ athleteId: idField("an athlete"), name: templateName, description: optionalText(500, "the description") });
export const templateMetaSchema = z.object({ templateId: idField("a template"), name: templateName, description: optionalText(500, "the description") });
export const templateIdSchema = z.object({ templateId: idField("a template") });
export const addTemplateItemSchema = z.object({ templateId: idField("a template"), exerciseId: idField("an exercise"), ...dosageFields }).superRefine(repsXorHold);
export const updateTemplateItemSchema = z.object({ templateItemId: idField("an item"), ...dosageFields }).superRefine(repsXorHold);
export const templateItemIdSchema = z.object({ templateItemId: idField("an item") });

// ── Running prescription ──────────────────────────────────────────────────────────────────────
// a form: the caps are required (blank is an error, not 0), the run/walk minutes optional
const distance = (label: string) =>
  formNumber(z.number({ error: `Enter ${label} as a number.` }).min(0, `${label} cannot be negative.`).max(500, `Enter ${label} of at most 500.`), { decimalComma: true });
const minutes = (label: string) =>
  optionalFormNumber(z.number({ error: `Enter ${label} in minutes.` }).min(0.25, `Enter at least 0.25 min for ${label}.`).max(60, `Enter at most 60 min for ${label}.`), { decimalComma: true });

export const prescriptionSchema = z
  .object({
    athleteId: idField("an athlete"),
    unit: z.enum(["km", "mi"]).catch("km"),
    weeklyDistance: distance("the weekly cap"),
    longestRun: distance("the longest-run cap"),
    runMinutes: minutes("the run interval"),
    walkMinutes: minutes("the walk interval"),
    note: optionalText(500, "the note"),
  })
  .superRefine((v, ctx) => {
    if (v.longestRun > v.weeklyDistance) ctx.addIssue({ code: "custom", path: ["longestRun"], message: "The longest run cannot be more than the weekly cap." });
    if ((v.runMinutes === undefined) !== (v.walkMinutes === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.runMinutes === undefined ? "runMinutes" : "walkMinutes"], message: "Enter both the run and the walk minutes, or neither." });
    }
  });
export type PrescriptionInput = z.output<typeof prescriptionSchema>;

/** The running prescription as the API takes it: metres and seconds, JSON numbers only. */
export const prescriptionBodySchema = z
  .object({
    weeklyDistanceM: z.number({ error: "Enter the weekly cap in metres as a number." }).min(0, "The weekly cap cannot be negative.").max(500_000, "The weekly cap must be at most 500 km."),
    longestRunM: z.number({ error: "Enter the longest-run cap in metres as a number." }).min(0, "The longest-run cap cannot be negative.").max(500_000, "The longest-run cap must be at most 500 km."),
    runIntervalSec: z.number({ error: "Enter the run interval in seconds." }).int().min(15, "Enter at least 15 s for the run interval.").max(3600, "Enter at most 60 min for the run interval.").nullable().optional(),
    walkIntervalSec: z.number({ error: "Enter the walk interval in seconds." }).int().min(15, "Enter at least 15 s for the walk interval.").max(3600, "Enter at most 60 min for the walk interval.").nullable().optional(),
    note: optionalText(500, "the note"),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.longestRunM > v.weeklyDistanceM) ctx.addIssue({ code: "custom", path: ["longestRunM"], message: "The longest run cannot be more than the weekly cap." });
    if ((v.runIntervalSec == null) !== (v.walkIntervalSec == null)) {
      ctx.addIssue({ code: "custom", path: [v.runIntervalSec == null ? "runIntervalSec" : "walkIntervalSec"], message: "Send both the run and the walk interval, or neither." });
    }
  });
export type PrescriptionBody = z.output<typeof prescriptionBodySchema>;

/** The API's prescription (metres, seconds) as the form's input the data layer takes (km, minutes). */
export function prescriptionFromBody(athleteId: string, b: PrescriptionBody): PrescriptionInput {
  return {
    athleteId,
    unit: "km",
    weeklyDistance: b.weeklyDistanceM / 1000,
    longestRun: b.longestRunM / 1000,
    runMinutes: b.runIntervalSec == null ? undefined : b.runIntervalSec / 60,
    walkMinutes: b.walkIntervalSec == null ? undefined : b.walkIntervalSec / 60,
    note: b.note,
  };
}

// ── API bodies ────────────────────────────────────────────────────────────────────────────────
export const programPostSchema = z.union([
  z.object({ templateId: idField("a template") }).strict(),
  z.object({ exerciseId: idField("an exercise"), ...dosageFieldsFor("json") }).superRefine(repsXorHold),
]);

export const REGION_LABELS: Record<(typeof REGIONS)[number], string> = { hip: "Hip", foot: "Foot", knee: "Knee", core: "Core" };
export const KIND_LABELS: Record<(typeof KINDS)[number], string> = { strength: "Strength", mobility: "Stretching and mobility" };

/** The group an exercise is listed under in a picker: its region, and "stretching" for mobility work. */
export function exerciseGroup(e: { region: string; kind: string }): string {
  const region = REGION_LABELS[e.region as (typeof REGIONS)[number]] ?? e.region;
  return e.kind === "mobility" ? `${region} · stretching and mobility` : region;
}
