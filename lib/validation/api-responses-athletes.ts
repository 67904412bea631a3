import { z } from "zod";
import { RED_FLAGS } from "@/lib/domain/types";
import { alertResponse, prescriptionResponse } from "./api-responses";
import { ATHLETE_STATUSES, INJURED_SIDES } from "./athletes";

/**
 * What /api/v1/athletes… answers (issue 20), beside api-responses.ts. An athlete's answers carry
 * only the fields lib/data/visibility.ts allows them, so every staff-only field is optional here
 * (absent for an athlete, present for staff): the document stays one schema per operation and
 * `additionalProperties: false` still catches a field nobody declared.
 */

const id = z.uuid();
const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const whole = z.number().int();
const score = z.number().int().min(0).max(10);
const staffOnly = <T extends z.ZodType>(schema: T) => schema.optional().meta({ description: "Staff only: absent when the caller is an athlete." });

export const rosterPageResponse = z.object({
  items: z.array(
    z.object({
      id,
      name: z.string(),
      email: z.string().nullable(),
      sportGroup: z.string().nullable(),
      status: z.enum(ATHLETE_STATUSES),
      trainerId: id.nullable(),
      trainerName: z.string().nullable(),
      lastCheckIn: date.nullable(),
      openAlerts: whole.meta({ description: "Open alert groups (one kind and subject on consecutive dates)." }),
    }),
  ),
  total: whole,
  page: whole,
  pageSize: whole,
});

export const athleteProfileResponse = z.object({
  id,
  userId: staffOnly(id.nullable()),
  name: z.string(),
  email: z.string().nullable(),
  sportGroup: z.string().nullable(),
  birthYear: whole.nullable(),
  injuredSide: z.enum(INJURED_SIDES).nullable(),
  condition: z.string(),
  onsetDate: date.nullable(),
  status: z.enum(ATHLETE_STATUSES),
  trainerId: staffOnly(id.nullable()),
  trainerName: z.string().nullable(),
  timeZone: z.string().nullable(),
  effectiveTimeZone: z.string().meta({ description: "The athlete's time zone, or the clinic's when none is set." }),
  hasLogin: z.boolean(),
  notes: staffOnly(z.string().nullable()),
  rtrMayStepUp: z.boolean().meta({ description: "The trainer lets the athlete step up a running stage alone when step up holds (§2c)." }),
  dataVersion: staffOnly(whole),
  seriesFrom: staffOnly(date.nullable()),
  seriesThrough: staffOnly(date.nullable()),
  seriesTimeZone: staffOnly(z.string().nullable()),
  seriesVersion: staffOnly(whole.nullable()),
  evaluatedThrough: staffOnly(date.nullable()),
  alertsFrom: staffOnly(date.nullable()),
  createdAt: instant,
  updatedAt: instant,
});

const move = z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), toName: z.string() }), z.object({ ok: z.literal(false), message: z.string() })]);

export const programItemResponse = z.object({
  id,
  exerciseId: id,
  exerciseName: z.string(),
  region: z.string(),
  kind: z.enum(["strength", "mobility"]),
  perSide: z.boolean(),
  howTo: z.array(z.string()),
  cues: z.array(z.string()),
  equipment: z.array(z.string()),
  sets: whole,
  reps: whole.nullable(),
  holdSec: whole.nullable(),
  daysPerWeek: whole,
  load: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(["active", "paused", "removed"]),
  ladder: z.object({ name: z.string(), step: whole, of: whole }).nullable(),
  progress: staffOnly(move).meta({ description: "What one Progress click would do. Staff only." }),
  regress: staffOnly(move).meta({ description: "What one Regress click would do. Staff only." }),
});

const programView = {
  athlete: z.object({ id, name: z.string(), trainerName: z.string().nullable() }),
  items: z.array(programItemResponse),
};

export const programResponse = z.object({ ...programView, runningPrescription: prescriptionResponse.nullable() });

export const programPostResponse = z.union([
  z.object({ id: id.meta({ description: "The program item added." }), program: z.object(programView) }),
  z.object({ added: whole, skipped: whole.meta({ description: "Template items already in the program." }), program: z.object(programView) }),
]);

const lightAssessment = z.object({
  date,
  light: z.enum(["green", "amber", "red"]),
  causes: z.array(z.enum(["running_pain", "morning_pain", "rise_2", "rise_1", "weekly_trend"])),
  maxRunningPain: score.nullable(),
  morningPain: score.nullable(),
  baseline: z.number().nullable(),
  rise: z.number().nullable(),
  trend: z.object({ recentMean: z.number(), previousMean: z.number(), rising: z.boolean() }).nullable(),
});

const flagOnDate = z.object({ date, flag: z.enum(RED_FLAGS) });

const advice = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("contact"),
    message: z.string(),
    causes: z.array(
      z.discriminatedUnion("kind", [
        z.object({ kind: z.literal("paused") }),
        z.object({ kind: z.literal("urgent_red_flag"), date, flag: z.enum(RED_FLAGS) }),
        z.object({ kind: z.literal("pain"), date, value: score, source: z.enum(["morning", "activity", "exercise"]) }),
      ]),
    ),
  }),
  z.object({ kind: z.literal("hold"), message: z.string(), flags: z.array(flagOnDate) }),
  z.object({ kind: z.literal("ladder"), message: z.string() }),
  z.object({ kind: z.literal("light"), light: lightAssessment }),
  z.object({ kind: z.literal("check_in"), message: z.string() }),
]);

/** An alert as the athlete's own answers carry it: the staff's names and notes left out. */
const visibleAlert = alertResponse.extend({
  acknowledgedBy: staffOnly(z.string().nullable()),
  resolvedBy: staffOnly(z.string().nullable()),
  note: staffOnly(z.string().nullable()),
});

export const athleteStatusResponse = z.object({
  athleteId: id,
  name: z.string(),
  today: date.meta({ description: "The athlete's local date." }),
  light: lightAssessment.nullable().meta({ description: "§2a traffic light on the latest check-in date; null before any check-in." }),
  baseline: z.number().nullable(),
  toleratedLoad: z.object({ distanceM: z.number(), weekStart: date }).nullable(),
  ratio: z.number().nullable().meta({ description: "Acute:chronic load ratio, descriptive only (never used for alerts)." }),
  acuteRolling: z.number(),
  chronicRolling: z.number(),
  prescription: z.object({ weeklyDistanceCapM: z.number().nullable(), longestRunCapM: z.number().nullable() }).nullable(),
  lastRun: z.object({ date, distanceM: z.number().nullable(), runningPain: score.nullable() }).nullable(),
  recentRedFlags: z.array(flagOnDate),
  advice,
  openAlerts: z.array(visibleAlert),
  suggestions: z.array(z.object({ itemId: id, name: z.string(), status: z.enum(["active", "paused"]), suggestion: z.enum(["progress", "regress", "hold"]), reason: z.string() })),
});

const placedStage = z.object({
  id: z.string(),
  runMin: z.number(),
  walkMin: z.number(),
  repeats: whole,
  sessionsPerWeek: whole,
  number: whole,
  isFirst: z.boolean(),
  isLast: z.boolean(),
});

export const returnToRunResponse = z.object({
  onLadder: z.boolean(),
  ladder: z.object({ id: z.string(), name: z.string(), stages: z.array(z.object({ id: z.string(), number: whole, words: z.string() })) }).nullable(),
  stage: placedStage.nullable(),
  verdict: z.object({ kind: z.enum(["stop", "step_down", "step_up", "hold"]), forTrainer: z.string(), forAthlete: z.string() }).nullable(),
  today: z.object({ kind: z.enum(["session", "rest"]), stage: placedStage, words: z.string() }).nullable(),
  todayDate: date,
  paused: z.boolean(),
  athleteMayStepUp: z.boolean(),
  history: z.array(
    z.object({
      id,
      date,
      kind: z.enum(["started", "stepped_up", "stepped_down", "resumed", "set", "finished", "stopped"]),
      byTrainer: z.boolean(),
      madeByName: z.string().nullable(),
      reason: staffOnly(z.string()),
      fromStageNumber: whole.nullable(),
      toStageNumber: whole.nullable(),
      at: instant,
    }),
  ),
});
