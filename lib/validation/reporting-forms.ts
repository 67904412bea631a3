import { z } from "zod";
import { RED_FLAGS, type RedFlag } from "@/lib/domain/types";
import { formatDistanceValue, toMetres } from "@/lib/domain/units";
import { fromFormText } from "./fields";
import { activitySchema, checkInSchema, exerciseLogSchema, parseDuration, SHOE_REMINDER_MAX_M, SHOE_REMINDER_MIN_M, shoeNameField } from "./reporting";

/**
 * FormData → the API's canonical inputs. Forms speak the athlete's language (minutes, km or mi,
 * yes/no) in text; the API and the data layer speak seconds, metres and JSON numbers. Number fields
 * go through `fromFormText`: an empty optional field is "not reported", an empty required one is
 * the field's error, and text that is not a number is refused, never read as 0.
 */
const NO_FLAGS = Object.fromEntries(RED_FLAGS.map((f) => [f, false])) as Record<RedFlag, boolean>;

/**
 * The check-in form asks "Any of these today?" first and needs an answer: "none" records the seven
 * red flags as no; "yes" needs each of the seven answered. Nothing is answered for the athlete.
 */
export const checkInFormSchema = z
  .object({
    date: z.string().optional(),
    morningPain: z.string({ error: "Choose your knee pain this morning, 0 to 10." }).min(1, "Choose your knee pain this morning, 0 to 10."),
    redFlagsAny: z.enum(["none", "yes"], { error: "Answer \u201cAny of these today?\u201d: choose None or Yes." }),
    tapeYesterday: z.string().optional(),
    note: z.string().optional(),
    clientId: z.string().optional(),
  })
  .catchall(z.unknown())
  .transform((v, ctx) => {
    let redFlags = NO_FLAGS;
    if (v.redFlagsAny === "yes") {
      const answers = RED_FLAGS.map((f) => [f, v[`flag_${f}`]] as const);
      for (const [f, answer] of answers) {
        if (answer !== "yes" && answer !== "no") ctx.addIssue({ code: "custom", path: [`flag_${f}`], message: "Answer yes or no." });
      }
      if (answers.some(([, answer]) => answer !== "yes" && answer !== "no")) return z.NEVER;
      redFlags = Object.fromEntries(answers.map(([f, answer]) => [f, answer === "yes"])) as Record<RedFlag, boolean>;
    }
    const parsed = checkInSchema.safeParse({
      date: v.date || undefined,
      morningPain: fromFormText(v.morningPain),
      tapeYesterday: v.tapeYesterday === "on" || v.tapeYesterday === "yes",
      note: v.note || undefined,
      clientId: v.clientId || undefined,
      redFlags,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });

export function activityFormSchema(unit: "km" | "mi") {
  return z
    .object({
      clientId: z.string(),
      type: z.string(),
      date: z.string(),
      startTime: z.string().optional(),
      duration: z.string({ error: "Enter how long it took." }),
      distance: z.string().optional(),
      rpe: z.string({ error: "Choose the session effort." }).min(1, "Choose the session effort, 0 to 10."),
      painDuring: z.string().optional(),
      painAfter: z.string().optional(),
      shoeId: z.string().optional(),
      note: z.string().optional(),
    })
    .transform((v, ctx) => {
      const durationSec = parseDuration(v.duration);
      if (durationSec === null || durationSec <= 0) {
        ctx.addIssue({ code: "custom", path: ["duration"], message: v.duration.trim() ? "Enter the duration as minutes (45) or h:mm:ss (1:05:30), more than zero." : "Enter how long it took." });
        return z.NEVER;
      }
      const distance = fromFormText(v.distance, { decimalComma: true });
      const distanceNumber = typeof distance === "number" ? distance : undefined;
      if (distance !== undefined && distanceNumber === undefined) {
        ctx.addIssue({ code: "custom", path: ["distance"], message: `Enter the distance in ${unit} as a number, like 6.5.` });
        return z.NEVER;
      }
      const parsed = activitySchema.safeParse({
        clientId: v.clientId,
        type: v.type,
        date: v.date,
        startTime: v.startTime || undefined,
        durationSec,
        distanceM: distanceNumber === undefined ? undefined : Math.round(toMetres(distanceNumber, unit)),
        rpe: fromFormText(v.rpe),
        painDuring: fromFormText(v.painDuring),
        painAfter: fromFormText(v.painAfter),
        shoeId: v.shoeId?.trim() || undefined,
        note: v.note || undefined,
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] === "durationSec" ? "duration" : issue.path[0] === "distanceM" ? "distance" : issue.path[0];
          const message = issue.path[0] === "distanceM" && /250 km/.test(issue.message) && unit === "mi" ? "The distance must be 155 mi or less." : issue.message;
          ctx.addIssue({ code: "custom", path: [field as string], message });
        }
        return z.NEVER;
      }
      return parsed.data;
    });
}

export const exerciseLogFormSchema = z
  .object({
    clientId: z.string(),
    programItemId: z.string(),
    setsDone: z.string(),
    exercisePain: z.string().optional(),
    couldNotFinish: z.string().optional(),
  })
  .transform((v, ctx) => {
    const parsed = exerciseLogSchema.safeParse({
      ...v,
      setsDone: fromFormText(v.setsDone),
      exercisePain: fromFormText(v.exercisePain),
      couldNotFinish: v.couldNotFinish === "on",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });

/**
 * The reminder distance as typed in the athlete's unit ("500" mi) → whole metres; blank is
 * undefined (the caller keeps the stored one, or the default for a new pair).
 */
function reminderField(unit: "km" | "mi") {
  const min = formatDistanceValue(SHOE_REMINDER_MIN_M, unit);
  const max = formatDistanceValue(SHOE_REMINDER_MAX_M, unit);
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      const value = fromFormText(text, { decimalComma: true });
      if (value === undefined) return undefined;
      if (typeof value !== "number" || !Number.isFinite(value)) {
        ctx.addIssue({ code: "custom", message: `Enter the reminder distance in ${unit} as a number.` });
        return z.NEVER;
      }
      const metres = Math.round(toMetres(value, unit));
      if (metres < SHOE_REMINDER_MIN_M || metres > SHOE_REMINDER_MAX_M) {
        ctx.addIssue({ code: "custom", message: `Set the reminder between ${min} and ${max} ${unit}.` });
        return z.NEVER;
      }
      return metres;
    });
}

const shoeName = shoeNameField;

/** Adding a pair: a name and the reminder in the athlete's unit. */
export function shoeFormSchema(unit: "km" | "mi") {
  return z.object({ athleteId: z.uuid().optional(), name: shoeName, reminder: reminderField(unit) }).transform(({ reminder, ...v }) => ({ ...v, reminderM: reminder }));
}

/** Changing a pair: its name, its reminder (in the athlete's unit) or whether it is retired. */
export function shoeUpdateFormSchema(unit: "km" | "mi") {
  return z
    .object({
      id: z.uuid(),
      name: shoeName.optional(),
      reminder: reminderField(unit),
      retired: z.enum(["yes", "no"]).optional(),
    })
    .transform(({ reminder, retired, ...v }) => ({ ...v, reminderM: reminder, retired: retired === undefined ? undefined : retired === "yes" }));
}
