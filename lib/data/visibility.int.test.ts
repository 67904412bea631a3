import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts } from "@/db/schema";
import { listActivities, recordActivity } from "@/lib/data/activities";
import { acknowledgeAlert, listAlerts } from "@/lib/data/alerts";
import { getAthlete, updateAthlete } from "@/lib/data/athletes";
import { recordCheckIn } from "@/lib/data/check-ins";
import { exportAthleteData, exportClinicData } from "@/lib/data/export";
import { listPrescriptions, setRunningPrescription } from "@/lib/data/prescriptions";
import { addProgramItem, getProgram, listProgramHistory, stepItem, updateItemDosage } from "@/lib/data/programs";
import { getReturnToRun, startReturnToRun } from "@/lib/data/return-to-run";
import { getAthleteStatus } from "@/lib/data/series";
import { listShoes } from "@/lib/data/shoes";
import { ATHLETE_VISIBILITY, athleteFields, athleteView, visibleTo, type RecordKind } from "@/lib/data/visibility";
import { todayIn } from "@/lib/domain/dates";
import { datasetToCsv } from "@/lib/export-files";
import { activitySchema, checkInSchema } from "@/lib/validation/reporting";
import { BUILT_IN_RUN_LADDER, builtinExercise, builtInStage, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

// one marker per staff-only text; none may reach the athlete, all reach the staff
const MARK = {
  profile: "STAFFONLY-profile-note",
  dosageReason: "STAFFONLY-dosage-reason",
  stepReason: "STAFFONLY-step-reason",
  ack: "STAFFONLY-alert-ack",
  openNote: "STAFFONLY-open-alert-note",
  rtr: "STAFFONLY-rtr-reason",
};

describe("the declaration", () => {
  it("is an allow-list: a field nobody declared never reaches an athlete", () => {
    const row = { id: "a", name: "Ann", notes: "x", somethingNew: "y" };
    expect(athleteView("athlete", row)).toEqual({ id: "a", name: "Ann" });
    const trainer = { userId: "u", clinicId: "c", role: "trainer" as const };
    expect(visibleTo(trainer, "athlete", row)).toBe(row);
  });

  it("keeps the staff's own text from the athlete and the instructions written for them", () => {
    const staff = (kind: RecordKind, field: string) => !athleteFields(kind).includes(field);
    expect(staff("athlete", "notes")).toBe(true);
    expect(staff("alert", "note")).toBe(true);
    expect(staff("programEvent", "reason")).toBe(true);
    expect(staff("stageAssignment", "reason")).toBe(true);
    // what the athlete is told to do, and what they wrote themselves
    expect(staff("programItem", "note")).toBe(false);
    expect(staff("prescription", "note")).toBe(false);
    expect(staff("checkIn", "note")).toBe(false);
    expect(staff("activity", "note")).toBe(false);
    // every field of every kind is a decision, and the app's bookkeeping is never the athlete's
    for (const kind of Object.keys(ATHLETE_VISIBILITY) as RecordKind[]) {
      for (const who of Object.values(ATHLETE_VISIBILITY[kind])) expect(["athlete", "staff"]).toContain(who);
      if ("clinicId" in ATHLETE_VISIBILITY[kind]) expect(staff(kind, "clinicId"), kind).toBe(true);
    }
  });
});

describe("what an athlete sees through the data layer", () => {
  beforeAll(ensureLibrary);

  it("no staff-only text in any read or in the self-service export; everything in the owner's", async () => {
    const clinic = await makeClinic("Visibility");
    const me = await makeAthlete(clinic, "Vis Athlete");
    const today = todayIn("Europe/London");

    await updateAthlete(clinic, me.athleteId, { notes: MARK.profile });
    const { id: itemId } = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 12, daysPerWeek: 3, note: "Knee over toe" });
    const stepped = await stepItem(clinic, { itemId, direction: "progress", reason: MARK.stepReason });
    await updateItemDosage(clinic, stepped.id, { sets: 3, reps: 15, daysPerWeek: 3, note: "Knee over toe" }, MARK.dosageReason);
    await setRunningPrescription(clinic, { athleteId: me.athleteId, unit: "km", weeklyDistance: 20, longestRun: 6, note: "Flat routes only" });
    await recordCheckIn(me, checkInSchema.parse({ morningPain: 8, redFlags: { clicking: true } }));
    await recordActivity(me, activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date: today, durationSec: 1800, distanceM: 5000, rpe: 5 }));
    const [first, second] = await listAlerts(clinic, { athleteId: me.athleteId });
    expect(first && second).toBeTruthy();
    await acknowledgeAlert(clinic, first!.id, MARK.ack);
    // an alert that holds again keeps its notes while open (DESIGN §2d)
    await getDb()
      .update(alerts)
      .set({ note: MARK.openNote })
      .where(and(eq(alerts.id, second!.id), eq(alerts.clinicId, clinic.clinicId)));
    await startReturnToRun(clinic, { athleteId: me.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(2), reason: MARK.rtr });

    const reads: Record<string, unknown> = {
      profile: await getAthlete(me, me.athleteId),
      status: await getAthleteStatus(me, me.athleteId),
      program: await getProgram(me, me.athleteId),
      programHistory: await listProgramHistory(me, me.athleteId),
      prescriptions: await listPrescriptions(me, me.athleteId),
      activities: await listActivities(me, me.athleteId),
      shoes: await listShoes(me),
      returnToRun: await getReturnToRun(me, me.athleteId),
    };
    const data = await exportAthleteData(me);
    const csv = Object.values(data.datasets).map(datasetToCsv).join("\n");
    const seen = JSON.stringify(reads) + JSON.stringify(data) + csv;
    for (const marker of Object.values(MARK)) expect(seen, marker).not.toContain(marker);
    expect(seen).not.toContain("STAFFONLY");

    // still there for the athlete: their own records and the instructions written for them
    expect(reads.profile).toMatchObject({ id: me.athleteId, name: "Vis Athlete" });
    expect(reads.profile).not.toHaveProperty("notes");
    expect(JSON.stringify(reads.program)).toContain("Knee over toe");
    expect(JSON.stringify(reads.prescriptions)).toContain("Flat routes only");
    expect((reads.status as { openAlerts: unknown[] }).openAlerts.length).toBeGreaterThan(0);
    expect(data.datasets.alerts!.length).toBeGreaterThan(0);
    expect(data.datasets.program_history!.length).toBeGreaterThan(1);
    expect((reads.returnToRun as { history: unknown[] }).history).toHaveLength(1);
    expect(data.datasets.stage_assignments).toEqual([expect.objectContaining({ kind: "started", byTrainer: true })]);

    // staff answers are unchanged: the trainer reads every note, the owner's export holds them all
    expect(await getAthlete(clinic, me.athleteId)).toMatchObject({ notes: MARK.profile });
    expect((await listProgramHistory(clinic, me.athleteId)).map((e) => e.reason)).toEqual(expect.arrayContaining([MARK.dosageReason, MARK.stepReason]));
    expect((await getReturnToRun(clinic, me.athleteId)).history[0]).toMatchObject({ reason: MARK.rtr });
    const owner = JSON.stringify(await exportClinicData(clinic));
    for (const marker of Object.values(MARK)) expect(owner, marker).toContain(marker);
  });
});
