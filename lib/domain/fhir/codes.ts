/**
 * The code systems the FHIR export uses. Standard codes where one exists:
 * - LOINC 72514-3 for a pain score (0–10 numeric rating, reported);
 * - LOINC 73985-4 "Exercise activity" and 55411-3 "Exercise duration", the two codes of the HL7 US
 *   Physical Activity IG (1.0.0, value set pa-observation-code-activity) that fit one logged
 *   session; that IG defines no code for distance or session RPE;
 * - FHIR's own observation-category, condition-clinical and condition-ver-status; UCUM units.
 * Where no standard code says what we record (when a pain score was taken, distance and session
 * RPE of one session, our activity types, the morning check-in questions) the codes are ours,
 * under STRIDE_FHIR_BASE. That base is a placeholder until the clinic publishes a domain of its own.
 */
export const STRIDE_FHIR_BASE = "https://stride-clinic.example/fhir";

export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
export const CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
export const CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

/** Our code systems (no standard code fits). */
export const PAIN_CONTEXT_SYSTEM = `${STRIDE_FHIR_BASE}/CodeSystem/pain-context`;
export const OBSERVATION_COMPONENT_SYSTEM = `${STRIDE_FHIR_BASE}/CodeSystem/observation-component`;
export const ACTIVITY_TYPE_SYSTEM = `${STRIDE_FHIR_BASE}/CodeSystem/activity-type`;
export const MORNING_CHECK_IN_QUESTIONNAIRE = `${STRIDE_FHIR_BASE}/Questionnaire/morning-check-in`;

export const PAIN_SEVERITY = { system: LOINC, code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" } as const;
export const EXERCISE_ACTIVITY = { system: LOINC, code: "73985-4", display: "Exercise activity" } as const;
export const EXERCISE_DURATION = { system: LOINC, code: "55411-3", display: "Exercise duration" } as const;

export const PAIN_CONTEXT_COMPONENT = { system: OBSERVATION_COMPONENT_SYSTEM, code: "pain-context", display: "When the pain score was taken" } as const;
export const DISTANCE_COMPONENT = { system: OBSERVATION_COMPONENT_SYSTEM, code: "distance", display: "Distance covered in the session" } as const;
export const SESSION_RPE_COMPONENT = { system: OBSERVATION_COMPONENT_SYSTEM, code: "session-rpe", display: "Session RPE (CR-10, 0-10)" } as const;

export type PainContext = "morning" | "during-activity" | "after-activity" | "during-exercise";
export const PAIN_CONTEXT_DISPLAY: Record<PainContext, string> = {
  morning: "On waking (morning check-in)",
  "during-activity": "During an activity",
  "after-activity": "After an activity",
  "during-exercise": "During a program exercise",
};
