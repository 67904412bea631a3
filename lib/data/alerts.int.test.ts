import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, alerts, auditLog, checkIns } from "@/db/schema";
import { addDays, todayIn } from "@/lib/domain/dates";
import { acknowledgeAlert, listAlerts, resolveAlert } from "@/lib/data/alerts";
import { listTriage } from "@/lib/data/triage";
import { evaluateAthlete } from "@/lib/data/derived/evaluate";
import { getAthleteSeries, getAthleteStatus } from "@/lib/data/series";
import { seriesQuerySchema } from "@/lib/validation/series";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

type Ids = { clinicId: string; athleteId: string };

async function checkIn(ids: Ids, date: string, morningPain: number, flags: Partial<Record<"clicking" | "locking", boolean>> = {}) {
  await getDb()
    .insert(checkIns)
    .values({ ...ids, date, morningPain, ...flags })
    .onConflictDoUpdate({ target: [checkIns.clinicId, checkIns.athleteId, checkIns.date], set: { morningPain, clicking: flags.clicking ?? false, locking: flags.locking ?? false } });
}

async function activity(ids: Ids, date: string, a: { type: "run" | "bike"; minutes: number; rpe: number; km?: number; painDuring?: number; painAfter?: number }) {
  await getDb()
    .insert(activities)
    .values({
      ...ids,
      type: a.type,
      date,
      startedAt: new Date(`${date}T08:00:00Z`),
      durationSec: a.minutes * 60,
      distanceM: a.km === undefined ? null : a.km * 1000,
      rpe: a.rpe,
      painDuring: a.painDuring ?? null,
      painAfter: a.painAfter ?? null,
      clientId: randomUUID(),
    });
}

const q = (from?: string, to?: string, bucket?: "day" | "week") => seriesQuerySchema.parse({ from, to, bucket });

describe("series (DESIGN §2b Load example)", () => {
  // d is a Sunday, so d−6…d is one Mon–Sun week
  const d = "2026-03-01";

  async function seedLoadExample() {
    const clinic = await makeClinic("Series");
    const athlete = await makeAthlete(clinic, "Load Example");
    const ids = { clinicId: clinic.clinicId, athleteId: athlete.athleteId };
    for (let i = 27; i >= 0; i--) await checkIn(ids, addDays(d, -i), 2);
    for (const back of [21, 14, 7]) await activity(ids, addDays(d, -back), { type: "run", minutes: 40, rpe: 5, km: 8 });
    await activity(ids, addDays(d, -3), { type: "bike", minutes: 30, rpe: 4 });
    await activity(ids, d, { type: "run", minutes: 50, rpe: 6, km: 10, painDuring: 3, painAfter: 4 });
    // long before the window: only its load should matter, for EWMA
    await checkIn(ids, addDays(d, -200), 1);
    await activity(ids, addDays(d, -200), { type: "run", minutes: 60, rpe: 5, km: 12 });
    return { clinic, athlete };
  }

  it("returns the hand-computed numbers for the week ending on d", async () => {
    const { clinic, athlete } = await seedLoadExample();
    const days = await getAthleteSeries(clinic, athlete.athleteId, q(addDays(d, -6), d, "day"));
    expect(days.rows.map((r) => r.date)).toEqual(["2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(days.rows.map((r) => r.load)).toEqual([0, 0, 0, 120, 0, 0, 300]);
    const last = days.rows[6]!;
    expect(last.acuteRolling).toBeCloseTo(60, 10); // (120 + 300) / 7
    expect(last.chronicRolling).toBeCloseTo(36.43, 2); // (3·200 + 120 + 300) / 28
    expect(last.ratio).toBeCloseTo(1.647, 3); // shown: 28 of 28 days have data
    expect(last).toMatchObject({ runningDistanceM: 10000, crossTrainingMin: 0, runningPain: 4, morningPain: 2, baseline: 2, light: "green" });
    expect(days.rows[3]).toMatchObject({ crossTrainingMin: 30, runningDistanceM: 0, load: 120 });

    const weeks = await getAthleteSeries(clinic, athlete.athleteId, q(addDays(d, -6), d, "week"));
    expect(weeks.rows).toHaveLength(1);
    expect(weeks.rows[0]).toMatchObject({ date: "2026-02-23", endDate: d, runningDistanceM: 10000, crossTrainingMin: 30, load: 420, runningPain: 4, morningPain: 2 });
    expect(weeks.rows[0]!.acuteRolling).toBeCloseTo(60, 10);
    // tolerated load: the largest green week of the 8 before d's week: the 8 km weeks
    expect(weeks.rows[0]!.toleratedLoadM).toBe(8000);

    // EWMA runs from the first day with data (d−200): a short window must give the same value
    const long = await getAthleteSeries(clinic, athlete.athleteId, q(addDays(d, -250), d, "day"));
    const longLast = long.rows[long.rows.length - 1]!;
    expect(last.acuteEwma).toBeCloseTo(longLast.acuteEwma!, 10);
    expect(last.chronicEwma).toBeCloseTo(longLast.chronicEwma!, 10);
    expect(long.rows.find((r) => r.date === addDays(d, -200))).toMatchObject({ load: 300, acuteEwma: 300, chronicEwma: 300 });
  });

  it("is scoped: another clinic and another athlete get not_found", async () => {
    const { clinic, athlete } = await seedLoadExample();
    const other = await makeClinic("Elsewhere");
    const sibling = await makeAthlete(clinic, "Sibling");
    await expect(getAthleteSeries(other, athlete.athleteId, q())).rejects.toMatchObject({ code: "not_found" });
    await expect(getAthleteStatus(other, athlete.athleteId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getAthleteSeries(sibling, athlete.athleteId, q())).rejects.toMatchObject({ code: "not_found" });
    await expect(getAthleteStatus(sibling, athlete.athleteId)).rejects.toMatchObject({ code: "not_found" });
    // the athlete reads their own
    const own = await getAthleteSeries(athlete, athlete.athleteId, q(addDays(d, -6), d));
    expect(own.rows).toHaveLength(7);
  });

  it("validates the range", () => {
    expect(seriesQuerySchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }).error?.issues[0]?.message).toBe("The start date must be on or before the end date.");
    expect(seriesQuerySchema.safeParse({ from: "2020-01-01", to: "2026-03-01" }).error?.issues[0]?.message).toBe("Choose a range of 3 years or less.");
    expect(seriesQuerySchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
  });
});

describe("alerts", () => {
  async function flagged() {
    const clinic = await makeClinic("Alerts");
    const athlete = await makeAthlete(clinic, "Clicky Knee");
    const ids = { clinicId: clinic.clinicId, athleteId: athlete.athleteId };
    const today = todayIn("Europe/London");
    await checkIn(ids, today, 3, { clicking: true });
    return { clinic, athlete, ids, today };
  }

  const stored = (athleteId: string) => getDb().select().from(alerts).where(eq(alerts.athleteId, athleteId));

  it("evaluating twice stores each alert once", async () => {
    const { clinic, athlete, today } = await flagged();
    await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: athlete.athleteId });
    const first = await stored(athlete.athleteId);
    await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: athlete.athleteId });
    const second = await stored(athlete.athleteId);
    expect(first.map((a) => a.dedupeKey)).toEqual([`red_flag:clicking:${today}`]);
    expect(second.map((a) => a.id)).toEqual(first.map((a) => a.id));
    expect(second[0]).toMatchObject({ severity: "high", status: "open", reason: "Reported painful catching or clicking; needs an AT's assessment" });
  });

  it("retires an alert whose condition no longer holds (never deletes it), and revives it, acknowledgement kept, when it holds again", async () => {
    const { clinic, athlete, ids, today } = await flagged();
    await evaluateAthlete(ids);
    await checkIn(ids, today, 3, {});
    await evaluateAthlete(ids, `the check-in of ${today} was changed`);
    const [retired] = await stored(athlete.athleteId);
    expect(retired).toMatchObject({ retiredReason: `no longer applies: the check-in of ${today} was changed` });
    expect(retired!.retiredAt).toBeInstanceOf(Date);
    expect(await listAlerts(clinic, { athleteId: athlete.athleteId })).toEqual([]);

    await checkIn(ids, today, 3, { clicking: true });
    await evaluateAthlete(ids);
    const [a] = await stored(athlete.athleteId);
    expect(a).toMatchObject({ id: retired!.id, retiredAt: null });
    await acknowledgeAlert(clinic, a!.id, "Called her");
    await checkIn(ids, today, 3, {});
    await evaluateAthlete(ids);
    await checkIn(ids, today, 3, { clicking: true });
    await evaluateAthlete(ids);
    expect(await stored(athlete.athleteId)).toMatchObject([{ id: a!.id, status: "acknowledged", retiredAt: null }]);
  });

  it("acknowledge and resolve record who, when and the note, with audit rows", async () => {
    const { clinic, athlete, ids } = await flagged();
    await evaluateAthlete(ids);
    const [open] = await listAlerts(clinic, { status: "open", athleteId: athlete.athleteId });
    const ack = await acknowledgeAlert(clinic, open!.id, "Seen; booked an assessment");
    expect(ack).toMatchObject({ status: "acknowledged", acknowledgedBy: expect.stringMatching(/^Owner/), note: "Acknowledged: Seen; booked an assessment" });
    expect(ack.acknowledgedAt).toBeInstanceOf(Date);
    expect(await listAlerts(clinic, { status: "open" })).toHaveLength(0);
    expect((await listTriage(clinic)).rows).toEqual([]);
    // a second click changes nothing
    expect((await acknowledgeAlert(clinic, open!.id)).note).toBe("Acknowledged: Seen; booked an assessment");
    const res = await resolveAlert(clinic, open!.id, "Meniscus cleared");
    expect(res).toMatchObject({ status: "resolved", resolvedBy: expect.stringMatching(/^Owner/), note: "Acknowledged: Seen; booked an assessment\nResolved: Meniscus cleared" });
    await expect(acknowledgeAlert(clinic, open!.id)).rejects.toMatchObject({ code: "conflict" });
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.entity, "alert"), eq(auditLog.entityId, open!.id)));
    expect(audit.map((r) => r.action).sort()).toEqual(["alert.acknowledged", "alert.resolved"]);
  });

  it("lists the athlete with a red flag first, with reasons, sparkline and light", async () => {
    const { clinic, ids, today } = await flagged();
    const calm = await makeAthlete(clinic, "Aaron Calm");
    const calmIds = { clinicId: clinic.clinicId, athleteId: calm.athleteId };
    for (let i = 5; i >= 1; i--) await checkIn(calmIds, addDays(today, -i), 2);
    await checkIn(calmIds, today, 3); // rise 1 → moderate
    await evaluateAthlete(ids);
    await evaluateAthlete(calmIds);
    const list = (await listTriage(clinic)).rows;
    expect(list.map((r) => r.name)).toEqual(["Clicky Knee", "Aaron Calm"]);
    expect(list[0]).toMatchObject({ kind: "red_flag", otherGroups: 0 });
    expect(list[1]).toMatchObject({ severity: "moderate", light: { light: "amber" } });
    expect(list[1]!.sparkline).toHaveLength(14);
    expect(list[1]!.sparkline.slice(-2).map((s) => s.morningPain)).toEqual([2, 3]);
    expect((await listTriage(clinic, { group: "No such group" })).rows).toEqual([]);
  });

  it("is scoped to the clinic, and archived athletes get no alerts", async () => {
    const { clinic, athlete, ids } = await flagged();
    await evaluateAthlete(ids);
    const other = await makeClinic("Nosy");
    const [a] = await stored(athlete.athleteId);
    await expect(acknowledgeAlert(other, a!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveAlert(other, a!.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listAlerts(other)).toEqual([]);
    expect((await listTriage(other)).rows).toEqual([]);

    const archived = await makeAthlete(clinic, "Gone");
    await getDb().update((await import("@/db/schema")).athletes).set({ status: "archived" }).where(eq((await import("@/db/schema")).athletes.id, archived.athleteId));
    await checkIn({ clinicId: clinic.clinicId, athleteId: archived.athleteId }, todayIn("Europe/London"), 8, { locking: true });
    await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: archived.athleteId });
    expect(await stored(archived.athleteId)).toHaveLength(0);
  });

  it("status gives today's light, alerts and a suggestion per item", async () => {
    const { clinic, athlete, ids } = await flagged();
    await evaluateAthlete(ids);
    const status = await getAthleteStatus(clinic, athlete.athleteId);
    expect(status.openAlerts.map((a) => a.kind)).toEqual(["red_flag"]);
    expect(status.light).toMatchObject({ light: "green" });
    expect(status.suggestions).toEqual([]);
    expect(status.ratio).toBeNull();
  });
});

describe("alerts after several reports at once", () => {
  it("concurrent reports each bring the athlete up to date: an alert for every reported date", async () => {
    const { recordCheckIn } = await import("@/lib/data/check-ins");
    const clinic = await makeClinic("Coalesce");
    const me = await makeAthlete(clinic);
    const today = todayIn("Europe/London");
    const dates = [0, -1, -2, -3].map((k) => addDays(today, k));
    await Promise.all(dates.map((date) => recordCheckIn(me, { date, morningPain: 1, redFlags: { swelling: true }, tapeYesterday: false })));
    const open = await listAlerts(clinic, { athleteId: me.athleteId });
    const flagged = new Set(open.filter((a) => a.kind === "red_flag").map((a) => a.date));
    expect([...flagged].sort()).toEqual([...dates].sort());
  });
});
