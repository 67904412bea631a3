import { z } from "zod";
import { ALERT_KINDS, ALERT_SEVERITIES, RED_FLAGS } from "@/lib/domain/types";
import { ACTIVITY_TYPES } from "./reporting-labels";

/**
 * What /api/v1 answers, as zod schemas the OpenAPI document is generated from (issue 20). The e2e
 * authorization matrix validates every answer it receives against the document, so a shape that
 * changes without its schema fails there. Dates are ISO dates, instants ISO date-times (UTC),
 * distances metres, durations seconds unless a name says otherwise.
 */

const id = z.uuid();
const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const score = z.number().int().min(0).max(10);

export const activityResponse = z.object({
  id,
  athleteId: id,
  type: z.enum(ACTIVITY_TYPES),
  date,
  startedAt: instant,
  durationSec: z.number().int(),
  movingSec: z.number().int().nullable(),
  distanceM: z.number().nullable(),
  rpe: score,
  painDuring: score.nullable(),
  painAfter: score.nullable(),
  shoeId: id.nullable(),
  shoeName: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(["manual", "file"]),
  fileName: z.string().nullable(),
  clientId: id,
  createdAt: instant,
});

export const checkInResponse = z.object({
  id,
  athleteId: id,
  date,
  morningPain: score.nullable(),
  redFlags: z.object(Object.fromEntries(RED_FLAGS.map((f) => [f, z.boolean()])) as Record<(typeof RED_FLAGS)[number], z.ZodBoolean>),
  tapeYesterday: z.boolean(),
  note: z.string().nullable(),
  updatedAt: instant,
});

export const exerciseLogResponse = z.object({
  id,
  programItemId: id,
  exerciseName: z.string(),
  date,
  setsDone: z.number().int(),
  setsPrescribed: z.number().int(),
  exercisePain: score.nullable(),
  couldNotFinish: z.boolean(),
  clientId: id,
});

export const shoeResponse = z.object({ id, name: z.string(), distanceM: z.number(), reminderM: z.number().int(), retired: z.boolean(), due: z.boolean() });

export const prescriptionResponse = z.object({
  id,
  weeklyDistanceM: z.number().int(),
  longestRunM: z.number().int(),
  runIntervalSec: z.number().int().nullable(),
  walkIntervalSec: z.number().int().nullable(),
  note: z.string().nullable(),
  setByName: z.string().nullable(),
  setAt: instant,
});

export const templateResponse = z.object({ id, name: z.string(), description: z.string(), builtin: z.boolean(), itemCount: z.number().int() });

const stageFacts = { stageId: z.string(), stageNumber: z.number().int() };
/** lib/domain/types.ts AlertFacts, for the document. */
export const alertFactsResponse = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("red_flag"), flag: z.enum(RED_FLAGS), urgent: z.boolean() }),
  z.object({
    kind: z.literal("pain_7"),
    threshold: z.number(),
    scores: z.array(z.object({ value: score, source: z.enum(["morning", "during", "after", "exercise"]), activityType: z.enum(ACTIVITY_TYPES).optional() })),
  }),
  z.object({ kind: z.literal("running_pain"), threshold: z.number(), activityId: id, pain: score, distanceM: z.number().nullable() }),
  z.object({ kind: z.literal("morning_pain"), threshold: z.number(), pain: score }),
  z.object({ kind: z.literal("morning_rise"), pain: score, baseline: z.number(), rise: z.number() }),
  z.object({ kind: z.literal("run_spike"), activityId: id, distanceM: z.number(), longestM: z.number(), overPercent: z.number() }),
  z.object({ kind: z.literal("weekly_jump"), currentM: z.number(), previousM: z.number(), overPercent: z.number() }),
  z.object({
    kind: z.literal("over_prescription"),
    cap: z.enum(["weekly", "longest", "stage_sessions", "stage_length"]),
    distanceM: z.number().optional(),
    capM: z.number().optional(),
    runsOver: z.number().int().optional(),
    stageId: z.string().optional(),
    stageNumber: z.number().int().optional(),
    sessions: z.number().int().optional(),
    perWeek: z.number().int().optional(),
    closeDates: z.tuple([date, date]).nullable().optional(),
    runningMin: z.number().optional(),
    limitMin: z.number().optional(),
  }),
  z.object({ kind: z.literal("missed_checkins"), from: date, to: date, lastCheckIn: date.nullable() }),
  z.object({ kind: z.literal("ready_to_progress"), itemId: id, exerciseName: z.string().nullable() }),
  z.object({ kind: z.literal("rtr_ready"), ...stageFacts, lastStage: z.boolean(), sessionDates: z.tuple([date, date]) }),
  z.object({ kind: z.literal("rtr_step_down"), ...stageFacts, firstStage: z.boolean(), sessionId: z.string(), sessionDate: date }),
]);

export const alertResponse = z.object({
  id,
  athleteId: id,
  athleteName: z.string(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  flag: z.enum(RED_FLAGS).nullable(),
  subjectId: id.nullable(),
  subject: z.string().nullable(),
  groupStart: date.nullable(),
  date,
  reason: z.string(),
  facts: alertFactsResponse.nullable().meta({ description: "The numbers behind the reason; null for an alert stored before facts existed." }),
  status: z.enum(["open", "acknowledged", "resolved"]),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: instant.nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: instant.nullable(),
  note: z.string().nullable(),
  createdAt: instant,
  retiredAt: instant.nullable(),
  retiredReason: z.string().nullable(),
});

/** Every refusal: a sentence a person understands, and for invalid input the message of each field. */
export const errorResponse = z.object({
  error: z.object({ message: z.string(), fieldErrors: z.record(z.string(), z.array(z.string())).optional() }),
});

/** POST /api/v1/invitations: the same answer whatever the address (the link is only emailed). */
export const invitationResponse = z.object({
  role: z.enum(["athlete", "trainer"]),
  email: z.string().meta({ description: "Where the invitation was emailed." }),
  expiresAt: instant.meta({ description: "When the emailed link stops working (7 days)." }),
});

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const okResponse = z.object({ ok: z.literal(true) }).loose();

const whole = z.number().int();
const dosageResponse = z.object({ sets: whole, reps: whole.nullable().optional(), holdSec: whole.nullable().optional(), daysPerWeek: whole });

export const exerciseResponse = z.object({
  id,
  name: z.string(),
  region: z.string(),
  kind: z.enum(["strength", "mobility"]),
  perSide: z.boolean().meta({ description: "One side at a time: reps and holds are per side." }),
  builtin: z.boolean(),
  archived: z.boolean(),
  defaultDosage: dosageResponse,
  equipment: z.array(z.string()),
  ladder: z.object({ id, name: z.string(), step: whole, of: whole }).nullable(),
});

export const ladderResponse = z.object({
  id,
  name: z.string(),
  region: z.string(),
  builtin: z.boolean(),
  steps: z.array(z.object({ step: whole, exerciseId: id, name: z.string(), builtin: z.boolean(), defaultDosage: dosageResponse })),
});

export const steppedItemResponse = z.object({
  item: z.object({
    id,
    exerciseId: id,
    sets: whole,
    reps: whole.nullable(),
    holdSec: whole.nullable(),
    daysPerWeek: whole,
    load: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(["active", "paused", "removed"]),
  }),
});

export const importOutcomeResponse = z.discriminatedUnion("ok", [
  z.object({ fileName: z.string(), ok: z.literal(true), created: z.boolean(), activity: activityResponse }),
  z.object({ fileName: z.string(), ok: z.literal(false), error: z.string() }),
]);

export const stageStepResponse = z.object({ stage: whole.meta({ description: "The stage number now in force." }) });
