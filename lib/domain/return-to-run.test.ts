import { describe, expect, it } from "vitest";
import { deriveAlerts } from "./alerts";
import { indexHistory } from "./history";
import {
  athleteStepRefusal,
  ladderOverPrescription,
  pausedSince,
  rtrVerdict,
  sessionRunningMinutes,
  stageInWords,
  stageOn,
  todaysSession,
  verdictInWords,
  type RtrInput,
  type RunStage,
  type StageAssignment,
} from "./return-to-run";
import { D, activity, checkIn, day } from "./test-builders";
import type { Activity, CheckIn, RedFlag } from "./types";

// The built-in ladder of DESIGN §2c.
const STAGES: RunStage[] = [
  { id: "s1", runMin: 0, walkMin: 30, repeats: 1, sessionsPerWeek: 3 },
  { id: "s2", runMin: 1, walkMin: 4, repeats: 6, sessionsPerWeek: 3 },
  { id: "s3", runMin: 2, walkMin: 3, repeats: 6, sessionsPerWeek: 3 },
  { id: "s4", runMin: 3, walkMin: 2, repeats: 6, sessionsPerWeek: 3 },
  { id: "s5", runMin: 4, walkMin: 1, repeats: 6, sessionsPerWeek: 3 },
  { id: "s6", runMin: 9, walkMin: 1, repeats: 3, sessionsPerWeek: 3 },
  { id: "s7", runMin: 30, walkMin: 0, repeats: 1, sessionsPerWeek: 3 },
  { id: "s8", runMin: 40, walkMin: 0, repeats: 1, sessionsPerWeek: 3 },
];

const at = (offset: number, hour = 9) => Date.parse(`${day(offset)}T${String(hour).padStart(2, "0")}:00:00Z`);
const assign = (stageId: string, offset: number, byTrainer = true, hour = 9): StageAssignment => ({ stageId, date: day(offset), byTrainer, madeAtMs: at(offset, hour) });

/** A stage session: completed with the given pain unless said otherwise. */
function session(offset: number, stageId: string | null, during: number | null, after: number | null, extra: Partial<Activity> = {}): Activity {
  return activity(day(offset), { type: "run", durationSec: 30 * 60, rpe: 3, painDuring: during, painAfter: after, stageId, outcome: stageId ? "completed" : null, recordedAtMs: at(offset, 18), ...extra });
}

/** Daily check-ins d−20…d with morning pain 2 unless overridden (the worked examples' baseline 2). */
function mornings(overrides: Record<number, number | null> = {}, flags: Record<number, RedFlag[]> = {}, to = 0): CheckIn[] {
  const list: CheckIn[] = [];
  for (let i = -20; i <= to; i++) list.push({ ...checkIn(day(i), i in overrides ? overrides[i]! : 2, flags[i] ?? []), recordedAtMs: at(i, 7) });
  return list;
}

function input(checkIns: CheckIn[], activities: Activity[], assignments: StageAssignment[], athleteMayStepUp = false): RtrInput {
  return { stages: STAGES, assignments, athleteMayStepUp, history: indexHistory({ checkIns, activities }), exerciseLogs: [] };
}

const kinds = (i: RtrInput, offsets: number[]) => offsets.map((k) => rtrVerdict(i, day(k))?.kind);

describe("§2c worked examples", () => {
  it("stage 3: hold on d−3 (its next morning is not known yet), step up from d−2 on", () => {
    const i = input(mornings({ [-4]: 2, [-2]: 1 }), [session(-5, "s3", 1, 2), session(-3, "s3", 2, 1)], [assign("s3", -6)]);
    expect(kinds(i, [-3, -2, -1, 0])).toEqual(["hold", "step_up", "step_up", "step_up"]);
    expect(rtrVerdict(i, day(-3))).toMatchObject({ kind: "hold", why: `the morning after ${day(-3)} is not known yet` });
    const alerts = (k: number) =>
      deriveAlerts({ records: { checkIns: mornings({ [-4]: 2, [-2]: 1 }), activities: [session(-5, "s3", 1, 2), session(-3, "s3", 2, 1)] }, status: "return_to_run", prescription: null, returnToRun: i }, day(k))
        .filter((a) => a.kind.startsWith("rtr_"))
        .map((a) => `${a.kind}:${a.subject}`);
    expect([-3, -2, -1, 0].map(alerts)).toEqual([[], ["rtr_ready:s3"], ["rtr_ready:s3"], ["rtr_ready:s3"]]);
    const ready = deriveAlerts({ records: { checkIns: mornings({ [-4]: 2, [-2]: 1 }), activities: [session(-5, "s3", 1, 2), session(-3, "s3", 2, 1)] }, status: "return_to_run", prescription: null, returnToRun: i }, D).find((a) => a.kind === "rtr_ready");
    expect(ready?.facts).toEqual({ kind: "rtr_ready", stageId: "s3", stageNumber: 3, lastStage: false, sessionDates: [day(-5), day(-3)] });
  });

  it("stage 4: pain 3 during, 4 after on d−1 and morning pain 4 on d → rose next morning → step down to stage 3", () => {
    const checkIns = mornings({ 0: 4 });
    const activities = [session(-1, "s4", 3, 4)];
    const i = input(checkIns, activities, [assign("s4", -10)]);
    const v = rtrVerdict(i, D)!;
    expect(v.kind).toBe("step_down");
    expect(verdictInWords(v)).toBe("Go back to stage 3 next time");
    const alerts = deriveAlerts({ records: { checkIns, activities }, status: "return_to_run", prescription: null, returnToRun: i }, D).map((a) => `${a.kind}:${a.severity}`);
    expect(alerts).toContain("rtr_step_down:moderate");
    expect(alerts).toContain("morning_rise:high");
  });

  it("stage 2: the d−4 session did not settle (morning pain 3 on d−3) → hold, and a moderate morning_rise on d−3", () => {
    const checkIns = mornings({ [-3]: 3 });
    const activities = [session(-4, "s2", 2, 2), session(-2, "s2", 2, 2)];
    const i = input(checkIns, activities, [assign("s2", -10)]);
    expect(rtrVerdict(i, D)).toMatchObject({ kind: "hold", why: `the morning after ${day(-4)} did not settle` });
    const rise = deriveAlerts({ records: { checkIns, activities }, status: "return_to_run", prescription: null, returnToRun: i }, day(-3)).filter((a) => a.kind === "morning_rise");
    expect(rise.map((a) => a.severity)).toEqual(["moderate"]);
  });

  it("stage 5: rtr_ready on d−1, then locking on d pauses the plan: stop, and no rtr_ready until a trainer resumes", () => {
    const checkIns = mornings({}, { 0: ["locking"] }, 2);
    const activities = [session(-4, "s5", 1, 1), session(-2, "s5", 0, 1)];
    const i = input(checkIns, activities, [assign("s5", -10)]);
    expect(kinds(i, [-1, 0, 1, 2])).toEqual(["step_up", "stop", "stop", "stop"]);
    expect(verdictInWords(rtrVerdict(i, D)!)).toBe("Contact your athletic trainer today; no running until you have spoken");
    const ready = (k: number) => deriveAlerts({ records: { checkIns, activities }, status: "return_to_run", prescription: null, returnToRun: i }, day(k)).filter((a) => a.kind === "rtr_ready");
    expect([-1, 0, 1, 2].map((k) => ready(k).length)).toEqual([1, 0, 0, 0]);
    // an athlete's step never resumes; a trainer-made assignment dated on or after the stop does
    expect(rtrVerdict({ ...i, assignments: [...i.assignments, assign("s4", 1, false)] }, day(2))!.kind).toBe("stop");
    expect(rtrVerdict({ ...i, assignments: [...i.assignments, assign("s5", 1, true)] }, day(2))!.kind).toBe("hold");
  });

  it("stage 1: the latest walk stopped early because of pain → hold — already the first stage, and rtr_step_down is raised", () => {
    const checkIns = mornings();
    const activities = [activity(day(-1), { type: "walk", durationSec: 12 * 60, rpe: 2, painDuring: 4, painAfter: 3, stageId: "s1", outcome: "stopped_early", stopReason: "pain" })];
    const i = input(checkIns, activities, [assign("s1", -5)]);
    const v = rtrVerdict(i, D)!;
    expect(v).toMatchObject({ kind: "step_down", stage: { number: 1, isFirst: true } });
    expect(verdictInWords(v)).toMatch(/already the first stage/);
    const alerts = deriveAlerts({ records: { checkIns, activities }, status: "return_to_run", prescription: null, returnToRun: i }, D);
    expect(alerts.find((a) => a.kind === "rtr_step_down")?.reason).toMatch(/^Hold — already the first stage/);
    expect(alerts.find((a) => a.kind === "rtr_step_down")?.facts).toEqual({ kind: "rtr_step_down", stageId: "s1", stageNumber: 1, firstStage: true, sessionId: activities[0]!.id, sessionDate: day(-1) });
  });
});

describe("§2c stage in force and sessions", () => {
  it("the stage in force on d is the latest assignment dated on or before d; on one date the last made", () => {
    const plan = { stages: STAGES, assignments: [assign("s2", -10), assign("s3", -3, true, 9), assign("s4", -3, true, 15)] };
    expect(stageOn(plan, day(-4))?.number).toBe(2);
    expect(stageOn(plan, day(-3))?.number).toBe(4);
    expect(stageOn(plan, day(-11))).toBeNull();
  });

  it("sessions before the current assignment do not count: a step resets the count", () => {
    const i = input(mornings(), [session(-8, "s3", 1, 1), session(-6, "s3", 1, 1), session(-2, "s4", 1, 1)], [assign("s3", -10), assign("s4", -4)]);
    expect(rtrVerdict(i, D)).toMatchObject({ kind: "hold", why: "one session at this stage so far; two are needed" });
  });

  it("an off-plan run is never completed, so it blocks step up, and is judged for step down", () => {
    const i = input(mornings(), [session(-4, "s3", 1, 1), session(-2, null, 1, 1, { distanceM: 5000 })], [assign("s3", -10)]);
    expect(rtrVerdict(i, D)).toMatchObject({ kind: "hold", why: `the run of ${day(-2)} was not logged against the stage` });
    const painful = input(mornings(), [session(-4, "s3", 1, 1), session(-1, null, 2, 6, { distanceM: 5000 })], [assign("s3", -10)]);
    expect(rtrVerdict(painful, D)).toMatchObject({ kind: "step_down" });
  });

  it("running pain > 5 in the latest session steps down even when the morning settled", () => {
    const i = input(mornings(), [session(-3, "s4", 6, 2)], [assign("s4", -10)]);
    expect(rtrVerdict(i, D)).toMatchObject({ kind: "step_down", why: `the session of ${day(-3)} had pain 6/10` });
  });

  it("a session stopped early for another reason is left out of step up", () => {
    const i = input(mornings(), [session(-5, "s3", 1, 1), session(-3, "s3", 1, 1), session(-1, "s3", 1, 1, { outcome: "stopped_early", stopReason: "other", stoppedAtRepeat: 3 })], [assign("s3", -10)]);
    expect(rtrVerdict(i, D)!.kind).toBe("step_up");
  });

  it("pain during and after must both be reported and ≤ 2", () => {
    const i = input(mornings(), [session(-5, "s3", 1, null), session(-3, "s3", 1, 1)], [assign("s3", -10)]);
    expect(rtrVerdict(i, D)!.kind).toBe("hold");
    const three = input(mornings(), [session(-5, "s3", 3, 1), session(-3, "s3", 1, 1)], [assign("s3", -10)]);
    expect(rtrVerdict(three, D)!.kind).toBe("hold");
  });

  it("a missing next-morning check-in blocks step up and causes no step down", () => {
    const i = input(mornings({ [-2]: null }), [session(-5, "s3", 1, 1), session(-3, "s3", 1, 1)], [assign("s3", -10)]);
    expect(rtrVerdict(i, D)!.kind).toBe("hold");
  });

  it("no step up with a red flag in d−6…d, a red light on d, or a morning rise ≥ 2 after the later session", () => {
    const sessions = [session(-5, "s3", 1, 1), session(-3, "s3", 1, 1)];
    expect(rtrVerdict(input(mornings({}, { [-6]: ["swelling"] }), sessions, [assign("s3", -10)]), D)!.kind).toBe("hold");
    expect(rtrVerdict(input(mornings({ [-1]: 4 }), sessions, [assign("s3", -10)]), D)!.kind).toBe("hold");
    expect(rtrVerdict(input(mornings({ 0: 6 }), sessions, [assign("s3", -10)]), D)!.kind).toBe("hold");
  });

  it("without a baseline a next morning settles at ≤ 2", () => {
    const few = [checkIn(day(-4), 2), checkIn(day(-2), 2)];
    const i = input(few, [session(-5, "s3", 1, 1), session(-3, "s3", 1, 1)], [assign("s3", -6)]);
    expect(rtrVerdict(i, D)!.kind).toBe("step_up");
  });
});

describe("§2c stop events, pause and resume", () => {
  it("a pain value ≥ 7 pauses; a resume covers stop events on its date recorded before it, not those after", () => {
    const painful = [session(-3, "s3", 7, 3)];
    const i = input(mornings(), painful, [assign("s3", -10)]);
    expect(pausedSince(i, D)).toBe(day(-3));
    // resumed on d−3 after the session was recorded (18:00): covered
    expect(pausedSince({ ...i, assignments: [...i.assignments, assign("s2", -3, true, 20)] }, D)).toBeNull();
    // resumed on d−3 before it was recorded: paused again
    expect(pausedSince({ ...i, assignments: [...i.assignments, assign("s2", -3, true, 8)] }, D)).toBe(day(-3));
  });

  it("an exercise pain ≥ 7 and a morning pain ≥ 7 are stop events; a non-urgent red flag is not", () => {
    const base = input(mornings({}, { [-1]: ["swelling"] }), [], [assign("s3", -10)]);
    expect(pausedSince(base, D)).toBeNull();
    expect(pausedSince({ ...base, exerciseLogs: [{ itemId: "i", date: day(-1), setsDone: 3, setsPrescribed: 3, exercisePain: 7, couldNotFinish: false, loggedAtMs: at(-1) }] }, D)).toBe(day(-1));
    expect(pausedSince(input(mornings({ [-2]: 7 }), [], [assign("s3", -10)]), D)).toBe(day(-2));
  });

  it("stop takes precedence over step down; no rtr_* alert while paused", () => {
    const checkIns = mornings({ 0: 8 });
    const activities = [session(-1, "s4", 6, 6)];
    const i = input(checkIns, activities, [assign("s4", -10)]);
    expect(rtrVerdict(i, D)!.kind).toBe("stop");
    const alerts = deriveAlerts({ records: { checkIns, activities }, status: "return_to_run", prescription: null, returnToRun: i }, D).map((a) => a.kind);
    expect(alerts.filter((k) => k.startsWith("rtr_"))).toEqual([]);
    expect(alerts).toContain("pain_7");
  });
});

describe("§2c words", () => {
  it("says the stage session in words", () => {
    const words = (n: number) => stageInWords({ ...STAGES[n - 1]!, number: n, isFirst: n === 1, isLast: n === 8 });
    expect(words(4)).toBe("Stage 4: run 3 min, walk 2 min, 6 times — 30 min");
    expect(words(1)).toBe("Stage 1: walk briskly 30 min");
    expect(words(7)).toBe("Stage 7: run 30 min continuously — 30 min");
  });

  it("the verdict in words: step up, may step up alone, last stage, hold", () => {
    const sessions = [session(-5, "s3", 1, 1), session(-3, "s3", 1, 1)];
    const up = rtrVerdict(input(mornings(), sessions, [assign("s3", -10)]), D)!;
    expect(verdictInWords(up)).toBe("Ready for stage 4 — your AT will move you up");
    expect(verdictInWords(up, true)).toBe("You may move up to stage 4");
    const last = rtrVerdict(input(mornings(), [session(-5, "s8", 1, 1), session(-3, "s8", 1, 1)], [assign("s8", -10)]), D)!;
    expect(verdictInWords(last)).toBe("Ready to finish the return-to-run plan — your AT will set your running");
    expect(verdictInWords(rtrVerdict(input(mornings(), [], [assign("s3", -10)]), D)!)).toBe("Repeat stage 3");
  });

  it("rtr_ready at the last stage reads ready to finish", () => {
    const checkIns = mornings();
    const activities = [session(-5, "s8", 1, 1, { durationSec: 40 * 60 }), session(-3, "s8", 1, 1, { durationSec: 40 * 60 })];
    const i = input(checkIns, activities, [assign("s8", -10)]);
    const [ready] = deriveAlerts({ records: { checkIns, activities }, status: "return_to_run", prescription: null, returnToRun: i }, D).filter((a) => a.kind === "rtr_ready");
    expect(ready!.reason).toMatch(/^Ready to finish the return-to-run plan/);
    expect(ready!.subject).toBe("s8");
  });

  it("Today: rest day after a session yesterday or when the week's sessions are done, else the session", () => {
    const plan = (acts: Activity[]) => input(mornings(), acts, [assign("s4", -10)]);
    expect(todaysSession(plan([]), D)).toMatchObject({ kind: "session", words: "Stage 4: run 3 min, walk 2 min, 6 times — 30 min" });
    expect(todaysSession(plan([session(-1, "s4", 1, 1)]), D)?.kind).toBe("rest");
    expect(todaysSession(plan([session(-6, "s4", 1, 1), session(-4, "s4", 1, 1), session(-2, null, 1, 1)]), D)?.kind).toBe("rest");
    expect(todaysSession(plan([session(-4, "s4", 1, 1), session(-2, "s4", 1, 1)]), D)?.kind).toBe("session");
  });
});

describe("§2c over_prescription on a ladder", () => {
  it("sessions: more than the stage's per week, or two on the same or consecutive dates", () => {
    const i = (acts: Activity[]) => input(mornings(), acts, [assign("s3", -10)]);
    expect(ladderOverPrescription(i([session(-6, "s3", 1, 1), session(-4, "s3", 1, 1), session(-2, "s3", 1, 1)]), D)).toEqual([]);
    expect(ladderOverPrescription(i([session(-6, "s3", 1, 1), session(-4, "s3", 1, 1), session(-2, "s3", 1, 1), session(0, "s3", 1, 1)]), D)).toMatchObject([{ subject: "sessions", stageId: "s3", count: 4 }]);
    expect(ladderOverPrescription(i([session(-2, "s3", 1, 1), session(-1, "s3", 1, 1)]), D)).toMatchObject([{ subject: "sessions", closeDates: [day(-2), day(-1)] }]);
  });

  it("length: a session over 1.10 × its stage's running minutes; at stage 1 any running", () => {
    const i = (acts: Activity[], stage = "s3") => input(mornings(), acts, [assign(stage, -10)]);
    // stage 3 = 12 running minutes; an off-plan 14-min run is over 13.2, a 13-min one is not
    expect(ladderOverPrescription(i([session(0, null, 1, 1, { durationSec: 13 * 60 })]), D)).toEqual([]);
    expect(ladderOverPrescription(i([session(0, null, 1, 1, { durationSec: 14 * 60 })]), D)).toMatchObject([{ subject: "length", stageId: "s3", runningMin: 14, limitMin: 12 }]);
    // a completed run/walk session counts run minutes × repeats, whatever its total duration
    expect(ladderOverPrescription(i([session(0, "s3", 1, 1, { durationSec: 30 * 60 })]), D)).toEqual([]);
    expect(ladderOverPrescription(i([activity(D, { type: "walk", stageId: "s1", outcome: "completed" })], "s1"), D)).toEqual([]);
    expect(ladderOverPrescription(i([session(0, null, 1, 1, { durationSec: 5 * 60 })], "s1"), D)).toMatchObject([{ subject: "length", stageId: "s1" }]);
  });

  it("running minutes: the timer's, else duration (off-plan or continuous), else run × repeats reached, 0 at stage 1", () => {
    const a = (extra: Partial<Activity>) => activity(D, { durationSec: 33 * 60, ...extra });
    expect(sessionRunningMinutes(a({ runningSec: 600 }), STAGES[2]!, false)).toBe(10);
    expect(sessionRunningMinutes(a({}), STAGES[2]!, true)).toBe(33);
    expect(sessionRunningMinutes(a({}), STAGES[6]!, false)).toBe(33);
    expect(sessionRunningMinutes(a({ outcome: "stopped_early", stoppedAtRepeat: 4 }), STAGES[2]!, false)).toBe(8);
    expect(sessionRunningMinutes(a({ type: "walk" }), STAGES[0]!, false)).toBe(0);
  });

  it("while on a ladder the distance caps, run_spike and weekly_jump do not apply", () => {
    const checkIns = mornings();
    const activities = [session(-10, null, 1, 1, { distanceM: 3000 }), session(0, "s7", 1, 1, { distanceM: 9000 })];
    const i = input(checkIns, activities, [assign("s7", -12)]);
    const prescription = { weeklyDistanceCapM: 1000, longestRunCapM: 1000 };
    const on = deriveAlerts({ records: { checkIns, activities }, status: "return_to_run", prescription, returnToRun: i }, D).map((a) => a.kind);
    expect(on).not.toContain("run_spike");
    expect(on.filter((k) => k === "over_prescription")).toEqual([]);
    const off = deriveAlerts({ records: { checkIns, activities }, status: "active", prescription, returnToRun: i }, D).map((a) => a.kind);
    expect(off).toContain("run_spike");
    expect(off).toContain("over_prescription");
  });
});

describe("§2c who may step", () => {
  const up = rtrVerdict(input(mornings(), [session(-5, "s3", 1, 1), session(-3, "s3", 1, 1)], [assign("s3", -10)]), D);
  const hold = rtrVerdict(input(mornings(), [], [assign("s3", -10)]), D);
  const stop = rtrVerdict(input(mornings({ 0: 7 }), [], [assign("s3", -10)]), D);
  const first = rtrVerdict(input(mornings(), [], [assign("s1", -10)]), D);
  it("the athlete steps up alone only when allowed and step up holds, never at the last stage", () => {
    expect(athleteStepRefusal(up, "up", true)).toBeNull();
    expect(athleteStepRefusal(up, "up", false)).toMatch(/AT moves you up/);
    expect(athleteStepRefusal(hold, "up", true)).toMatch(/two clean/);
  });
  it("the athlete may step down one stage any time, but not when paused or at stage 1", () => {
    expect(athleteStepRefusal(hold, "down", false)).toBeNull();
    expect(athleteStepRefusal(stop, "down", false)).toMatch(/paused/);
    expect(athleteStepRefusal(first, "down", false)).toMatch(/first stage/);
  });
});
