import { z } from "zod";
import { daysBetween } from "@/lib/domain/dates";
import { RED_FLAGS } from "@/lib/domain/types";
import { isoDate } from "./reporting";

/** A chart may ask for up to three years at once (DESIGN: 1 year is the longest preset). */
export const MAX_SERIES_DAYS = 3 * 366;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** GET /api/v1/athletes/{id}/series?from&to&bucket — from/to default to the last 12 weeks. */
export const seriesQuerySchema = z
  .object({
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
    bucket: z.preprocess(blankToUndefined, z.enum(["day", "week"], { error: "bucket must be day or week." }).default("day")),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "The start date must be on or before the end date." });
    else if (daysBetween(q.from, q.to) + 1 > MAX_SERIES_DAYS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Choose a range of 3 years or less." });
    }
  });
export type SeriesQuery = z.infer<typeof seriesQuerySchema>;

const light = z.enum(["green", "amber", "red"]).nullable();
const num = z.number();
const numOrNull = z.number().nullable();

/**
 * One row per day (bucket=day) or per Mon–Sun week (bucket=week). Distances in metres, minutes of
 * cross-training, load in arbitrary units (minutes × RPE), pain 0–10. In week rows, sums are over
 * the week, pains are the week's highest, the load model values (acute, chronic, ratio, baseline,
 * caps, tolerated load) are those of the week's last day in range, and the light is the worst.
 */
export const seriesRowSchema = z.object({
  date: isoDate,
  endDate: isoDate,
  runningDistanceM: num,
  crossTrainingMin: num,
  load: numOrNull,
  runningPain: numOrNull,
  morningPain: numOrNull,
  acuteRolling: num,
  chronicRolling: num,
  acuteEwma: numOrNull,
  chronicEwma: numOrNull,
  /** Descriptive only, never used for alerts; null until 21 of the last 28 days have data. */
  ratio: numOrNull,
  baseline: numOrNull,
  light,
  weeklyCapM: numOrNull,
  longestRunCapM: numOrNull,
  toleratedLoadM: numOrNull,
  redFlags: z.array(z.enum(RED_FLAGS)),
  tape: z.boolean(),
  exerciseSessions: num,
  exercisePain: numOrNull,
});
export type SeriesRow = z.infer<typeof seriesRowSchema>;

export const exerciseWeekSchema = z.object({
  weekStart: isoDate,
  weekEnd: isoDate,
  sessionsLogged: num,
  /** Σ days per week of the items on the program now; the history of dosages is not replayed. */
  sessionsPlanned: num,
  adherencePct: numOrNull,
  setsDone: num,
  setsPrescribed: num,
  maxExercisePain: numOrNull,
  meanExercisePain: numOrNull,
});
export type ExerciseWeek = z.infer<typeof exerciseWeekSchema>;

export const shoeDistanceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  distanceM: num,
  rangeDistanceM: num,
  reminderM: num,
  retired: z.boolean(),
  due: z.boolean(),
});

export const seriesResponseSchema = z.object({
  athleteId: z.uuid(),
  from: isoDate,
  to: isoDate,
  today: isoDate,
  bucket: z.enum(["day", "week"]),
  rows: z.array(seriesRowSchema),
  exerciseWeeks: z.array(exerciseWeekSchema),
  shoes: z.array(shoeDistanceSchema),
});
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;
