import { z } from "zod";
import { formNumber, fromFormText, nullAsAbsent, plainText } from "./fields";
import { clientIdField, isoDate } from "./reporting";

/** Schemas for return to run (DESIGN §2c): placing an athlete on a stage, steps, sessions, ladder copies. */

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const reasonField = z.string({ error: "Say why." }).trim().min(3, "Say why, in a few words.").max(500, "Keep the reason under 500 characters.");
// numbers as JSON numbers (lib/validation/fields.ts): never "5", "", true or null read as a number;
// an optional one sent as null is "not reported"; the form converts its text first (below)
const pain = (label: string) =>
  nullAsAbsent(
    z
      .number({ error: `Enter ${label} as a number from 0 to 10.` })
      .int(`Enter ${label} as a whole number from 0 to 10.`)
      .min(0, `Enter ${label} from 0 to 10.`)
      .max(10, `Enter ${label} from 0 to 10.`),
  );

export const startReturnToRunSchema = z.object({
  athleteId: z.uuid({ error: "Choose an athlete." }),
  ladderId: z.uuid({ error: "Choose a running ladder." }),
  stageId: z.uuid({ error: "Choose a stage." }),
  reason: reasonField,
});
export type StartReturnToRunInput = z.infer<typeof startReturnToRunSchema>;

export const stageStepSchema = z.object({
  athleteId: z.uuid({ error: "Choose an athlete." }).optional(),
  direction: z.enum(["up", "down"], { error: "Choose up or down." }),
  // an athlete's own step needs no reason: it is recorded as "stepped up/down by the athlete"
  reason: z.preprocess(blankToUndefined, reasonField.optional()),
});
export type StageStepInput = z.infer<typeof stageStepSchema>;

export const stopReturnToRunSchema = z.object({
  athleteId: z.uuid({ error: "Choose an athlete." }),
  reason: reasonField,
});

export const mayStepUpSchema = z.object({
  athleteId: z.uuid({ error: "Choose an athlete." }),
  allowed: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export const stageSessionSchema = z
  .object({
    athleteId: z.uuid().optional(),
    clientId: clientIdField,
    stageId: z.uuid({ error: "Choose the stage this session was at." }),
    date: isoDate,
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the start time as HH:MM, like 07:30.")
      .optional(),
    durationSec: z
      .number({ error: "Enter how long the session took." })
      .int("Enter the duration in whole seconds.")
      .positive("The duration must be more than zero.")
      .max(6 * 3600, "The duration must be under 6 hours."),
    // the interval timer's recorded running time (§2c running minutes); left out when typed in by hand
    runningSec: nullAsAbsent(z.number({ error: "The timer's running time must be a number of seconds." }).int("The timer's running time must be whole seconds.").min(0, "The timer's running time cannot be negative.")),
    // optional: a run/walk session is judged by its minutes, not its distance
    distanceM: nullAsAbsent(z.number({ error: "Enter the distance as a number." }).positive("The distance must be more than zero.").max(100_000, "The distance must be 100 km or less.")),
    rpe: z.number({ error: "Enter the session effort from 0 to 10." }).int("Enter the effort as a whole number.").min(0, "Enter the effort from 0 to 10.").max(10, "Enter the effort from 0 to 10."),
    painDuring: pain("pain during"),
    painAfter: pain("pain after"),
    outcome: z.enum(["completed", "stopped_early"], { error: "Say whether you completed the session or stopped early." }),
    stoppedAtRepeat: nullAsAbsent(z.number({ error: "Enter the repeat you reached." }).int("Enter a whole repeat.").min(0, "Enter 0 or more.").max(30, "That is more than 30 repeats.")),
    stopReason: nullAsAbsent(z.enum(["pain", "other"], { error: "Say whether pain was the reason." })),
    note: plainText({ multiline: true }).trim().max(2000, "Keep the note under 2000 characters.").optional(),
  })
  .superRefine((s, ctx) => {
    if (s.runningSec !== undefined && s.runningSec > s.durationSec) {
      ctx.addIssue({ code: "custom", path: ["durationSec"], message: `The timer ran for ${Math.ceil(s.runningSec / 60)} min of running: the session cannot be shorter than that.` });
    }
    if (s.outcome === "stopped_early" && s.stopReason === undefined) ctx.addIssue({ code: "custom", path: ["stopReason"], message: "Say whether pain was the reason you stopped." });
    if (s.outcome === "completed" && (s.stopReason !== undefined || s.stoppedAtRepeat !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["outcome"], message: "A completed session has no stop reason or repeat reached." });
    }
  });
export type StageSessionInput = z.infer<typeof stageSessionSchema>;

const minutes = (label: string) => formNumber(z.number({ error: `Enter ${label} in whole minutes.` }).int(`Enter ${label} in whole minutes.`).min(0, `${label} cannot be negative.`).max(180, `${label} must be 180 or less.`));

export const runStageSchema = z
  .object({
    runMin: minutes("the running minutes"),
    walkMin: minutes("the walking minutes"),
    repeats: formNumber(z.number({ error: "Enter the repeats." }).int("Enter whole repeats.").min(1, "At least one repeat.").max(30, "30 repeats at most.")),
    // left out or blank: three a week
    sessionsPerWeek: formNumber(z.number({ error: "Enter the sessions per week." }).int("Enter whole sessions.").min(1, "At least one session a week.").max(7, "7 sessions a week at most.").default(3)),
  })
  .refine((s) => s.runMin + s.walkMin > 0, { path: ["runMin"], message: "A session needs some running or walking minutes." });
export type RunStageInput = z.infer<typeof runStageSchema>;

export const copyRunLadderSchema = z.object({
  ladderId: z.uuid({ error: "Choose a running ladder." }),
  name: z.string().trim().min(2, "Give the copy a name.").max(80, "Keep the name under 80 characters."),
});

// ── forms ─────────────────────────────────────────────────────────────────────────────────────
/** The start/set-stage form: one select whose value is "ladderId:stageId". */
export const startReturnToRunFormSchema = z
  .object({
    athleteId: z.uuid({ error: "Choose an athlete." }),
    placement: z.string({ error: "Choose a stage." }).regex(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/i, "Choose a stage."),
    reason: reasonField,
  })
  .transform(({ placement, ...rest }) => {
    const [ladderId, stageId] = placement.split(":") as [string, string];
    return { ...rest, ladderId, stageId };
  });

export const trainerStageStepFormSchema = z.object({
  athleteId: z.uuid({ error: "Choose an athlete." }),
  direction: z.enum(["up", "down"], { error: "Choose up or down." }),
  reason: reasonField,
});

/** The athlete's own step: no reason asked (it is recorded as "stepped up/down by the athlete"). */
export const athleteStageStepFormSchema = z.object({ direction: z.enum(["up", "down"], { error: "Choose up or down." }) });

/**
 * A stage session from the athlete's form (text): minutes rather than seconds, km rather than
 * metres. Number fields go through `fromFormText`: blank is "not reported" (or the field's own
 * error when it is required), never 0; text that is not a number is refused with that error.
 * Shared by the server action and the offline outbox (lib/offline/parse.ts).
 */
export const stageSessionFormSchema = z
  .object({
    clientId: z.string().optional(),
    stageId: z.string().optional(),
    date: z.string().optional(),
    startTime: z.string().optional(),
    minutes: z.string().optional(),
    runningSec: z.string().optional(),
    distanceKm: z.string().optional(),
    rpe: z.string().optional(),
    painDuring: z.string().optional(),
    painAfter: z.string().optional(),
    outcome: z.string().optional(),
    stoppedAtRepeat: z.string().optional(),
    stopReason: z.string().optional(),
    note: z.string().optional(),
  })
  .transform((v, ctx) => {
    const minutes = fromFormText(v.minutes, { decimalComma: true });
    const km = fromFormText(v.distanceKm, { decimalComma: true });
    const parsed = stageSessionSchema.safeParse({
      clientId: v.clientId,
      stageId: v.stageId,
      date: v.date,
      startTime: v.startTime?.trim() || undefined,
      durationSec: typeof minutes === "number" ? Math.round(minutes * 60) : minutes,
      runningSec: fromFormText(v.runningSec),
      distanceM: typeof km === "number" ? Math.round(km * 1000) : km,
      rpe: fromFormText(v.rpe),
      painDuring: fromFormText(v.painDuring),
      painAfter: fromFormText(v.painAfter),
      outcome: v.outcome,
      stoppedAtRepeat: fromFormText(v.stoppedAtRepeat),
      stopReason: v.stopReason?.trim() || undefined,
      note: v.note || undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });
