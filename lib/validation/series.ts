import { z } from "zod";
import { addDays, daysBetween } from "@/lib/domain/dates";
import { RED_FLAGS } from "@/lib/domain/types";
import { isoDate } from "./reporting";

/** A chart may ask for up to three years at once (DESIGN: 1 year is the longest preset). */
export const MAX_SERIES_DAYS = 3 * 366;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The default range: the 12 weeks ending on `to`. */
export const DEFAULT_SERIES_DAYS = 84;

/**
 * The range a series query asks for once its defaults are filled in (`to` defaults to the
 * athlete's today, `from` to 12 weeks before `to`), with the limits applied to that range, not to
 * the parameters as sent: `from=1900-01-01` alone is 46,000 days and is refused like any range
 * over 3 years, and a `from` after the resolved `to` is refused rather than answered with no rows.
 */
export function resolveSeriesRange(
  query: { from?: string; to?: string },
  today: string,
): { ok: true; from: string; to: string } | { ok: false; field: "from" | "to"; message: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_SERIES_DAYS - 1));
  if (from > to) {
    return { ok: false, field: "from", message: query.to ? "The start date must be on or before the end date." : `The start date must be on or before the end date (today, ${today}, when to is left out).` };
  }
  if (daysBetween(from, to) + 1 > MAX_SERIES_DAYS) {
    return { ok: false, field: query.to ? "to" : "from", message: query.to ? "Choose a range of 3 years or less." : `Choose a range of 3 years or less (to is today, ${today}, when left out).` };
  }
  return { ok: true, from, to };
}

/**
 * GET /api/v1/athletes/{id}/series?from&to&bucket — from/to default to the last 12 weeks. When both
 * are sent the range is checked here; otherwise once `today` is known (resolveSeriesRange).
 */
export const seriesQuerySchema = z
  .object({
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
    bucket: z.preprocess(blankToUndefined, z.enum(["day", "week"], { error: "bucket must be day or week." }).default("day")),
  })
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    const range = resolveSeriesRange(q, q.to);
    if (!range.ok) ctx.addIssue({ code: "custom", path: [range.field], message: range.message });
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
  /** The return-to-run stage in force (§2c: 1 is the easiest); null when not on a ladder that day. In week rows, the week's last day's. */
  stage: numOrNull,
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
