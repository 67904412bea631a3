import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { listAthleteAudit, listAuditAthletes, listAuditPeople, listClinicAudit } from "@/lib/data/audit-trail";
import { updateAthlete } from "@/lib/data/athletes";
import { setRunningPrescription } from "@/lib/data/prescriptions";
import { addProgramItem, setItemStatus } from "@/lib/data/programs";
import { auditQuerySchema } from "@/lib/validation/audit";
import { addItemSchema, prescriptionSchema } from "@/lib/validation/programs";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

type Clinic = Awaited<ReturnType<typeof makeClinic>>;
type Athlete = Awaited<ReturnType<typeof makeAthlete>>;

const q = (raw: Record<string, string> = {}) => auditQuerySchema.parse(raw);

let a: Clinic;
let b: Clinic;
let alex: Athlete;
let jo: Athlete;
let zed: Athlete;

// 60 rows about Alex on 1–3 Nov (clinic time, Europe/London), by the owner or by the system
async function bulkRows(clinic: Clinic, athleteId: string, n: number) {
  const rows = Array.from({ length: n }, (_, i) => ({
    clinicId: clinic.clinicId,
    actorId: i % 3 === 0 ? null : clinic.userId,
    action: i % 2 === 0 ? "athlete.updated" : "check_in.updated",
    entity: "athlete",
    entityId: athleteId,
    before: { note: `before ${i}` },
    after: { note: `after ${i}` },
    // 1 Nov 00:00 London is 00:00 UTC (GMT); one row every hour from then on
    createdAt: new Date(Date.UTC(2026, 10, 1, i)),
  }));
  await getDb().insert(auditLog).values(rows);
}

beforeAll(async () => {
  await ensureLibrary();
  a = await makeClinic("AuditA");
  b = await makeClinic("AuditB");
  alex = await makeAthlete(a, "Alex Audit");
  jo = await makeAthlete(a, "Jo Audit");
  zed = await makeAthlete(b, "Zed Other");
  await bulkRows(a, alex.athleteId, 60);
  await bulkRows(b, zed.athleteId, 10);
  await setRunningPrescription(a, prescriptionSchema.parse({ athleteId: alex.athleteId, unit: "km", weeklyDistance: "30", longestRun: "8" }));
  await setRunningPrescription(a, prescriptionSchema.parse({ athleteId: alex.athleteId, unit: "km", weeklyDistance: "32", longestRun: "10" }));
  const clam = await builtinExercise("clamshell");
  const item = await addProgramItem(a, addItemSchema.parse({ athleteId: jo.athleteId, exerciseId: clam, sets: "3", reps: "10", daysPerWeek: "3" }));
  await setItemStatus(a, { itemId: item.id, status: "paused" });
  await updateAthlete(a, jo.athleteId, { status: "return_to_run" });
  await setRunningPrescription(b, prescriptionSchema.parse({ athleteId: zed.athleteId, unit: "km", weeklyDistance: "50", longestRun: "20" }));
});

describe("listClinicAudit", () => {
  it("pages in SQL, newest first, 50 a page, with the total", async () => {
    const first = await listClinicAudit(a, q());
    // 60 bulk rows + clinic.created + 2 prescriptions + program item added and paused + Jo's status
    expect(first.total).toBe(66);
    expect(first.rows).toHaveLength(50);
    expect(first.pageSize).toBe(50);
    const second = await listClinicAudit(a, q({ page: "2" }));
    expect(second.rows).toHaveLength(16);
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(66);
    const times = all.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect((await listClinicAudit(a, q({ page: "9" }))).rows).toEqual([]);
  });

  it("never shows another clinic's rows, whatever the filter", async () => {
    const page = await listClinicAudit(a, q({ page: "1" }));
    expect(page.rows.every((r) => r.athleteId === null || r.athleteId === alex.athleteId || r.athleteId === jo.athleteId)).toBe(true);
    expect((await listClinicAudit(a, q({ athlete: zed.athleteId }))).total).toBe(0);
    expect((await listClinicAudit(a, q({ person: b.userId }))).total).toBe(0);
    expect((await listClinicAudit(a, q({ q: "Zed" }))).total).toBe(0);
    const other = await listClinicAudit(b, q());
    expect(other.total).toBe(12); // clinic.created, 10 bulk rows, one prescription
    expect(other.rows.some((r) => r.athleteId === alex.athleteId || r.athleteId === jo.athleteId)).toBe(false);
  });

  it("filters by athlete, including what hangs off them (program items)", async () => {
    const joRows = await listClinicAudit(a, q({ athlete: jo.athleteId }));
    expect(joRows.rows.map((r) => r.action)).toEqual(["athlete.updated", "program_item.paused", "program_item.added"]);
    expect(joRows.rows.every((r) => r.athleteName === "Jo Audit")).toBe(true);
    const added = joRows.rows.find((r) => r.action === "program_item.added")!;
    expect(added).toMatchObject({ toExercise: "Clamshell", subject: "Clamshell" });
    expect((await listClinicAudit(a, q({ athlete: alex.athleteId }))).total).toBe(62);
  });

  it("filters by person, the system, kind and the clinic's calendar dates", async () => {
    expect((await listClinicAudit(a, q({ person: "system" }))).total).toBe(20);
    expect((await listClinicAudit(a, q({ person: a.userId }))).total).toBe(46);
    const rx = await listClinicAudit(a, q({ kind: "running_prescription" }));
    expect(rx.total).toBe(2);
    expect(rx.rows.every((r) => r.action === "running_prescription.set")).toBe(true);
    expect((await listClinicAudit(a, q({ kind: "program_item" }))).total).toBe(2);
    // 1 Nov has hours 0–23, 2 Nov hours 24–47
    expect((await listClinicAudit(a, q({ from: "2026-11-02", to: "2026-11-02" }))).total).toBe(24);
    expect((await listClinicAudit(a, q({ from: "2026-11-01", to: "2026-11-01", kind: "check_in" }))).total).toBe(12);
    expect((await listClinicAudit(a, q({ to: "2026-10-31" }))).total).toBe(0);
  });

  it("searches words in the change, the person and the athlete", async () => {
    expect((await listClinicAudit(a, q({ q: "after 59" }))).total).toBe(1);
    expect((await listClinicAudit(a, q({ q: "jo audit" }))).total).toBe(3);
    expect((await listClinicAudit(a, q({ q: "running prescription" }))).total).toBe(2);
    // LIKE wildcards are taken literally
    expect((await listClinicAudit(a, q({ q: "%" }))).total).toBe(0);
  });

  it("is the owner's alone", async () => {
    await expect(listClinicAudit({ ...a, role: "trainer" }, q())).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditPeople({ ...a, role: "trainer" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await listAuditPeople(a)).map((p) => p.name).sort()).toEqual(["Alex Audit", "Jo Audit", expect.stringMatching(/^Owner/)].sort());
    expect((await listAuditAthletes(a)).map((p) => p.name)).toEqual(["Alex Audit", "Jo Audit"]);
  });
});

describe("listAthleteAudit", () => {
  it("lists one athlete's changes for any trainer of the clinic, and records the prescription before it", async () => {
    const rows = await listAthleteAudit({ ...a, role: "trainer" }, alex.athleteId, 5);
    expect(rows).toHaveLength(5);
    const [latest, earlier] = rows;
    expect(latest).toMatchObject({ action: "running_prescription.set", before: { weeklyDistanceM: 30000, longestRunM: 8000 }, after: { weeklyDistanceM: 32000, longestRunM: 10000 } });
    expect(earlier).toMatchObject({ action: "running_prescription.set", before: null });
  });

  it("is not found for another clinic's athlete", async () => {
    await expect(listAthleteAudit(a, zed.athleteId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("auditQuerySchema", () => {
  it("drops what it cannot use", () => {
    expect(q({ page: "x", athlete: "nope", person: "bob", kind: "passwords", from: "2026-13-01", q: "  " })).toEqual({ page: 1 });
    expect(q({ from: "2026-12-02", to: "2026-12-01" })).toEqual({ page: 1 });
    expect(q({ person: "system", kind: "alert" })).toMatchObject({ person: "system", kind: "alert" });
  });
});
