import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, athletes, checkIns, users } from "@/db/schema";
import { acknowledgeTriageRows, transitionAlerts } from "@/lib/data/alerts";
import { parseTriageRowToken } from "@/lib/domain/triage-row";
import { evaluateAthlete } from "@/lib/data/derived/evaluate";
import { recordExerciseLog } from "@/lib/data/exercise-logs";
import { addProgramItem, stepItem } from "@/lib/data/programs";
import { startReturnToRun } from "@/lib/data/return-to-run";
import { listGoodNews, listTriage } from "@/lib/data/triage";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { addDays, todayIn } from "@/lib/domain/dates";
import type { AlertSeverity } from "@/lib/domain/types";
import { exerciseLogSchema } from "@/lib/validation/reporting";
import { triageQuerySchema } from "@/lib/validation/triage";
import { BUILT_IN_RUN_LADDER, builtinExercise, builtInStage, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const d = (n: number) => addDays(today, n);

beforeAll(async () => {
  await ensureLibrary();
});

/**
 * Alerts as the evaluation stores them (the query under test reads the stored groups; how they
 * are derived is evaluate.int.test.ts's business): `days` consecutive dates ending on `to`.
 */
async function stored(clinic: TrainerScope, athleteId: string, a: { kind: string; severity: AlertSeverity; subject?: string; to?: string; days?: number; reason?: string; status?: "open" | "acknowledged" | "resolved"; retired?: boolean }) {
  const to = a.to ?? today;
  const days = a.days ?? 1;
  const start = addDays(to, -(days - 1));
  const rows = Array.from({ length: days }, (_, i) => {
    const date = addDays(start, i);
    return {
      clinicId: clinic.clinicId,
      athleteId,
      kind: a.kind,
      severity: a.severity,
      subject: a.subject ?? null,
      groupStart: start,
      date,
      reason: `${a.reason ?? a.kind} (${date})`,
      dedupeKey: `${a.kind}:${a.subject ?? ""}:${date}`,
      status: a.status ?? "open",
      retiredAt: a.retired ? new Date() : null,
    };
  });
  return getDb().insert(alerts).values(rows).returning({ id: alerts.id });
}

async function athlete(clinic: TrainerScope, name: string, extra: { group?: string; trainerId?: string } = {}) {
  const a = await makeAthlete(clinic, name);
  if (extra.group || extra.trainerId) {
    await getDb()
      .update(athletes)
      .set({ sportGroup: extra.group ?? null, trainerId: extra.trainerId ?? clinic.userId })
      .where(eq(athletes.id, a.athleteId));
  }
  return a;
}

describe("listTriage: one row per athlete, most severe first, paged in SQL", () => {
  it("orders urgent, high, moderate (a red flag first in its severity), one row per athlete with its other groups", async () => {
    const clinic = await makeClinic("Triage order");
    const mod = await athlete(clinic, "Mo Moderate");
    const high = await athlete(clinic, "Hi High");
    const flagHigh = await athlete(clinic, "Fl Flag");
    const urgent = await athlete(clinic, "Ur Urgent");
    await stored(clinic, mod.athleteId, { kind: "missed_checkins", severity: "moderate", to: d(-1), days: 5 });
    await stored(clinic, high.athleteId, { kind: "morning_pain", severity: "high" });
    await stored(clinic, high.athleteId, { kind: "run_spike", severity: "moderate", subject: randomUUID() });
    await stored(clinic, flagHigh.athleteId, { kind: "red_flag", severity: "high", subject: "clicking", to: d(-2), reason: "Clicking" });
    await stored(clinic, urgent.athleteId, { kind: "pain_7", severity: "urgent", days: 3, reason: "Pain 8" });
    await stored(clinic, urgent.athleteId, { kind: "morning_rise", severity: "high", days: 2 });
    // the same alert repeated per day is one group; a day's gap starts another
    await stored(clinic, urgent.athleteId, { kind: "missed_checkins", severity: "moderate", to: d(-6), days: 2 });
    await stored(clinic, urgent.athleteId, { kind: "missed_checkins", severity: "moderate", to: d(-10), days: 2 });

    const page = await listTriage(clinic);
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(page.rows.map((r) => [r.name, r.severity, r.kind, r.otherGroups])).toEqual([
      ["Ur Urgent", "urgent", "pain_7", 3],
      ["Fl Flag", "high", "red_flag", 0],
      ["Hi High", "high", "morning_pain", 1],
      ["Mo Moderate", "moderate", "missed_checkins", 0],
    ]);
    const top = page.rows[0]!;
    // the group's newest reason and its span; every open alert of the row, for acknowledging it
    expect(top).toMatchObject({ reason: `Pain 8 (${today})`, from: d(-2), to: today, lastCheckIn: null });
    expect(top.alertIds).toHaveLength(3 + 2 + 2 + 2);
    expect(top.sparkline).toHaveLength(14);
    expect(page.rows[3]).toMatchObject({ from: d(-5), to: d(-1) });

    // sort by name, both ways, and by last check-in (the longest silent first)
    expect((await listTriage(clinic, { sort: "name" })).rows.map((r) => r.name)).toEqual(["Fl Flag", "Hi High", "Mo Moderate", "Ur Urgent"]);
    expect((await listTriage(clinic, { sort: "name", dir: "desc" })).rows.map((r) => r.name)).toEqual(["Ur Urgent", "Mo Moderate", "Hi High", "Fl Flag"]);
    await getDb().insert(checkIns).values({ clinicId: clinic.clinicId, athleteId: high.athleteId, date: d(-3), morningPain: 2 });
    await getDb().insert(checkIns).values({ clinicId: clinic.clinicId, athleteId: mod.athleteId, date: d(-8), morningPain: 1 });
    const bySilence = (await listTriage(clinic, { sort: "last_check_in" })).rows;
    expect(bySilence.map((r) => [r.name, r.lastCheckIn])).toEqual([
      ["Fl Flag", null],
      ["Ur Urgent", null],
      ["Mo Moderate", d(-8)],
      ["Hi High", d(-3)],
    ]);
    // least severe first when asked
    expect((await listTriage(clinic, { sort: "severity", dir: "desc" })).rows.map((r) => r.name)).toEqual(["Mo Moderate", "Hi High", "Fl Flag", "Ur Urgent"]);
  });

  it("counts only open, unretired alerts of athletes not archived; good news is its own section", async () => {
    const clinic = await makeClinic("Triage open");
    const acked = await athlete(clinic, "Acked");
    const retired = await athlete(clinic, "Retired");
    const mixed = await athlete(clinic, "Mixed");
    const archived = await athlete(clinic, "Archived");
    const happy = await athlete(clinic, "Happy");
    await stored(clinic, acked.athleteId, { kind: "morning_pain", severity: "high", status: "acknowledged" });
    await stored(clinic, retired.athleteId, { kind: "morning_pain", severity: "high", retired: true });
    await stored(clinic, mixed.athleteId, { kind: "morning_pain", severity: "high", status: "resolved" });
    await stored(clinic, mixed.athleteId, { kind: "run_spike", severity: "moderate", subject: "a-run" });
    await stored(clinic, archived.athleteId, { kind: "pain_7", severity: "urgent" });
    await getDb().update(athletes).set({ status: "archived" }).where(eq(athletes.id, archived.athleteId));
    await stored(clinic, happy.athleteId, { kind: "ready_to_progress", severity: "good_news", subject: "item", days: 2 });

    const page = await listTriage(clinic);
    expect(page.rows.map((r) => [r.name, r.severity, r.otherGroups])).toEqual([["Mixed", "moderate", 0]]);
    expect(page.total).toBe(1);
    const good = await listGoodNews(clinic);
    expect(good.total).toBe(1);
    expect(good.rows[0]).toMatchObject({ name: "Happy", from: d(-1), to: today, itemId: null, progress: null });
    expect(good.rows[0]!.alertIds).toHaveLength(2);
  });

  it("filters by trainer, group and severity; a bad filter in the URL is ignored", async () => {
    const clinic = await makeClinic("Triage filters");
    const [second] = await getDb()
      .insert(users)
      .values({ clinicId: clinic.clinicId, email: `second-${randomUUID()}@example.com`, name: "Second Trainer", passwordHash: "x", role: "trainer" })
      .returning();
    const a = await athlete(clinic, "Track Urgent", { group: "Track" });
    const b = await athlete(clinic, "Road High", { group: "Road", trainerId: second!.id });
    const c = await athlete(clinic, "Track Moderate", { group: "Track", trainerId: second!.id });
    await stored(clinic, a.athleteId, { kind: "pain_7", severity: "urgent" });
    await stored(clinic, b.athleteId, { kind: "morning_pain", severity: "high" });
    await stored(clinic, c.athleteId, { kind: "run_spike", severity: "moderate", subject: "x" });
    await stored(clinic, c.athleteId, { kind: "ready_to_progress", severity: "good_news", subject: "item" });

    const names = async (raw: Record<string, string>) => (await listTriage(clinic, triageQuerySchema.parse(raw))).rows.map((r) => r.name);
    expect(await names({ group: "Track" })).toEqual(["Track Urgent", "Track Moderate"]);
    expect(await names({ trainer: second!.id })).toEqual(["Road High", "Track Moderate"]);
    expect(await names({ trainer: second!.id, group: "Track" })).toEqual(["Track Moderate"]);
    expect(await names({ severity: "high" })).toEqual(["Road High"]);
    expect(await names({ severity: "good_news" })).toEqual([]);
    expect((await listGoodNews(clinic, triageQuerySchema.parse({ severity: "good_news" }))).rows.map((r) => r.name)).toEqual(["Track Moderate"]);
    expect((await listGoodNews(clinic, triageQuerySchema.parse({ severity: "urgent" }))).rows).toEqual([]);
    expect((await listGoodNews(clinic, triageQuerySchema.parse({ group: "Road" }))).rows).toEqual([]);
    // a malformed value is dropped, not an error: the unfiltered list
    expect(await names({ trainer: "not-a-uuid", severity: "purple", sort: "x", page: "-3", group: "\u0000" })).toEqual(["Track Urgent", "Road High", "Track Moderate"]);
    // control characters are dropped from a filter (lib/validation/fields searchText), as on the roster
    expect(await names({ group: "Ro\u0000ad" })).toEqual(["Road High"]);
  });

  it("pages of 50 with the total; past the end is empty with the total still right", async () => {
    const clinic = await makeClinic("Triage paging");
    const made = await getDb()
      .insert(athletes)
      .values(Array.from({ length: 53 }, (_, i) => ({ clinicId: clinic.clinicId, name: `Paged ${String(i).padStart(2, "0")}`, trainerId: clinic.userId })))
      .returning({ id: athletes.id });
    for (const [i, m] of made.entries()) await stored(clinic, m.id, { kind: "morning_pain", severity: i < 3 ? "urgent" : "high", to: d(-(i % 5)) });

    const first = await listTriage(clinic);
    expect(first).toMatchObject({ total: 53, page: 1, pageSize: 50 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows.slice(0, 3).every((r) => r.severity === "urgent")).toBe(true);
    const second = await listTriage(clinic, { page: 2 });
    expect(second).toMatchObject({ total: 53, page: 2 });
    expect(second.rows).toHaveLength(3);
    const seen = new Set([...first.rows, ...second.rows].map((r) => r.athleteId));
    expect(seen.size).toBe(53);
    expect(await listTriage(clinic, { page: 3 })).toMatchObject({ rows: [], total: 53, page: 3 });
    expect(await listTriage(clinic, { page: 3, severity: "urgent" })).toMatchObject({ rows: [], total: 3 });
  });

  it("another clinic's athletes never appear, whatever the filters name", async () => {
    const mine = await makeClinic("Triage mine");
    const theirs = await makeClinic("Triage theirs");
    const secret = await athlete(theirs, "Their Athlete", { group: "Shared" });
    await stored(theirs, secret.athleteId, { kind: "pain_7", severity: "urgent" });
    await stored(theirs, secret.athleteId, { kind: "ready_to_progress", severity: "good_news", subject: "i" });
    expect((await listTriage(mine)).rows).toEqual([]);
    expect((await listTriage(mine, { group: "Shared", trainer: theirs.userId })).rows).toEqual([]);
    expect((await listGoodNews(mine)).rows).toEqual([]);
    expect((await listTriage(theirs)).rows.map((r) => r.name)).toEqual(["Their Athlete"]);
  });
});

describe("good news: a progression applied from the row", () => {
  async function tick(me: AthleteScope, programItemId: string, date: string) {
    await recordExerciseLog(me, exerciseLogSchema.parse({ clientId: randomUUID(), programItemId, date, setsDone: 3, exercisePain: 1, couldNotFinish: false }));
  }

  it("shows the item and its next step; stepping resolves the group, so the row goes", async () => {
    const clinic = await makeClinic("Good news");
    const me = await makeAthlete(clinic, "Ready Runner");
    const { id } = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 4 });
    await tick(me, id, d(-2));
    await tick(me, id, d(-1));
    await evaluateAthlete({ clinicId: clinic.clinicId, athleteId: me.athleteId }, "the records changed", d(-1));

    const good = await listGoodNews(clinic);
    expect(good.total).toBe(1);
    expect(good.rows[0]).toMatchObject({ name: "Ready Runner", itemId: id, exerciseName: "Clamshell", progress: { ok: true, toName: "Banded clamshell" }, from: d(-1), to: today });
    expect(good.rows[0]!.alertIds).toHaveLength(2);
    expect((await listTriage(clinic)).rows).toEqual([]);

    await stepItem(clinic, { itemId: id, direction: "progress", reason: "Two clean sessions" });
    expect((await listGoodNews(clinic)).rows).toEqual([]);
    const left = await getDb()
      .select({ status: alerts.status, note: alerts.note, retiredAt: alerts.retiredAt })
      .from(alerts)
      .where(and(eq(alerts.athleteId, me.athleteId), eq(alerts.kind, "ready_to_progress")));
    // the day before stays the clamshell's and is resolved with the step's reason; today's no longer holds
    expect(left.filter((a) => a.retiredAt === null)).toEqual([{ status: "resolved", note: "Resolved: progressed to Banded clamshell: Two clean sessions", retiredAt: null }]);
  });

  it("acknowledging a row's alerts takes the athlete off the list", async () => {
    const clinic = await makeClinic("Bulk");
    const a = await athlete(clinic, "One");
    const b = await athlete(clinic, "Two");
    await stored(clinic, a.athleteId, { kind: "pain_7", severity: "urgent", days: 3 });
    await stored(clinic, a.athleteId, { kind: "morning_pain", severity: "high" });
    await stored(clinic, b.athleteId, { kind: "morning_pain", severity: "high" });
    const [row] = (await listTriage(clinic)).rows;
    await transitionAlerts(clinic, row!.alertIds, "acknowledged");
    expect((await listTriage(clinic)).rows.map((r) => r.name)).toEqual(["Two"]);
  });

  it("acknowledging rows by their checkbox token acts on what the rows showed, and refuses when that changed", async () => {
    const clinic = await makeClinic("Bulk tokens");
    const other = await makeClinic("Bulk tokens elsewhere");
    const a = await athlete(clinic, "Ann");
    const b = await athlete(clinic, "Bea");
    await stored(clinic, a.athleteId, { kind: "pain_7", severity: "urgent", days: 3 });
    await stored(clinic, a.athleteId, { kind: "ready_to_progress", severity: "good_news", subject: "item" });
    await stored(clinic, b.athleteId, { kind: "morning_pain", severity: "high" });
    const rows = (await listTriage(clinic)).rows;
    const refs = rows.map((r) => parseTriageRowToken(r.rowToken)!);
    expect(refs.map((r) => r.athleteId).sort()).toEqual([a.athleteId, b.athleteId].sort());

    // a new alert for Bea after the page was drawn: nothing is acknowledged, and the message names her
    await stored(clinic, b.athleteId, { kind: "running_pain", severity: "moderate" });
    await expect(acknowledgeTriageRows(clinic, refs, "seen")).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Bea") });
    expect((await listTriage(clinic)).rows).toHaveLength(2);
    // another clinic's trainer cannot name these rows
    await expect(acknowledgeTriageRows(other, refs)).rejects.toMatchObject({ code: "not_found" });

    // drawn again: both rows go, Ann's good news stays open, and the note is on each alert
    const again = (await listTriage(clinic)).rows.map((r) => parseTriageRowToken(r.rowToken)!);
    expect((await acknowledgeTriageRows(clinic, again, "seen")).sort()).toEqual([a.athleteId, b.athleteId].sort());
    expect((await listTriage(clinic)).rows).toEqual([]);
    const left = await getDb().select({ kind: alerts.kind, status: alerts.status, note: alerts.note }).from(alerts).where(eq(alerts.clinicId, clinic.clinicId));
    expect(left.filter((x) => x.status === "open").map((x) => x.kind)).toEqual(["ready_to_progress"]);
    expect(left.filter((x) => x.status === "acknowledged").every((x) => x.note === "Acknowledged: seen")).toBe(true);
    // a second click on the same (now stale) rows changes nothing and says why
    await expect(acknowledgeTriageRows(clinic, again)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("return-to-run rows offer the stage step (§2c)", () => {

  it("a step up on rtr_ready good news and a step down where rtr_step_down is open, within the ladder's ends", async () => {
    const clinic = await makeClinic("RTR triage");
    const ready = await athlete(clinic, "Ready Runner");
    const sore = await athlete(clinic, "Sore Runner");
    const first = await athlete(clinic, "First Stage Runner");
    const last = await athlete(clinic, "Last Stage Runner");
    for (const [a, n] of [[ready, 3], [sore, 4], [first, 1], [last, 8]] as const) {
      await startReturnToRun(clinic, { athleteId: a.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(n), reason: "cleared to run" });
    }
    await stored(clinic, ready.athleteId, { kind: "rtr_ready", severity: "good_news", subject: builtInStage(3) });
    await stored(clinic, last.athleteId, { kind: "rtr_ready", severity: "good_news", subject: builtInStage(8) });
    await stored(clinic, sore.athleteId, { kind: "morning_pain", severity: "high" });
    await stored(clinic, sore.athleteId, { kind: "rtr_step_down", severity: "moderate", subject: builtInStage(4) });
    await stored(clinic, first.athleteId, { kind: "rtr_step_down", severity: "moderate", subject: builtInStage(1) });

    const good = await listGoodNews(clinic);
    const up = new Map(good.rows.map((r) => [r.name, r.rtrStepUp]));
    expect(up.get("Ready Runner")).toEqual({ ok: true, direction: "up", fromStage: 3, toStage: 4 });
    expect(up.get("Last Stage Runner")).toEqual({ ok: false, message: "Last stage: open the athlete's page to set their running" });

    const triage = await listTriage(clinic);
    const down = new Map(triage.rows.map((r) => [r.name, r.rtrStepDown]));
    // the step is offered even when another alert is the row's most severe
    expect(triage.rows.find((r) => r.name === "Sore Runner")?.severity).toBe("high");
    expect(down.get("Sore Runner")).toEqual({ ok: true, direction: "down", fromStage: 4, toStage: 3 });
    expect(down.get("First Stage Runner")).toEqual({ ok: false, message: "Already the first stage" });
  });
});
