import "server-only";
import type { ActivityRow, Alert, Athlete, CheckIn, ClinicalNote, ExerciseLogRow, InjuryEpisode, ProgramItem, ProgramItemEvent, RunningPrescription, Shoe, StageAssignmentRow } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import type { ActivityView } from "./activities";
import type { AlertView } from "./alerts";
import type { AthleteProfile } from "./athletes";
import type { CheckInView } from "./check-ins";
import type { ExerciseLogView } from "./exercise-logs";
import type { ProgramEventView, ProgramItemView } from "./programs";
import type { PrescriptionView } from "./prescriptions";
import type { ReturnToRunView } from "./return-to-run";
import type { ShoeView } from "./shoes";

/**
 * What an athlete may see (DESIGN "What an athlete sees"): for each record type, every field of its
 * table and of the views built from it, marked "athlete" or "staff". It is an allow-list: only the
 * fields marked "athlete" reach an athlete (pages, /api/v1 answers, the self-service export);
 * a field not declared here is dropped. `satisfies Declared<…>` makes a new column of a declared
 * table a type error until someone decides who sees it.
 *
 * The rule: an athlete sees what they entered, what the clinic tells them to do (the dosage and
 * prescription notes are instructions written for them), and what the app derived from their
 * data. Staff see, in addition, their own working text (the profile note, alert notes, the reasons
 * they give for a change) and the app's bookkeeping (clinic and staff ids, evaluation markers).
 * Staff answers are never filtered.
 */
type Audience = "athlete" | "staff";
type Declared<K extends PropertyKey> = { readonly [P in K]: Audience };

type StageHistoryEntry = ReturnToRunView["history"][number];

const athlete = {
  id: "athlete",
  clinicId: "staff",
  userId: "staff",
  name: "athlete",
  email: "athlete",
  sportGroup: "athlete",
  birthYear: "athlete",
  injuredSide: "athlete",
  condition: "athlete",
  onsetDate: "athlete",
  status: "athlete",
  statusBeforeArchive: "staff",
  trainerId: "staff",
  trainerName: "athlete",
  timeZone: "athlete",
  effectiveTimeZone: "athlete",
  hasLogin: "athlete",
  // the trainer's free-text note on the profile: written for colleagues, not for the athlete
  notes: "staff",
  rtrMayStepUp: "athlete",
  dataVersion: "staff",
  seriesFrom: "staff",
  seriesThrough: "staff",
  seriesTimeZone: "staff",
  seriesVersion: "staff",
  evaluatedThrough: "staff",
  alertsFrom: "staff",
  createdAt: "athlete",
  updatedAt: "athlete",
} as const satisfies Declared<keyof Athlete | keyof AthleteProfile>;

const alert = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  athleteName: "athlete",
  kind: "athlete",
  severity: "athlete",
  flag: "athlete",
  subjectId: "athlete",
  subject: "athlete",
  groupStart: "athlete",
  retiredAt: "athlete",
  // written by the app ("no longer applies: the check-in of … was changed")
  retiredReason: "athlete",
  date: "athlete",
  // written by the app from the athlete's own data
  reason: "athlete",
  dedupeKey: "staff",
  status: "athlete",
  acknowledgedBy: "staff",
  acknowledgedAt: "athlete",
  resolvedBy: "staff",
  resolvedAt: "athlete",
  // the acknowledge/resolve notes, and the reason of a step that resolved it: staff text
  note: "staff",
  // the numbers behind the reason the athlete already reads
  facts: "athlete",
  // the staff-only injury episode it happened in (DESIGN §2f)
  episodeId: "staff",
  createdAt: "athlete",
  updatedAt: "athlete",
} as const satisfies Declared<keyof Alert | keyof AlertView>;

const checkIn = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  date: "athlete",
  morningPain: "athlete",
  redFlags: "athlete",
  clicking: "athlete",
  locking: "athlete",
  givingWay: "athlete",
  swelling: "athlete",
  nightPain: "athlete",
  cannotBearWeight: "athlete",
  hotRedFever: "athlete",
  tapeYesterday: "athlete",
  // part of the athlete's report, whoever typed it in
  note: "athlete",
  clientId: "athlete",
  recordedBy: "staff",
  createdAt: "athlete",
  updatedAt: "athlete",
} as const satisfies Declared<keyof CheckIn | keyof CheckInView>;

const activity = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  type: "athlete",
  startedAt: "athlete",
  date: "athlete",
  durationSec: "athlete",
  movingSec: "athlete",
  distanceM: "athlete",
  rpe: "athlete",
  painDuring: "athlete",
  painAfter: "athlete",
  shoeId: "athlete",
  shoeName: "athlete",
  // part of the athlete's log, whoever typed it in
  note: "athlete",
  source: "athlete",
  fileName: "athlete",
  clientId: "athlete",
  recordedBy: "staff",
  stageId: "athlete",
  sessionOutcome: "athlete",
  stoppedAtRepeat: "athlete",
  stopReason: "athlete",
  runningSec: "athlete",
  archivedAt: "athlete",
  createdAt: "athlete",
  updatedAt: "athlete",
} as const satisfies Declared<keyof ActivityRow | keyof ActivityView>;

const exerciseLog = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  programItemId: "athlete",
  exerciseName: "athlete",
  date: "athlete",
  setsDone: "athlete",
  setsPrescribed: "athlete",
  exercisePain: "athlete",
  couldNotFinish: "athlete",
  clientId: "athlete",
  recordedBy: "staff",
  archivedAt: "athlete",
  createdAt: "athlete",
  updatedAt: "athlete",
} as const satisfies Declared<keyof ExerciseLogRow | keyof ExerciseLogView>;

const programItem = {
  id: "athlete",
  clinicId: "staff",
  programId: "staff",
  athleteId: "athlete",
  exerciseId: "athlete",
  exerciseName: "athlete",
  region: "athlete",
  howTo: "athlete",
  cues: "athlete",
  equipment: "athlete",
  sets: "athlete",
  reps: "athlete",
  holdSec: "athlete",
  daysPerWeek: "athlete",
  load: "athlete",
  // the dosage note is an instruction to the athlete (shown on Today, My program, the print-out)
  note: "athlete",
  status: "athlete",
  position: "staff",
  ladder: "athlete",
  // what one click of the trainer's Progress/Regress would do
  progress: "staff",
  regress: "staff",
  // stretch or strength, and whether the dosage is per side: how to do it
  kind: "athlete",
  perSide: "athlete",
  createdAt: "athlete",
  updatedAt: "athlete",
} as const satisfies Declared<keyof ProgramItem | keyof ProgramItemView>;

const programEvent = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  itemId: "athlete",
  kind: "athlete",
  actorId: "staff",
  actorName: "athlete",
  // why the trainer changed the program: their clinical reasoning, staff text
  reason: "staff",
  episodeId: "staff",
  fromExerciseId: "athlete",
  toExerciseId: "athlete",
  fromExercise: "athlete",
  toExercise: "athlete",
  fromStep: "athlete",
  toStep: "athlete",
  // dosage snapshots: sets, reps, hold, days, load and the dosage note (all instructions)
  before: "athlete",
  after: "athlete",
  at: "athlete",
  createdAt: "athlete",
} as const satisfies Declared<keyof ProgramItemEvent | keyof ProgramEventView>;

const prescription = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  weeklyDistanceM: "athlete",
  longestRunM: "athlete",
  runIntervalSec: "athlete",
  walkIntervalSec: "athlete",
  // shown to the athlete with their running limits: an instruction
  note: "athlete",
  setBy: "staff",
  setByName: "athlete",
  setAt: "athlete",
  createdAt: "athlete",
  episodeId: "staff",
} as const satisfies Declared<keyof RunningPrescription | keyof PrescriptionView>;

const shoe = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  name: "athlete",
  reminderM: "athlete",
  distanceM: "athlete",
  retiredAt: "athlete",
  retired: "athlete",
  due: "athlete",
  clientId: "athlete",
  createdAt: "athlete",
  updatedAt: "athlete",
} as const satisfies Declared<keyof Shoe | keyof ShoeView>;

const stageAssignment = {
  id: "athlete",
  clinicId: "staff",
  athleteId: "athlete",
  ladderId: "athlete",
  stageId: "athlete",
  date: "athlete",
  kind: "athlete",
  byTrainer: "athlete",
  madeBy: "staff",
  madeByName: "athlete",
  // a trainer's reason for setting, stepping or ending the plan is staff text (an athlete's own
  // step reads "stepped up by the athlete", which kind and byTrainer already say)
  reason: "staff",
  fromStageNumber: "athlete",
  toStageNumber: "athlete",
  at: "athlete",
  createdAt: "athlete",
} as const satisfies Declared<keyof StageAssignmentRow | keyof StageHistoryEntry>;

/**
 * The clinical record (DESIGN §2f) is the staff's: an athlete sees no field of an injury episode
 * (the profile's condition, side and onset are the same facts) and none of a clinical note. Their
 * reads take a trainer scope; this declaration keeps them out should a path to an athlete appear.
 */
const injuryEpisode = {
  id: "staff",
  clinicId: "staff",
  athleteId: "staff",
  condition: "staff",
  side: "staff",
  onsetDate: "staff",
  status: "staff",
  resolvedOn: "staff",
  resolutionNote: "staff",
  openedBy: "staff",
  resolvedBy: "staff",
  createdAt: "staff",
  updatedAt: "staff",
} as const satisfies Declared<keyof InjuryEpisode>;

const clinicalNote = {
  id: "staff",
  clinicId: "staff",
  athleteId: "staff",
  authorId: "staff",
  body: "staff",
  alertId: "staff",
  programEventId: "staff",
  episodeId: "staff",
  correctsNoteId: "staff",
  editedAt: "staff",
  archivedAt: "staff",
  createdAt: "staff",
  updatedAt: "staff",
} as const satisfies Declared<keyof ClinicalNote>;

export const ATHLETE_VISIBILITY = { athlete, alert, checkIn, activity, exerciseLog, programItem, programEvent, prescription, shoe, stageAssignment, injuryEpisode, clinicalNote } as const;

export type RecordKind = keyof typeof ATHLETE_VISIBILITY;

/** The fields of one record type an athlete may see. */
export function athleteFields(kind: RecordKind): string[] {
  return Object.entries(ATHLETE_VISIBILITY[kind])
    .filter(([, who]) => who === "athlete")
    .map(([field]) => field);
}

const allowed = Object.fromEntries(Object.keys(ATHLETE_VISIBILITY).map((k) => [k, new Set(athleteFields(k as RecordKind))])) as Record<RecordKind, Set<string>>;

/**
 * The record as an athlete may see it: only the fields declared "athlete", in their order in the
 * row. The type stays T so that code shared with staff keeps one type; the fields removed are
 * absent at run time (athlete-facing code reads only declared fields; e2e/athlete-visibility.spec.ts
 * and lib/data/visibility.int.test.ts check that nothing staff-only gets through).
 */
export function athleteView<T extends object>(kind: RecordKind, row: T): T {
  const keep = allowed[kind];
  return Object.fromEntries(Object.entries(row).filter(([field]) => keep.has(field))) as T;
}

/** For an athlete, athleteView of the record; for staff, the record unchanged. */
export function visibleTo<T extends object>(scope: Scope, kind: RecordKind, row: T): T {
  return scope.role === "athlete" ? athleteView(kind, row) : row;
}

export function visibleAllTo<T extends object>(scope: Scope, kind: RecordKind, rows: T[]): T[] {
  return scope.role === "athlete" ? rows.map((r) => athleteView(kind, r)) : rows;
}
