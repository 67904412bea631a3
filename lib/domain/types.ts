// Plain data the clinical engine works on (DESIGN §2a, §3). Nothing here knows about the database:
// lib/data maps rows into these shapes, and lib/domain decides.

/** A local calendar date "YYYY-MM-DD" in the athlete's time zone; every §2a window is counted in these. */
export type IsoDate = string;

export const RED_FLAGS = [
  "clicking",
  "locking",
  "giving_way",
  "swelling",
  "night_pain",
  "cannot_bear_weight",
  "hot_red_fever",
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

/** §2: these need same-day contact, so they are the only red flags raised as urgent. */
export const URGENT_RED_FLAGS: ReadonlySet<RedFlag> = new Set<RedFlag>([
  "locking",
  "cannot_bear_weight",
  "hot_red_fever",
]);

export type CheckIn = {
  date: IsoDate;
  morningPain: number | null;
  redFlags: Record<RedFlag, boolean>;
  tape: boolean;
  /** When it was last recorded (ms since the epoch): §2c decides which stop events a resume covers. */
  recordedAtMs?: number;
};

/** `walk`: a return-to-run stage-1 session (§2c); it counts for load, never for running distance or §2a running pain. */
export const ACTIVITY_TYPES = ["run", "walk", "bike", "swim", "water_jog", "other"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export type Activity = {
  id: string;
  date: IsoDate;
  type: ActivityType;
  durationSec: number;
  distanceM: number | null;
  /** Session RPE on the CR-10 scale, 0–10. */
  rpe: number;
  painDuring: number | null;
  painAfter: number | null;
  /** §2c: the stage a session was logged against (null or absent: not a stage session). */
  stageId?: string | null;
  outcome?: "completed" | "stopped_early" | null;
  /** Why a stage session was stopped early. */
  stopReason?: "pain" | "other" | null;
  /** The repeat reached when stopped early. */
  stoppedAtRepeat?: number | null;
  /** Running time the interval timer recorded, when it did. */
  runningSec?: number | null;
  /** When it was last recorded (ms since the epoch), for §2c stop events. */
  recordedAtMs?: number;
};

export type ExerciseLog = {
  itemId: string;
  date: IsoDate;
  setsDone: number;
  setsPrescribed: number;
  exercisePain: number | null;
  couldNotFinish: boolean;
  /** When it was stored (ms since the epoch): which step of the item it was done at (progression.ts). */
  loggedAtMs?: number;
};

export type Prescription = {
  weeklyDistanceCapM: number | null;
  longestRunCapM: number | null;
} | null;

export type AthleteStatus = "active" | "return_to_run" | "cleared" | "archived";

export type TrafficLight = "green" | "amber" | "red";

export type DistanceUnit = "km" | "mi";

/** An athlete's raw records; the engine only ever reads them. */
export type AthleteRecords = {
  checkIns: readonly CheckIn[];
  activities: readonly Activity[];
  exerciseLogs?: readonly ExerciseLog[];
};

/**
 * The records indexed by local date, built once per computation (see history.ts) so that every
 * windowed rule is a handful of map look-ups rather than a scan of the whole history.
 */
export type History = {
  checkIns: ReadonlyMap<IsoDate, CheckIn>;
  activities: ReadonlyMap<IsoDate, readonly Activity[]>;
  /** Only check-ins that reported a morning pain value. */
  morningPain: ReadonlyMap<IsoDate, number>;
  /** Its key set is exactly the days that have data (§2a); check-in-only days hold 0. */
  loads: ReadonlyMap<IsoDate, number>;
  runDistance: ReadonlyMap<IsoDate, number>;
  firstDataDate: IsoDate | null;
};

export const ALERT_KINDS = [
  "red_flag",
  "pain_7",
  "running_pain",
  "morning_pain",
  "morning_rise",
  "run_spike",
  "weekly_jump",
  "over_prescription",
  "missed_checkins",
  "ready_to_progress",
  "rtr_ready",
  "rtr_step_down",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ["urgent", "high", "moderate", "good_news"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * The numbers behind an alert's sentence (issue 20), so a program need not parse the reason.
 * Distances in metres, durations in minutes, percentages as numbers (42 = 42%), dates ISO.
 */
export type AlertFacts =
  | { kind: "red_flag"; flag: RedFlag; urgent: boolean }
  | { kind: "pain_7"; threshold: number; scores: { value: number; source: "morning" | "during" | "after" | "exercise"; activityType?: ActivityType }[] }
  | { kind: "running_pain"; threshold: number; activityId: string; pain: number; distanceM: number | null }
  | { kind: "morning_pain"; threshold: number; pain: number }
  | { kind: "morning_rise"; pain: number; baseline: number; rise: number }
  | { kind: "run_spike"; activityId: string; distanceM: number; longestM: number; overPercent: number }
  | { kind: "weekly_jump"; currentM: number; previousM: number; overPercent: number }
  | { kind: "over_prescription"; cap: "weekly"; distanceM: number; capM: number }
  | { kind: "over_prescription"; cap: "longest"; distanceM: number; capM: number; runsOver: number }
  | { kind: "over_prescription"; cap: "stage_sessions"; stageId: string; stageNumber: number; sessions: number; perWeek: number; closeDates: [IsoDate, IsoDate] | null }
  | { kind: "over_prescription"; cap: "stage_length"; stageId: string; stageNumber: number; runningMin: number; limitMin: number }
  | { kind: "missed_checkins"; from: IsoDate; to: IsoDate; lastCheckIn: IsoDate | null }
  | { kind: "ready_to_progress"; itemId: string; exerciseName: string | null }
  | { kind: "rtr_ready"; stageId: string; stageNumber: number; lastStage: boolean; sessionDates: [IsoDate, IsoDate] }
  | { kind: "rtr_step_down"; stageId: string; stageNumber: number; firstStage: boolean; sessionId: string; sessionDate: IsoDate };

export type Alert = {
  kind: AlertKind;
  severity: AlertSeverity;
  flag?: RedFlag;
  activityId?: string;
  itemId?: string;
  /** §2c: the running stage a rtr_* or ladder over_prescription alert is about. */
  stageId?: string;
  date: IsoDate;
  reason: string;
  /** The numbers behind the reason. */
  facts: AlertFacts;
  /**
   * §2d's subject: the flag (red_flag), the activity (run_spike, running_pain), the item
   * (ready_to_progress), the cap "weekly" / "longest" (over_prescription), the stage id (rtr_*),
   * "sessions:<stage id>" / "length:<stage id>" (over_prescription on a running ladder); null otherwise.
   */
  subject: string | null;
  /** Identity (§2d) spelled as kind:subject:date: storing by it makes evaluation replace, never add. */
  dedupeKey: string;
};
