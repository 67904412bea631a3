import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, athletes, checkIns, clinics, evaluationRuns } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { addDays, rangeOfDates, todayIn } from "@/lib/domain/dates";
import { listTriage } from "@/lib/data/triage";
import { recordCheckIn } from "@/lib/data/check-ins";
import { getDailyEvaluationStatus } from "@/lib/data/evaluation-runs";
import { loadAthleteContext } from "@/lib/data/athlete-records";
import { deriveAlertsBetween } from "@/lib/data/derived/evaluate";
import { runDayStart } from "@/lib/data/derived/day-start";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

/**
 * The day-start evaluation (DESIGN §2d) against the real database. "Today" is the real one; a day
 * passing is the athlete's evaluated_through left at an earlier date, exactly as a worker finds it
 * the morning after (or after it was down), with alerts as the evaluation of that day left them.
 */

type Ids = { clinicId: string; athleteId: string };

const LONDON = "Europe/London"; // the factories' clinic time zone

/** An athlete added `daysAgo` days ago, with a morning check-in (pain 1) on each of `dates`. */
async function athleteWithCheckIns(clinic: TrainerScope, name: string, daysAgo: number, dates: string[]): Promise<Ids> {
  const a = await makeAthlete(clinic, name);
  const ids = { clinicId: clinic.clinicId, athleteId: a.athleteId };
  await getDb()
    .update(athletes)
    .set({ createdAt: sql`now() - make_interval(days => ${daysAgo})` })
    .where(eq(athletes.id, a.athleteId));
  if (dates.length > 0) await getDb().insert(checkIns).values(dates.map((date) => ({ ...ids, date, morningPain: 1 })));
  return ids;
}

/** Leave the athlete as the evaluation of `through` left them (no write since). */
async function evaluatedThrough(ids: Ids, through: string | null) {
  await getDb().update(athletes).set({ evaluatedThrough: through, alertsFrom: null }).where(eq(athletes.id, ids.athleteId));
}


async function missedAlerts(ids: Ids) {
  return getDb()
    .select({ date: alerts.date, retiredAt: alerts.retiredAt, retiredReason: alerts.retiredReason, severity: alerts.severity })
    .from(alerts)
    .where(and(eq(alerts.athleteId, ids.athleteId), eq(alerts.kind, "missed_checkins")))
    .orderBy(alerts.date);
}

async function evaluatedThroughOf(athleteId: string) {
  const [row] = await getDb().select({ through: athletes.evaluatedThrough }).from(athletes).where(eq(athletes.id, athleteId));
  return row?.through ?? null;
}

describe("day-start evaluation (DESIGN §2d: time moves on its own)", () => {
  it("a silent athlete gets missed_checkins when the third silent day ends (the scheduled evaluation, no write), and a check-in entered late for one of those days retires it", async () => {
    const clinic = await makeClinic("Silent");
    const today = todayIn(LONDON);
    const d = addDays(today, -1); // the third silent day, over since midnight
    const silent = await athleteWithCheckIns(clinic, "Silent Sam", 20, rangeOfDates(addDays(today, -20), addDays(d, -3)));
    // yesterday's evaluation: yesterday was today, its day not over, so no missed check-in yet
    await evaluatedThrough(silent, d);
    const asOfYesterday = await getDb().transaction(async (tx) => {
      const ctx = await loadAthleteContext(tx, silent.clinicId, silent.athleteId);
      return deriveAlertsBetween(tx, { ...ctx, today: d }, addDays(d, -20), d);
    });
    expect(asOfYesterday.filter((a) => a.kind === "missed_checkins")).toEqual([]);
    expect(await missedAlerts(silent)).toEqual([]);

    // midnight has passed: the scheduled run, and no write of any record
    const run = await runDayStart({ trigger: "schedule" });
    expect(run.evaluated).toContainEqual(silent);
    expect(run.failures).toEqual([]);
    expect(await missedAlerts(silent)).toEqual([{ date: d, retiredAt: null, retiredReason: null, severity: "moderate" }]);
    expect(await evaluatedThroughOf(silent.athleteId)).toBe(today);
    // the trainer's dashboard shows the silent athlete
    const attention = await listTriage(clinic);
    expect(attention.rows.find((r) => r.athleteId === silent.athleteId)?.kind).toBe("missed_checkins");

    // the owner sees the run, with their clinic's numbers
    const status = await getDailyEvaluationStatus(clinic);
    expect(status.lastRun).toMatchObject({ athletesEvaluated: 1, failures: 0 });
    expect(status.lastRun?.finishedAt).toBeInstanceOf(Date);
    expect(status.lastCheckAt).toBeInstanceOf(Date);

    // a check-in entered late by the trainer, for the middle silent day, retires the alert
    await recordCheckIn(clinic, { athleteId: silent.athleteId, date: addDays(d, -1), morningPain: 2, redFlags: {}, tapeYesterday: false });
    const [retired] = await missedAlerts(silent);
    expect(retired?.date).toBe(d);
    expect(retired?.retiredAt).toBeInstanceOf(Date);
    expect(retired?.retiredReason).toEqual(expect.any(String));
    const after = await listTriage(clinic);
    expect(after.rows.find((r) => r.athleteId === silent.athleteId)?.kind).not.toBe("missed_checkins");

    // a second run the same day evaluates nobody
    const again = await runDayStart({ trigger: "schedule" });
    expect(again).toMatchObject({ due: 0, evaluated: [], skipped: 0, failures: [] });
  });

  it("catches up every date since the last one evaluated, so a worker that was down misses nothing", async () => {
    const clinic = await makeClinic("Catch-up");
    const today = todayIn(LONDON);
    // check-ins until today−8; silent since today−7; last evaluated on today−5 (the worker was down)
    const ids = await athleteWithCheckIns(clinic, "Away Ann", 30, rangeOfDates(addDays(today, -30), addDays(today, -8)));
    await evaluatedThrough(ids, addDays(today, -5));
    const run = await runDayStart({ trigger: "startup" });
    expect(run.evaluated).toContainEqual(ids);
    // d−2 ≥ today−7 and d before today: today−5 … today−1, one group
    expect((await missedAlerts(ids)).map((a) => a.date)).toEqual(rangeOfDates(addDays(today, -5), addDays(today, -1)));
  });

  it("evaluates a change written outside the data layer (straight SQL) on its next run, from the date it touched", async () => {
    const clinic = await makeClinic("Straight SQL");
    const today = todayIn(LONDON);
    const ids = await athleteWithCheckIns(clinic, "Sql Sam", 30, rangeOfDates(addDays(today, -30), today));
    await evaluatedThrough(ids, today);
    // a hand-run fix: yesterday's check-in gets a red flag; the triggers note the date
    await getDb()
      .update(checkIns)
      .set({ swelling: true })
      .where(and(eq(checkIns.athleteId, ids.athleteId), eq(checkIns.date, addDays(today, -1))));
    const run = await runDayStart({ trigger: "manual" });
    expect(run.evaluated).toContainEqual(ids);
    const flags = await getDb()
      .select({ date: alerts.date, subject: alerts.subject })
      .from(alerts)
      .where(and(eq(alerts.athleteId, ids.athleteId), eq(alerts.kind, "red_flag")));
    expect(flags).toEqual([{ date: addDays(today, -1), subject: "swelling" }]);
    // and then it is up to date: the next run leaves it alone
    expect((await runDayStart({ trigger: "manual" })).evaluated).not.toContainEqual(ids);
  });

  it("uses the athlete's own time zone, else the clinic's, and only active and return-to-run athletes", async () => {
    const west = "Etc/GMT+12"; // UTC−12: its today is always before Kiritimati's (UTC+14)
    const clinic = await makeClinic("Zones");
    await getDb().update(clinics).set({ timeZone: west }).where(eq(clinics.id, clinic.clinicId));
    const clinicToday = todayIn(west);
    const east = await athleteWithCheckIns(clinic, "East", 5, []);
    await getDb().update(athletes).set({ timeZone: "Pacific/Kiritimati" }).where(eq(athletes.id, east.athleteId));
    const local = await athleteWithCheckIns(clinic, "Local", 5, []);
    const cleared = await athleteWithCheckIns(clinic, "Cleared", 5, []);
    await getDb().update(athletes).set({ status: "cleared" }).where(eq(athletes.id, cleared.athleteId));
    const rtr = await athleteWithCheckIns(clinic, "Back Running", 5, []);
    await getDb().update(athletes).set({ status: "return_to_run" }).where(eq(athletes.id, rtr.athleteId));
    for (const ids of [east, local, cleared, rtr]) await evaluatedThrough(ids, clinicToday);
    await evaluatedThrough(rtr, addDays(clinicToday, -1));

    const run = await runDayStart({ trigger: "schedule" });
    const mine = run.evaluated.filter((r) => r.clinicId === clinic.clinicId).map((r) => r.athleteId);
    expect(mine.sort()).toEqual([east.athleteId, rtr.athleteId].sort());
    expect(await evaluatedThroughOf(east.athleteId)).toBe(todayIn("Pacific/Kiritimati"));
    expect(await evaluatedThroughOf(local.athleteId)).toBe(clinicToday);
    expect(await evaluatedThroughOf(cleared.athleteId)).toBe(clinicToday);
  });

  it("records an athlete that fails and goes on with the others; the athlete stays due and is retried", async () => {
    const clinic = await makeClinic("Failing");
    const other = await makeClinic("Elsewhere");
    const broken = await athleteWithCheckIns(clinic, "Unknown Zone", 5, []);
    // a zone name this runtime's time-zone database does not know (the app's validation keeps these out)
    await getDb().update(athletes).set({ timeZone: "Mars/Olympus_Mons" }).where(eq(athletes.id, broken.athleteId));
    const fine = await athleteWithCheckIns(clinic, "Fine", 5, []);

    const run = await runDayStart({ trigger: "schedule" });
    expect(run.failures).toEqual([{ athleteId: broken.athleteId, clinicId: clinic.clinicId, message: expect.any(String) }]);
    expect(run.evaluated).toContainEqual(fine);
    const [row] = await getDb().select().from(evaluationRuns).where(eq(evaluationRuns.id, run.runId));
    expect(row).toMatchObject({ failures: 1, lastError: expect.stringContaining(broken.athleteId) });
    expect(row?.finishedAt).toBeInstanceOf(Date);
    expect((await getDailyEvaluationStatus(clinic)).lastRun).toMatchObject({ athletesEvaluated: 1, failures: 1 });
    // another clinic's owner sees none of it
    expect((await getDailyEvaluationStatus(other)).lastRun).toBeNull();

    const retry = await runDayStart({ trigger: "schedule" });
    expect(retry.due).toBe(1);
    expect(retry.failures.map((f) => f.athleteId)).toEqual([broken.athleteId]);
    await getDb().update(athletes).set({ timeZone: null }).where(eq(athletes.id, broken.athleteId));
    const fixed = await runDayStart({ trigger: "schedule" });
    expect(fixed.evaluated).toEqual([broken]);
  });

  it("two runs at once (two servers) evaluate each due athlete exactly once", async () => {
    const clinic = await makeClinic("Race");
    const ids: Ids[] = [];
    for (let i = 0; i < 40; i++) ids.push(await athleteWithCheckIns(clinic, `Racer ${i}`, 10, []));
    const yesterday = addDays(todayIn(LONDON), -1);
    for (const a of ids) await evaluatedThrough(a, yesterday);
    const dueIds = ids.map((a) => a.athleteId);

    const [a, b] = await Promise.all([runDayStart({ trigger: "schedule", batchSize: 7 }), runDayStart({ trigger: "schedule", batchSize: 7 })]);
    const evaluated = [...a.evaluated, ...b.evaluated].map((r) => r.athleteId);
    expect(evaluated.filter((id) => dueIds.includes(id)).sort()).toEqual([...dueIds].sort());
    expect(new Set(evaluated).size).toBe(evaluated.length);
    // both runs saw athletes due: the second left the first's to it (skipped), and vice versa
    expect(a.due + b.due).toBeGreaterThan(evaluated.length);
    expect(a.skipped + b.skipped).toBe(a.due + b.due - evaluated.length);
    expect(a.failures.concat(b.failures)).toEqual([]);
    const through = await getDb().select({ through: athletes.evaluatedThrough }).from(athletes).where(inArray(athletes.id, dueIds));
    expect(new Set(through.map((r) => r.through))).toEqual(new Set([todayIn(LONDON)]));
  });
});
