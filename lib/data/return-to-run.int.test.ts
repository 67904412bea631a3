import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, alerts, athleteStatusHistory, athletes, auditLog, runStages, stageAssignments } from "@/db/schema";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { recordCheckIn } from "@/lib/data/check-ins";
import { addDays, todayIn } from "@/lib/domain/dates";
import type { RedFlag } from "@/lib/domain/types";
import { checkInSchema } from "@/lib/validation/reporting";
import { stageSessionSchema } from "@/lib/validation/return-to-run";
import { BUILT_IN_RUN_LADDER, builtInStage, makeAthlete, makeClinic } from "@/tests/integration/factories";
import { evaluateAthlete } from "./derived/evaluate";
import { applyStageStep, getReturnToRun, setAthleteMayStepUp, startReturnToRun } from "./return-to-run";
import { recordStageSession } from "./stage-sessions";
import { getToday } from "@/lib/data/today";

// DESIGN §2c through the data layer: four weeks on the built-in return-to-run ladder, the athlete's
// own reports entered as the athlete would (check-ins, stage sessions), and the stage assignments
// of the past as they were made then (the data layer dates new ones today and cannot backdate).
const today = todayIn("Europe/London");
const d = (k: number) => addDays(today, k);

type Ctx = { clinic: TrainerScope; athlete: AthleteScope };

async function setup(label: string): Promise<Ctx> {
  const clinic = await makeClinic(label);
  const athlete = await makeAthlete(clinic, label);
  return { clinic, athlete };
}

/** A stage assignment made on a past date (at 09:00 UTC that day). */
async function assignedOn(ctx: Ctx, k: number, n: number, byTrainer = true, kind: "started" | "stepped_up" | "stepped_down" = "stepped_up") {
  await getDb()
    .insert(stageAssignments)
    .values({
      clinicId: ctx.clinic.clinicId,
      athleteId: ctx.athlete.athleteId,
      ladderId: BUILT_IN_RUN_LADDER,
      stageId: builtInStage(n),
      date: d(k),
      kind,
      byTrainer,
      madeBy: byTrainer ? ctx.clinic.userId : ctx.athlete.userId,
      reason: byTrainer ? "trainer's step" : "stepped down by the athlete",
      toStageNumber: n,
      createdAt: new Date(`${d(k)}T09:00:00Z`),
    });
}

async function onLadderSince(ctx: Ctx, k: number) {
  const db = getDb();
  await db.update(athletes).set({ status: "return_to_run" }).where(eq(athletes.id, ctx.athlete.athleteId));
  await db.insert(athleteStatusHistory).values({ clinicId: ctx.clinic.clinicId, athleteId: ctx.athlete.athleteId, status: "return_to_run", fromDate: d(k), createdAt: new Date(`${d(k)}T08:00:00Z`) });
}

const checkIn = (ctx: Ctx, k: number, morningPain: number, flags: RedFlag[] = []) =>
  recordCheckIn(ctx.athlete, checkInSchema.parse({ date: d(k), morningPain, redFlags: Object.fromEntries(flags.map((f) => [f, true])) }));

const sessionOn = (ctx: Ctx, k: number, n: number, painDuring: number, painAfter: number, extra: Record<string, unknown> = {}) =>
  recordStageSession(ctx.athlete, stageSessionSchema.parse({ clientId: randomUUID(), stageId: builtInStage(n), date: d(k), durationSec: 1800, rpe: 3, painDuring, painAfter, outcome: "completed", ...extra }));

const live = async (ctx: Ctx) =>
  getDb()
    .select()
    .from(alerts)
    .where(and(eq(alerts.clinicId, ctx.clinic.clinicId), eq(alerts.athleteId, ctx.athlete.athleteId), isNull(alerts.retiredAt)))
    .orderBy(alerts.date, alerts.kind);

const rtrKeys = async (ctx: Ctx) => (await live(ctx)).filter((a) => a.kind.startsWith("rtr_")).map((a) => `${a.kind}:${a.subject === BUILT_IN_RUN_LADDER ? "" : `stage ${a.subject!.slice(-1)}`}@${a.date}`);

describe("a four-week return to run (§2c) through the data layer", () => {
  it("gives the expected verdict on each day: step up, a step down after a morning rise ≥ 2, a stop on an urgent red flag, and a resume", async () => {
    const ctx = await setup("Four weeks");
    await onLadderSince(ctx, -28);
    // the trainer's start at stage 2 and step to 3, the trainer's step to 4, the athlete's step back to 3
    await assignedOn(ctx, -27, 2, true, "started");
    await assignedOn(ctx, -21, 3);
    await assignedOn(ctx, -14, 4);
    await assignedOn(ctx, -10, 3, false, "stepped_down");

    const painful: Record<number, number> = { [-12]: 4 };
    for (let k = -34; k <= 0; k++) await checkIn(ctx, k, painful[k] ?? 2, k === -3 ? ["locking"] : []);
    await sessionOn(ctx, -26, 2, 1, 1);
    await sessionOn(ctx, -24, 2, 1, 2);
    await sessionOn(ctx, -20, 3, 1, 2);
    await sessionOn(ctx, -18, 3, 2, 1);
    await sessionOn(ctx, -13, 4, 3, 4);
    await sessionOn(ctx, -9, 3, 1, 1);
    await sessionOn(ctx, -7, 3, 1, 1);
    await evaluateAthlete({ clinicId: ctx.clinic.clinicId, athleteId: ctx.athlete.athleteId });

    expect(await rtrKeys(ctx)).toEqual([
      `rtr_ready:stage 2@${d(-23)}`,
      `rtr_ready:stage 2@${d(-22)}`,
      `rtr_ready:stage 3@${d(-17)}`,
      `rtr_ready:stage 3@${d(-16)}`,
      `rtr_ready:stage 3@${d(-15)}`,
      `rtr_step_down:stage 4@${d(-12)}`,
      `rtr_step_down:stage 4@${d(-11)}`,
      `rtr_ready:stage 3@${d(-6)}`,
      `rtr_ready:stage 3@${d(-5)}`,
      `rtr_ready:stage 3@${d(-4)}`,
    ]);
    const all = await live(ctx);
    expect(all.filter((a) => a.kind === "morning_rise").map((a) => `${a.severity}@${a.date}`)).toEqual([`high@${d(-12)}`]);
    expect(all.filter((a) => a.kind === "red_flag").map((a) => `${a.subject}:${a.severity}@${a.date}`)).toEqual([`locking:urgent@${d(-3)}`]);
    expect(all.find((a) => a.kind === "rtr_step_down")!.reason).toMatch(/^Step down to stage 3: morning pain rose to 4\/10/);
    // on a ladder: no distance caps, run_spike or weekly_jump; three sessions a week, never back to back
    expect(all.filter((a) => ["run_spike", "weekly_jump", "over_prescription"].includes(a.kind))).toEqual([]);

    // paused since the locking of d−3: the verdict is stop, and the athlete cannot step
    const paused = await getReturnToRun(ctx.athlete, ctx.athlete.athleteId);
    expect(paused).toMatchObject({ onLadder: true, paused: true, stage: { number: 3 }, verdict: { kind: "stop", forAthlete: "Contact your athletic trainer today; no running until you have spoken" } });
    await expect(applyStageStep(ctx.athlete, undefined, { direction: "down" })).rejects.toThrow(/paused/);

    // the trainer resumes at stage 3 with a reason: open rtr_* alerts dated before today are resolved with it
    await startReturnToRun(ctx.clinic, { athleteId: ctx.athlete.athleteId, ladderId: BUILT_IN_RUN_LADDER, stageId: builtInStage(3), reason: "Spoke with her: the knee straightens fully again" });
    const resumed = await getReturnToRun(ctx.clinic, ctx.athlete.athleteId);
    expect(resumed).toMatchObject({ paused: false, stage: { number: 3 }, verdict: { kind: "hold", forAthlete: "Repeat stage 3" } });
    expect(resumed.history[0]).toMatchObject({ kind: "resumed", date: today, byTrainer: true, reason: "Spoke with her: the knee straightens fully again" });
    const rtr = (await live(ctx)).filter((a) => a.kind.startsWith("rtr_"));
    expect(rtr.length).toBe(10);
    expect(rtr.every((a) => a.status === "resolved" && a.note === "Spoke with her: the knee straightens fully again")).toBe(true);
  });
});

describe("who may step (§2c)", () => {
  async function cleanStageThree(): Promise<Ctx> {
    const ctx = await setup("Steps");
    await onLadderSince(ctx, -12);
    await assignedOn(ctx, -10, 3, true, "started");
    for (let k = -12; k <= 0; k++) await checkIn(ctx, k, 2);
    await sessionOn(ctx, -5, 3, 1, 1);
    await sessionOn(ctx, -3, 3, 1, 1);
    return ctx;
  }

  it("the athlete steps up alone only when the trainer allowed it and step up holds; the step resolves the rtr_ready alerts", async () => {
    const ctx = await cleanStageThree();
    expect((await getReturnToRun(ctx.athlete, ctx.athlete.athleteId)).verdict).toMatchObject({ kind: "step_up", forAthlete: "Ready for stage 4 — your AT will move you up" });
    await expect(applyStageStep(ctx.athlete, undefined, { direction: "up" })).rejects.toThrow(/AT moves you up/);
    await setAthleteMayStepUp(ctx.clinic, { athleteId: ctx.athlete.athleteId, allowed: true });
    expect((await getReturnToRun(ctx.athlete, ctx.athlete.athleteId)).verdict?.forAthlete).toBe("You may move up to stage 4");
    expect(await applyStageStep(ctx.athlete, undefined, { direction: "up" })).toEqual({ stage: 4 });
    const ready = (await live(ctx)).filter((a) => a.kind === "rtr_ready");
    // before today: resolved by the athlete's step; today's no longer holds at stage 4 and is retired
    expect(ready.map((a) => [a.date, a.status, a.note])).toEqual([
      [d(-2), "resolved", "stepped up by the athlete"],
      [d(-1), "resolved", "stepped up by the athlete"],
    ]);
    const [audit] = await getDb().select().from(auditLog).where(and(eq(auditLog.clinicId, ctx.clinic.clinicId), eq(auditLog.action, "return_to_run.stepped_up")));
    expect(audit).toMatchObject({ actorId: ctx.athlete.userId, entityId: ctx.athlete.athleteId });
  });

  it("the athlete may step down one stage any time, not at stage 1; the trainer steps with a reason", async () => {
    const ctx = await cleanStageThree();
    // on the ladder, Today says the stage sets the running, not the distance caps
    expect((await getToday(ctx.athlete)).onLadder).toBe(true);
    expect(await applyStageStep(ctx.athlete, undefined, { direction: "down" })).toEqual({ stage: 2 });
    await expect(applyStageStep(ctx.clinic, ctx.athlete.athleteId, { direction: "down" })).rejects.toThrow(/Say why/);
    expect(await applyStageStep(ctx.clinic, ctx.athlete.athleteId, { direction: "down", reason: "Walk a week first" })).toEqual({ stage: 1 });
    await expect(applyStageStep(ctx.athlete, undefined, { direction: "down" })).rejects.toThrow(/first stage/);
    const view = await getReturnToRun(ctx.athlete, ctx.athlete.athleteId);
    expect(view.today?.words).toMatch(/^Stage 1: walk briskly 30 min$|^Rest day/);
    // a stage-1 session is a walk
    await sessionOn(ctx, 0, 1, 0, 0);
    const [walk] = await getDb().select({ id: runStages.id }).from(runStages).where(eq(runStages.id, builtInStage(1)));
    expect(walk).toBeDefined();
  });

  it("two sessions on one date without a time: the one entered later is the latest, whatever the row order", async () => {
    const ctx = await cleanStageThree();
    const clean = await sessionOn(ctx, 0, 3, 1, 1);
    await sessionOn(ctx, 0, 3, 6, 4);
    // put the earlier entry's row after the later one in the table (rows are read in heap order
    // when nothing else orders them), keeping its created_at: only the tie-break orders them now
    const db = getDb();
    const [row] = await db.select().from(activities).where(eq(activities.id, clean.id));
    await db.delete(activities).where(eq(activities.id, clean.id));
    await db.insert(activities).values(row!);
    expect((await getReturnToRun(ctx.athlete, ctx.athlete.athleteId)).verdict).toMatchObject({ kind: "step_down" });
    await evaluateAthlete({ clinicId: ctx.clinic.clinicId, athleteId: ctx.athlete.athleteId });
    expect(await rtrKeys(ctx)).toContain(`rtr_step_down:stage 3@${d(0)}`);
  });

  it("a session must be logged against a stage in force on its date", async () => {
    const ctx = await cleanStageThree();
    await expect(sessionOn(ctx, -1, 5, 1, 1)).rejects.toThrow(/stage you were on/);
    await expect(sessionOn(ctx, -11, 3, 1, 1)).rejects.toThrow(/stage you were on|no return-to-run plan/);
  });
});
