import type { Bundle, Observation } from "@medplum/fhirtypes";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { athletes, users } from "@/db/schema";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { listEpisodes, resolveEpisode, startEpisode } from "@/lib/data/episodes";
import { getFhirEverything } from "@/lib/data/fhir";
import { unresolvedReferences } from "@/lib/domain/fhir/bundle";
import { PAIN_CONTEXT_SYSTEM, PAIN_SEVERITY } from "@/lib/domain/fhir/codes";
import { DEMO_LOGINS, seedDemo } from "@/scripts/seed/demo";
import { fhirSchemaErrors } from "@/tests/fhir-schema";
import { makeClinic } from "@/tests/integration/factories";

/** The FHIR export of the demo's athlete login (Alex Morgan, twelve weeks of history), by staff and by Alex. */
let owner: TrainerScope;
let alex: AthleteScope;
let otherAthleteId: string;

const email = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!.email;
const kinds = (b: Bundle) => (b.entry ?? []).map((e) => e.resource!.resourceType);
const count = (b: Bundle, type: string) => kinds(b).filter((k) => k === type).length;
const pains = (b: Bundle) =>
  (b.entry ?? []).map((e) => e.resource!).filter((r): r is Observation => r.resourceType === "Observation" && r.code.coding?.[0]?.code === PAIN_SEVERITY.code);

describe("the FHIR $everything export of the demo athlete", () => {
  beforeAll(async () => {
    const db = getDb();
    const { clinicId } = await seedDemo(db);
    const [coach] = await db.select().from(users).where(and(eq(users.email, email("Trainer (clinic owner)")), eq(users.clinicId, clinicId)));
    owner = { userId: coach!.id, clinicId, role: "owner" };
    const [row] = await db
      .select({ userId: users.id, athleteId: athletes.id })
      .from(users)
      .innerJoin(athletes, eq(athletes.userId, users.id))
      .where(and(eq(users.email, email("Athlete")), eq(users.clinicId, clinicId)));
    alex = { userId: row!.userId, athleteId: row!.athleteId, clinicId, role: "athlete" };
    const [other] = await db.select({ id: athletes.id }).from(athletes).where(and(eq(athletes.clinicId, clinicId), eq(athletes.name, "Priya Shah")));
    otherAthleteId = other!.id;
    // an earlier episode, resolved with a staff note: in the staff's bundle, never in Alex's
    const [current] = await listEpisodes(owner, alex.athleteId);
    await resolveEpisode(owner, { athleteId: alex.athleteId, episodeId: current!.id, resolvedOn: "2026-09-01", note: "Staff only: resolved after review" });
    await startEpisode(owner, { athleteId: alex.athleteId, condition: "Medial knee pain", side: "right", onsetDate: "2026-09-02" });
  }, 120_000);

  it("staff get a valid R4 searchset with every kind of resource, whose references all resolve", async () => {
    const bundle = await getFhirEverything(owner, alex.athleteId, {});
    expect(bundle.type).toBe("searchset");
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(unresolvedReferences(bundle)).toEqual([]);
    expect(kinds(bundle)[0]).toBe("Patient");
    expect(count(bundle, "Condition")).toBe(2);
    expect(count(bundle, "QuestionnaireResponse")).toBeGreaterThan(30);
    expect(count(bundle, "CarePlan")).toBe(1);
    const contexts = new Set(pains(bundle).map((o) => o.component![0]!.valueCodeableConcept!.coding![0]!.code));
    expect(pains(bundle)[0]!.component![0]!.valueCodeableConcept!.coding![0]!.system).toBe(PAIN_CONTEXT_SYSTEM);
    expect([...contexts].sort()).toEqual(["after-activity", "during-activity", "during-exercise", "morning"]);
    expect(JSON.stringify(bundle)).toContain("Staff only: resolved after review");
    expect(JSON.stringify(bundle)).toContain("Alex Morgan");
  }, 120_000);

  it("Alex gets their own records without the staff's episodes and notes", async () => {
    const staff = await getFhirEverything(owner, alex.athleteId, {});
    const own = await getFhirEverything(alex, alex.athleteId, {});
    expect(fhirSchemaErrors(own)).toEqual([]);
    expect(unresolvedReferences(own)).toEqual([]);
    expect(count(own, "Condition")).toBe(1);
    expect(JSON.stringify(own)).not.toContain("Staff only");
    expect(count(own, "QuestionnaireResponse")).toBe(count(staff, "QuestionnaireResponse"));
    expect(pains(own).length).toBe(pains(staff).length);
    // naming nobody else works: asking for another athlete is not found
    await expect(getFhirEverything(alex, otherAthleteId, {})).rejects.toMatchObject({ code: "not_found" });
  });

  it("another clinic's trainer is told the athlete does not exist", async () => {
    const stranger = await makeClinic("Elsewhere");
    await expect(getFhirEverything(stranger, alex.athleteId, {})).rejects.toMatchObject({ code: "not_found" });
  });

  it("start and end narrow the care dates; _since drops what has not changed since", async () => {
    const all = await getFhirEverything(owner, alex.athleteId, {});
    const dates = (b: Bundle) =>
      (b.entry ?? []).flatMap((e) => (e.resource!.resourceType === "QuestionnaireResponse" ? [(e.resource as { authored: string }).authored] : []));
    const all_ = dates(all).sort();
    const mid = all_[Math.floor(all_.length / 2)]!;
    const firstHalf = await getFhirEverything(owner, alex.athleteId, { end: mid });
    expect(dates(firstHalf).every((d) => d <= mid)).toBe(true);
    expect(dates(firstHalf).length).toBeLessThan(all_.length);
    const oneDay = await getFhirEverything(owner, alex.athleteId, { start: mid, end: mid });
    expect(dates(oneDay)).toEqual([mid]);
    expect(unresolvedReferences(oneDay)).toEqual([]);
    const future = await getFhirEverything(owner, alex.athleteId, { since: new Date(Date.now() + 60_000).toISOString() });
    expect(kinds(future)).toEqual(["Patient"]);
  });
});
