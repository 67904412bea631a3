import { z } from "zod";
import { RED_FLAGS } from "@/lib/domain/types";
import { nameText, nullAsAbsent, painScore, plainText } from "./fields";
import { ACTIVITY_TYPES } from "./reporting-labels";

// the form words live apart so client components can have them without zod
export { ACTIVITY_LABELS, ACTIVITY_TYPES, CR10_WORDS } from "./reporting-labels";

/**
 * Schemas for what athletes report (DESIGN §2–3), as the JSON API takes them: metres and seconds,
 * numbers as JSON numbers (never "5", null, "" or true; lib/validation/fields.ts). An optional
 * score sent as null is "not reported", like leaving it out. The forms convert their text first
 * (reporting-forms.ts).
 */

const pain = painScore;
const optionalPain = (label: string) => nullAsAbsent(painScore(label));
const noteField = plainText({ multiline: true }).trim().max(2000, "Keep the note under 2000 characters.");

// calendar arithmetic on year 0 or 9999 breaks Date; no record of ours is outside these years
export const isoDate = z.iso
  .date({ error: "Enter the date as YYYY-MM-DD." })
  .refine((d) => d >= "1900-01-01" && d <= "2100-12-31", "Enter a date between 1900 and 2100.");
export const clientIdField = z.uuid({ error: "clientId must be a UUID the app generates for each submission." });

export const redFlagsSchema = z
  .object(Object.fromEntries(RED_FLAGS.map((f) => [f, z.boolean().optional()])) as Record<(typeof RED_FLAGS)[number], z.ZodOptional<z.ZodBoolean>>)
  .strict();

export const checkInSchema = z.object({
  athleteId: z.uuid().optional(),
  date: isoDate.optional(),
  morningPain: pain("knee pain this morning"),
  redFlags: redFlagsSchema.default({}),
  tapeYesterday: z.boolean().default(false),
  note: noteField.optional(),
  clientId: clientIdField.optional(),
});
export type CheckInInput = z.infer<typeof checkInSchema>;

export const MIN_RUN_PACE_SEC_PER_KM = 150; // 2:30 per km: faster is not a run a person did
export const MAX_RUN_PACE_SEC_PER_KM = 1200; // 20:00 per km: slower is a walk or a typo
export const MAX_DISTANCE_M = 250_000;

export const activitySchema = z
  .object({
    athleteId: z.uuid().optional(),
    clientId: clientIdField,
    type: z.enum(ACTIVITY_TYPES, { error: "Choose run, walk, bike, swim, water jog or other." }),
    date: isoDate,
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as HH:MM, like 07:30.")
      .optional(),
    durationSec: z
      .number({ error: "Enter how long it took, in seconds." })
      .int("Enter the duration in whole seconds.")
      .positive("The duration must be more than zero.")
      .max(86_400, "The duration must be under 24 hours."),
    distanceM: nullAsAbsent(
      z
        .number({ error: "Enter the distance in metres as a number." })
        .nonnegative("The distance cannot be negative.")
        .max(MAX_DISTANCE_M, "The distance must be 250 km (155 mi) or less."),
    ),
    rpe: pain("session effort"),
    painDuring: optionalPain("pain during"),
    painAfter: optionalPain("pain after"),
    shoeId: nullAsAbsent(z.uuid({ error: "Choose one of your shoes." })),
    note: noteField.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.type !== "run") return;
    if (a.distanceM === undefined || a.distanceM === 0) {
      ctx.addIssue({ code: "custom", path: ["distanceM"], message: "Enter the distance of the run." });
      return;
    }
    const secPerKm = a.durationSec / (a.distanceM / 1000);
    if (secPerKm < MIN_RUN_PACE_SEC_PER_KM) {
      ctx.addIssue({ code: "custom", path: ["distanceM"], message: "That is faster than 2:30 per km. Check the distance and the duration." });
    } else if (secPerKm > MAX_RUN_PACE_SEC_PER_KM) {
      ctx.addIssue({ code: "custom", path: ["distanceM"], message: "That is slower than 20:00 per km. Check the distance and the duration, or log it as a walk under Other." });
    }
  });
export type ActivityInput = z.infer<typeof activitySchema>;

/**
 * A correction through the API (PATCH): only the fields sent change. A nullable field sent as null
 * is cleared ("not reported"); left out, it keeps its value. The whole activity is validated again
 * after the merge (activityCorrection in lib/data), so a run cannot lose its distance this way.
 */
export const activityPatchSchema = z
  .object({
    type: z.enum(ACTIVITY_TYPES, { error: "Choose run, walk, bike, swim, water jog or other." }),
    date: isoDate,
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as HH:MM, like 07:30."),
    durationSec: z
      .number({ error: "Enter how long it took, in seconds." })
      .int("Enter the duration in whole seconds.")
      .positive("The duration must be more than zero.")
      .max(86_400, "The duration must be under 24 hours."),
    distanceM: z
      .number({ error: "Enter the distance in metres as a number, or null to clear it." })
      .nonnegative("The distance cannot be negative.")
      .max(MAX_DISTANCE_M, "The distance must be 250 km (155 mi) or less.")
      .nullable(),
    rpe: pain("session effort"),
    painDuring: pain("pain during").nullable(),
    painAfter: pain("pain after").nullable(),
    shoeId: z.uuid({ error: "Choose one of the athlete's shoes, or null for none." }).nullable(),
    note: noteField.nullable(),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "Send at least one field to change.");
export type ActivityPatch = z.infer<typeof activityPatchSchema>;

/** `?from=&to=` of an athlete's record lists (both optional, ISO dates, from ≤ to). */
export const dateRangeQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must be on or before to.", path: ["from"] });

export const exerciseLogSchema = z.object({
  athleteId: z.uuid().optional(),
  clientId: clientIdField,
  programItemId: z.uuid({ error: "Choose an exercise from your program." }),
  date: isoDate.optional(),
  setsDone: z.number({ error: "Enter the sets you did as a number." }).int("Enter whole sets.").min(0, "Sets cannot be negative.").max(50, "That is more than 50 sets."),
  exercisePain: optionalPain("pain during the exercise"),
  couldNotFinish: z.boolean().default(false),
});
export type ExerciseLogInput = z.infer<typeof exerciseLogSchema>;

export const SHOE_REMINDER_MIN_M = 50_000;
export const SHOE_REMINDER_MAX_M = 5_000_000;
export const SHOE_REMINDER_DEFAULT_M = 800_000;

export const shoeNameField = nameText("the shoe's name").trim().min(1, "Give the shoe a name, like 'Pegasus 41 (blue)'.").max(80, "Keep the name under 80 characters.");

/** A shoe as stored: the reminder distance in metres (the forms read it in the athlete's unit). */
export const shoeSchema = z.object({
  athleteId: z.uuid().optional(),
  name: shoeNameField,
  reminderM: z
    .number({ error: "Enter the reminder distance in metres as a number." })
    .int("Enter the reminder distance in whole metres.")
    .min(SHOE_REMINDER_MIN_M, "The reminder must be at least 50 km.")
    .max(SHOE_REMINDER_MAX_M, "The reminder must be at most 5,000 km.")
    .optional(),
});
export type ShoeInput = z.infer<typeof shoeSchema>;

/** A shoe changed through the API: only the fields sent change. */
export const shoePatchSchema = z
  .object({
    name: shoeNameField,
    reminderM: z
      .number({ error: "Enter the reminder distance in metres as a number." })
      .int("Enter the reminder distance in whole metres.")
      .min(SHOE_REMINDER_MIN_M, "The reminder must be at least 50 km.")
      .max(SHOE_REMINDER_MAX_M, "The reminder must be at most 5,000 km."),
    retired: z.boolean({ error: "retired is true or false." }),
  })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, "Send at least one field to change.");

/** "45", "45:30" or "1:05:30" → seconds; minutes when there is no colon. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 60);
  const parts = t.split(":");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const nums = parts.map(Number);
  const [h, m, s] = parts.length === 3 ? nums : [0, ...nums];
  if (m! >= 60 || s! >= 60) return null;
  return h! * 3600 + m! * 60 + s!;
}
