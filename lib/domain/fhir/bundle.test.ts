import type { Observation, QuestionnaireResponse } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { fhirSchemaErrors } from "@/tests/fhir-schema";
import { everythingBundle, inRange, unresolvedReferences, type FhirSource } from "./bundle";
import { EXERCISE_ACTIVITY, EXERCISE_DURATION, PAIN_CONTEXT_SYSTEM, PAIN_SEVERITY } from "./codes";
import { stableUuid } from "./ids";

const noFlags = { clicking: false, locking: false, giving_way: false, swelling: false, night_pain: false, cannot_bear_weight: false, hot_red_fever: false };
const T = "2026-11-20T08:00:00.000Z";

function source(over: Partial<FhirSource> = {}): FhirSource {
  return {
    patient: { id: "11111111-1111-4111-8111-111111111111", name: "Riley Runner", email: "riley@example.com", birthYear: 1998, sportGroup: "XC", injuredSide: "left", condition: "Medial knee pain", onsetDate: "2026-10-01", status: "active", updatedAt: T },
    episodes: [
      { id: "e1", condition: "Pes anserine bursitis", side: "right", onsetDate: "2025-03-01", status: "resolved", resolvedOn: "2025-05-01", resolutionNote: "Back to full training", createdAt: T, updatedAt: T },
      { id: "e2", condition: "Medial knee pain", side: "left", onsetDate: "2026-10-01", status: "active", resolvedOn: null, createdAt: T, updatedAt: T },
    ],
    checkIns: [
      { id: "c1", date: "2026-11-18", morningPain: 3, redFlags: noFlags, updatedAt: T },
      { id: "c2", date: "2026-11-19", morningPain: null, redFlags: { ...noFlags, swelling: true }, updatedAt: T },
    ],
    activities: [{ id: "a1", type: "run", startedAt: "2026-11-19T07:00:00.000Z", date: "2026-11-19", durationSec: 1800, distanceM: 5012.4, rpe: 5, painDuring: 2, painAfter: 4, updatedAt: T }],
    exerciseLogs: [{ id: "l1", date: "2026-11-19", exerciseName: "Clamshell", exercisePain: 1, updatedAt: T }],
    programItems: [
      { id: "p1", exerciseName: "Clamshell", sets: 3, reps: 12, holdSec: null, daysPerWeek: 3, load: "Light band", note: null, status: "active", updatedAt: T },
      { id: "p2", exerciseName: "Side plank", sets: 2, reps: null, holdSec: 30, daysPerWeek: 4, load: null, note: "Knees bent", status: "paused", updatedAt: T },
      { id: "p3", exerciseName: "Removed one", sets: 2, reps: 10, holdSec: null, daysPerWeek: 4, load: null, note: null, status: "removed", updatedAt: T },
    ],
    prescription: { id: "rx", weeklyDistanceM: 20000, longestRunM: 6000, runIntervalSec: 240, walkIntervalSec: 60, note: "Flat routes", createdAt: T },
    ...over,
  };
}

const META = { id: "22222222-2222-4222-8222-222222222222", timestamp: "2026-11-21T10:00:00.000Z" };
const resources = (b: ReturnType<typeof everythingBundle>) => (b.entry ?? []).map((e) => e.resource!);
const ofType = <T>(b: ReturnType<typeof everythingBundle>, type: string) => resources(b).filter((r) => r.resourceType === type) as T[];
const contextOf = (o: Observation) => o.component?.find((c) => c.valueCodeableConcept?.coding?.[0]?.system === PAIN_CONTEXT_SYSTEM)?.valueCodeableConcept?.coding?.[0]?.code;

describe("the FHIR $everything bundle", () => {
  beforeAll(() => void fhirSchemaErrors({ resourceType: "Basic" }), 120_000);
  const bundle = everythingBundle(source(), {}, META);

  it("is valid against the FHIR R4 JSON schema, a searchset whose references all resolve inside it", () => {
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(bundle.type).toBe("searchset");
    expect(unresolvedReferences(bundle)).toEqual([]);
    expect(bundle.entry![0]!.resource!.resourceType).toBe("Patient");
    expect(bundle.entry!.every((e) => e.fullUrl === `urn:uuid:${e.resource!.id}`)).toBe(true);
  });

  it("the schema check does refuse what R4 does not allow", () => {
    expect(fhirSchemaErrors({ ...bundle, type: "pile" })).not.toEqual([]);
    const noStatus = structuredClone(bundle);
    (noStatus.entry![3]!.resource as { valueInteger?: unknown }).valueInteger = "three";
    expect(fhirSchemaErrors(noStatus)).not.toEqual([]);
  });

  it("notices a reference that does not resolve", () => {
    const broken = structuredClone(bundle);
    (broken.entry![1]!.resource as { subject: { reference: string } }).subject.reference = "urn:uuid:nowhere";
    expect(unresolvedReferences(broken)).toEqual(["urn:uuid:nowhere"]);
  });

  it("has a Condition per injury episode, resolved ones with their abatement", () => {
    const conditions = ofType<{ clinicalStatus: { coding: { code: string }[] }; abatementDateTime?: string; code: { text: string } }>(bundle, "Condition");
    expect(conditions.map((c) => [c.code.text, c.clinicalStatus.coding[0]!.code, c.abatementDateTime])).toEqual([
      ["Pes anserine bursitis", "resolved", "2025-05-01"],
      ["Medial knee pain", "active", undefined],
    ]);
  });

  it("has one LOINC 72514-3 Observation per pain score, each saying when it was taken", () => {
    const pains = ofType<Observation>(bundle, "Observation").filter((o) => o.code.coding?.[0]?.code === PAIN_SEVERITY.code);
    expect(pains.map((o) => [contextOf(o), o.valueInteger])).toEqual([
      ["morning", 3],
      ["during-activity", 2],
      ["after-activity", 4],
      ["during-exercise", 1],
    ]);
    const after = pains.find((o) => contextOf(o) === "after-activity")!;
    expect(after.effectiveDateTime).toBe("2026-11-19T07:30:00.000Z");
  });

  it("has an activity Observation with the Physical Activity IG codes, distance and session RPE, and its pain scores as members", () => {
    const [run] = ofType<Observation>(bundle, "Observation").filter((o) => o.code.coding?.[0]?.code === EXERCISE_ACTIVITY.code);
    expect(run!.valueCodeableConcept!.text).toBe("Run");
    expect(run!.component!.find((c) => c.code.coding![0]!.code === EXERCISE_DURATION.code)!.valueQuantity).toMatchObject({ value: 30, code: "min" });
    expect(run!.component!.find((c) => c.code.coding![0]!.code === "distance")!.valueQuantity).toMatchObject({ value: 5012, code: "m" });
    expect(run!.component!.find((c) => c.code.coding![0]!.code === "session-rpe")!.valueInteger).toBe(5);
    expect(run!.hasMember).toHaveLength(2);
  });

  it("has a QuestionnaireResponse per check-in with the seven red-flag answers", () => {
    const [first, second] = ofType<QuestionnaireResponse>(bundle, "QuestionnaireResponse");
    expect(first!.item).toHaveLength(7);
    expect(second!.item!.filter((i) => i.answer![0]!.valueBoolean).map((i) => i.linkId)).toEqual(["swelling"]);
  });

  it("has the current program as a CarePlan: active and paused exercises and the running limits, not removed ones", () => {
    const [plan] = ofType<{ activity: { detail: { code: { text: string }; status: string; description: string } }[]; addresses: unknown[] }>(bundle, "CarePlan");
    expect(plan!.activity.map((a) => [a.detail.code.text, a.detail.status])).toEqual([
      ["Clamshell", "in-progress"],
      ["Side plank", "on-hold"],
      ["Running", "in-progress"],
    ]);
    expect(plan!.activity[0]!.detail.description).toBe("3 × 12, 3 days a week. Light band");
    expect(plan!.activity[2]!.detail.description).toBe("Up to 20 km a week, longest run 6 km, run 240 s / walk 60 s. Flat routes");
    expect(plan!.addresses).toHaveLength(1);
  });

  it("an athlete's own bundle has the profile's condition instead of the staff's episodes", () => {
    const own = everythingBundle(source({ episodes: null }), {}, META);
    expect(fhirSchemaErrors(own)).toEqual([]);
    const conditions = ofType<{ code: { text: string }; note?: unknown }>(own, "Condition");
    expect(conditions.map((c) => c.code.text)).toEqual(["Medial knee pain"]);
    expect(JSON.stringify(own)).not.toContain("Back to full training");
  });

  it("keeps ids stable across exports", () => {
    expect(everythingBundle(source(), {}, META)).toEqual(bundle);
    expect(stableUuid("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("start and end select care dates; _since selects records changed since", () => {
    expect(inRange({ start: "2026-11-19", end: "2026-11-19" }, "2026-11-18", T)).toBe(false);
    expect(inRange({ start: "2026-11-19", end: "2026-11-19" }, "2026-11-19", T)).toBe(true);
    expect(inRange({ since: "2026-11-20T08:00:01Z" }, "2026-11-19", T)).toBe(false);
    const ranged = everythingBundle(source(), { start: "2026-11-19" }, META);
    expect(ofType<QuestionnaireResponse>(ranged, "QuestionnaireResponse")).toHaveLength(1);
    const since = everythingBundle(source(), { since: "2026-11-21T00:00:00Z" }, META);
    expect(resources(since).map((r) => r.resourceType)).toEqual(["Patient"]);
    expect(unresolvedReferences(ranged)).toEqual([]);
  });
});
