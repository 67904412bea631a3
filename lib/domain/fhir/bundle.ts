import type { Bundle, BundleEntry, CarePlan, CarePlanActivity, Condition, Observation, ObservationComponent, Patient, QuestionnaireResponse, Reference, Resource } from "@medplum/fhirtypes";
import { RED_FLAG_LABELS } from "../red-flags";
import { RED_FLAGS, type RedFlag } from "../types";
import {
  ACTIVITY_TYPE_SYSTEM,
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  DISTANCE_COMPONENT,
  EXERCISE_ACTIVITY,
  EXERCISE_DURATION,
  MORNING_CHECK_IN_QUESTIONNAIRE,
  OBSERVATION_CATEGORY,
  PAIN_CONTEXT_COMPONENT,
  PAIN_CONTEXT_DISPLAY,
  PAIN_CONTEXT_SYSTEM,
  PAIN_SEVERITY,
  SESSION_RPE_COMPONENT,
  UCUM,
  type PainContext,
} from "./codes";
import { stableUuid } from "./ids";

/**
 * Patient/$everything as a FHIR R4 Bundle, from plain rows (lib/data/fhir.ts loads them for the
 * caller, already cut to what the caller may see). Type "searchset", as the $everything operation
 * defines its answer: the Patient is the match, everything else is included with it. Every
 * resource's fullUrl is urn:uuid:<its id> and every reference points at such a fullUrl, so the
 * bundle is self-contained: a receiving system resolves references without calling us back.
 */

export type Side = "left" | "right" | "both" | null;

export type FhirPatientRow = {
  id: string;
  name: string;
  email: string | null;
  birthYear: number | null;
  sportGroup: string | null;
  injuredSide: Side;
  condition: string;
  onsetDate: string | null;
  status: string;
  updatedAt: string;
};
export type FhirEpisodeRow = {
  id: string;
  condition: string;
  side: Side;
  onsetDate: string | null;
  status: "active" | "resolved";
  resolvedOn: string | null;
  /** staff text: present only in a staff export */
  resolutionNote?: string | null;
  createdAt: string;
  updatedAt: string;
};
export type FhirCheckInRow = { id: string; date: string; morningPain: number | null; redFlags: Record<RedFlag, boolean>; updatedAt: string };
export type FhirActivityRow = {
  id: string;
  type: string;
  startedAt: string;
  date: string;
  durationSec: number;
  distanceM: number | null;
  rpe: number;
  painDuring: number | null;
  painAfter: number | null;
  updatedAt: string;
};
export type FhirExerciseLogRow = { id: string; date: string; exerciseName: string; exercisePain: number | null; updatedAt: string };
export type FhirProgramItemRow = {
  id: string;
  exerciseName: string;
  sets: number;
  reps: number | null;
  holdSec: number | null;
  daysPerWeek: number;
  load: string | null;
  note: string | null;
  status: "active" | "paused" | "removed";
  updatedAt: string;
};
export type FhirPrescriptionRow = { id: string; weeklyDistanceM: number; longestRunM: number; runIntervalSec: number | null; walkIntervalSec: number | null; note: string | null; createdAt: string };

export type FhirSource = {
  patient: FhirPatientRow;
  /** the staff-only injury episodes; null for an athlete's own export, who gets the profile's condition instead */
  episodes: FhirEpisodeRow[] | null;
  checkIns: FhirCheckInRow[];
  activities: FhirActivityRow[];
  exerciseLogs: FhirExerciseLogRow[];
  programItems: FhirProgramItemRow[];
  prescription: FhirPrescriptionRow | null;
};

/** FHIR's date-range parameters of $everything: start/end are care dates, _since a record's last change. */
export type FhirRange = { start?: string; end?: string; since?: string };

const ACTIVITY_LABEL: Record<string, string> = { run: "Run", walk: "Walk", bike: "Bike", swim: "Swim", water_jog: "Water jogging", other: "Other activity" };
const SIDE_TEXT: Record<string, string> = { left: "left knee", right: "right knee", both: "both knees" };

const ref = <T extends Resource = Resource>(id: string, display?: string): Reference<T> => ({ reference: `urn:uuid:${id}`, ...(display ? { display } : {}) });
const addSeconds = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** Care dates within start…end (both included), and changed at or after _since. */
export function inRange(range: FhirRange, careDate: string | null, changedAt: string): boolean {
  if (range.since && Date.parse(changedAt) < Date.parse(range.since)) return false;
  if (careDate === null) return true;
  if (range.start && careDate < range.start) return false;
  if (range.end && careDate > range.end) return false;
  return true;
}

export function patientResource(p: FhirPatientRow): Patient {
  return {
    resourceType: "Patient",
    id: p.id,
    meta: { lastUpdated: p.updatedAt },
    active: p.status !== "archived",
    name: [{ text: p.name }],
    ...(p.email ? { telecom: [{ system: "email", value: p.email }] } : {}),
    ...(p.birthYear ? { birthDate: String(p.birthYear) } : {}),
  };
}

export function episodeCondition(e: FhirEpisodeRow, patientId: string): Condition {
  return {
    resourceType: "Condition",
    id: stableUuid(`episode:${e.id}`),
    meta: { lastUpdated: e.updatedAt },
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: e.status === "resolved" ? "resolved" : "active" }] },
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: "confirmed" }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: "problem-list-item", display: "Problem List Item" }] }],
    code: { text: e.condition },
    ...(e.side ? { bodySite: [{ text: SIDE_TEXT[e.side] }] } : {}),
    subject: ref(patientId),
    ...(e.onsetDate ? { onsetDateTime: e.onsetDate } : {}),
    ...(e.resolvedOn ? { abatementDateTime: e.resolvedOn } : {}),
    recordedDate: e.createdAt,
    ...(e.resolutionNote ? { note: [{ text: e.resolutionNote }] } : {}),
  };
}

/** The athlete's own export: the profile's condition, side and onset (the facts they see), not the staff's episodes. */
export function profileCondition(p: FhirPatientRow): Condition {
  return {
    resourceType: "Condition",
    id: stableUuid(`profile-condition:${p.id}`),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: p.status === "cleared" ? "resolved" : "active" }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: "problem-list-item", display: "Problem List Item" }] }],
    code: { text: p.condition },
    ...(p.injuredSide ? { bodySite: [{ text: SIDE_TEXT[p.injuredSide] }] } : {}),
    subject: ref(p.id),
    ...(p.onsetDate ? { onsetDateTime: p.onsetDate } : {}),
  };
}

export function painObservation(args: {
  key: string;
  patientId: string;
  score: number;
  context: PainContext;
  effective: { dateTime: string } | { start: string; end: string };
  changedAt: string;
  derivedFrom?: string;
  note?: string;
}): Observation {
  const { key, patientId, score, context, effective } = args;
  return {
    resourceType: "Observation",
    id: stableUuid(`pain:${key}`),
    meta: { lastUpdated: args.changedAt },
    status: "final",
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: "survey", display: "Survey" }] }],
    code: { coding: [{ ...PAIN_SEVERITY }], text: "Knee pain (0-10)" },
    subject: ref(patientId),
    ...("dateTime" in effective ? { effectiveDateTime: effective.dateTime } : { effectivePeriod: { start: effective.start, end: effective.end } }),
    valueInteger: score,
    component: [
      {
        code: { coding: [{ ...PAIN_CONTEXT_COMPONENT }] },
        valueCodeableConcept: { coding: [{ system: PAIN_CONTEXT_SYSTEM, code: context, display: PAIN_CONTEXT_DISPLAY[context] }], text: PAIN_CONTEXT_DISPLAY[context] },
      },
    ],
    ...(args.derivedFrom ? { derivedFrom: [ref(args.derivedFrom)] } : {}),
    ...(args.note ? { note: [{ text: args.note }] } : {}),
  };
}

export function checkInResponse(c: FhirCheckInRow, patientId: string): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    id: stableUuid(`check-in:${c.id}`),
    meta: { lastUpdated: c.updatedAt },
    questionnaire: MORNING_CHECK_IN_QUESTIONNAIRE,
    status: "completed",
    subject: ref(patientId),
    authored: c.date,
    item: RED_FLAGS.map((flag) => ({ linkId: flag, text: `Since yesterday: ${RED_FLAG_LABELS[flag]}?`, answer: [{ valueBoolean: c.redFlags[flag] === true }] })),
  };
}

/** One logged session, and its pain scores (members of it). */
export function activityObservations(a: FhirActivityRow, patientId: string): Observation[] {
  const end = addSeconds(a.startedAt, a.durationSec);
  const pains: Observation[] = [];
  if (a.painDuring !== null && a.painDuring !== undefined) {
    pains.push(painObservation({ key: `activity-during:${a.id}`, patientId, score: a.painDuring, context: "during-activity", effective: { start: a.startedAt, end }, changedAt: a.updatedAt }));
  }
  if (a.painAfter !== null && a.painAfter !== undefined) {
    pains.push(painObservation({ key: `activity-after:${a.id}`, patientId, score: a.painAfter, context: "after-activity", effective: { dateTime: end }, changedAt: a.updatedAt }));
  }
  const label = ACTIVITY_LABEL[a.type] ?? a.type;
  const component: ObservationComponent[] = [
    { code: { coding: [{ ...EXERCISE_DURATION }] }, valueQuantity: { value: Math.round((a.durationSec / 60) * 100) / 100, unit: "min", system: UCUM, code: "min" } },
  ];
  if (a.distanceM !== null && a.distanceM !== undefined) {
    component.push({ code: { coding: [{ ...DISTANCE_COMPONENT }] }, valueQuantity: { value: Math.round(a.distanceM), unit: "m", system: UCUM, code: "m" } });
  }
  component.push({ code: { coding: [{ ...SESSION_RPE_COMPONENT }] }, valueInteger: a.rpe });
  const session: Observation = {
    resourceType: "Observation",
    id: stableUuid(`activity:${a.id}`),
    meta: { lastUpdated: a.updatedAt },
    status: "final",
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: "activity", display: "Activity" }] }],
    code: { coding: [{ ...EXERCISE_ACTIVITY }], text: label },
    subject: ref(patientId),
    effectivePeriod: { start: a.startedAt, end },
    valueCodeableConcept: { coding: [{ system: ACTIVITY_TYPE_SYSTEM, code: a.type, display: label }], text: label },
    component,
    ...(pains.length ? { hasMember: pains.map((p) => ref(p.id!)) } : {}),
  };
  return [session, ...pains];
}

const km = (m: number) => `${Math.round(m / 100) / 10} km`;

function dosageText(i: FhirProgramItemRow): string {
  const each = i.reps !== null ? `${i.sets} × ${i.reps}` : `${i.sets} × ${i.holdSec} s hold`;
  return [`${each}, ${i.daysPerWeek} day${i.daysPerWeek === 1 ? "" : "s"} a week`, i.load, i.note].filter(Boolean).join(". ");
}

export function carePlan(args: { patientId: string; items: FhirProgramItemRow[]; prescription: FhirPrescriptionRow | null; conditionIds: string[] }): CarePlan | null {
  const items = args.items.filter((i) => i.status !== "removed");
  if (!items.length && !args.prescription) return null;
  const activity: CarePlanActivity[] = items.map((i) => ({
    detail: {
      kind: "ServiceRequest",
      code: { text: i.exerciseName },
      status: i.status === "paused" ? "on-hold" : "in-progress",
      description: dosageText(i),
      scheduledTiming: { repeat: { frequency: i.daysPerWeek, period: 1, periodUnit: "wk" } },
    },
  }));
  const rx = args.prescription;
  if (rx) {
    const intervals = rx.runIntervalSec && rx.walkIntervalSec ? `, run ${rx.runIntervalSec} s / walk ${rx.walkIntervalSec} s` : "";
    activity.push({
      detail: {
        code: { text: "Running" },
        status: "in-progress",
        description: [`Up to ${km(rx.weeklyDistanceM)} a week, longest run ${km(rx.longestRunM)}${intervals}`, rx.note].filter(Boolean).join(". "),
      },
    });
  }
  const changed = [...items.map((i) => i.updatedAt), ...(rx ? [rx.createdAt] : [])].sort().at(-1)!;
  return {
    resourceType: "CarePlan",
    id: stableUuid(`care-plan:${args.patientId}`),
    meta: { lastUpdated: changed },
    status: "active",
    intent: "plan",
    title: "Current program",
    description: "The home exercise program and running limits set by the athlete's trainer.",
    subject: ref(args.patientId),
    ...(args.conditionIds.length ? { addresses: args.conditionIds.map((id) => ref(id)) } : {}),
    activity,
  };
}

/** The whole bundle. `id` and `timestamp` come from the caller so this stays a pure function. */
export function everythingBundle(source: FhirSource, range: FhirRange, meta: { id: string; timestamp: string }): Bundle {
  const pid = source.patient.id;
  const resources: Resource[] = [];

  const conditions = source.episodes
    ? source.episodes.filter((e) => inRange({ since: range.since }, null, e.updatedAt)).map((e) => episodeCondition(e, pid))
    : [profileCondition(source.patient)];
  resources.push(...conditions);
  const activeConditions = conditions.filter((c) => c.clinicalStatus?.coding?.[0]?.code === "active").map((c) => c.id!);

  for (const c of source.checkIns) {
    if (!inRange(range, c.date, c.updatedAt)) continue;
    const response = checkInResponse(c, pid);
    resources.push(response);
    if (c.morningPain !== null && c.morningPain !== undefined) {
      resources.push(painObservation({ key: `check-in:${c.id}`, patientId: pid, score: c.morningPain, context: "morning", effective: { dateTime: c.date }, changedAt: c.updatedAt, derivedFrom: response.id }));
    }
  }
  for (const a of source.activities) if (inRange(range, a.date, a.updatedAt)) resources.push(...activityObservations(a, pid));
  for (const l of source.exerciseLogs) {
    if (l.exercisePain === null || l.exercisePain === undefined || !inRange(range, l.date, l.updatedAt)) continue;
    resources.push(painObservation({ key: `exercise-log:${l.id}`, patientId: pid, score: l.exercisePain, context: "during-exercise", effective: { dateTime: l.date }, changedAt: l.updatedAt, note: `Exercise: ${l.exerciseName}` }));
  }
  const plan = carePlan({ patientId: pid, items: source.programItems, prescription: source.prescription, conditionIds: activeConditions });
  if (plan && inRange({ since: range.since }, null, plan.meta!.lastUpdated!)) resources.push(plan);

  const entry: BundleEntry[] = [
    { fullUrl: `urn:uuid:${pid}`, resource: patientResource(source.patient), search: { mode: "match" } },
    ...resources.map((r): BundleEntry => ({ fullUrl: `urn:uuid:${r.id}`, resource: r, search: { mode: "include" } })),
  ];
  return { resourceType: "Bundle", id: meta.id, meta: { lastUpdated: meta.timestamp }, type: "searchset", timestamp: meta.timestamp, total: 1, entry };
}

/** Every reference in a bundle that does not resolve to an entry's fullUrl (empty when self-contained). */
export function unresolvedReferences(bundle: Bundle): string[] {
  const fullUrls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const missing: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "reference" && typeof v === "string" && !fullUrls.has(v)) missing.push(v);
        else walk(v);
      }
    }
  };
  for (const e of bundle.entry ?? []) walk(e.resource);
  return missing;
}
