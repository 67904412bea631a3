import { describe, expect, it } from "vitest";
import { announce, cueBetween, elapsedOn, formatClock, newClock, outcomeAt, pauseClock, phasesOf, positionAt, repeatsDoneAt, runningMsAt, sessionLengthMs, startClock } from "./interval-timer";

const MIN = 60_000;
const stage2 = { runMin: 1, walkMin: 4, repeats: 6 }; // run 1, walk 4, × 6 — 30 min
const stage1 = { runMin: 0, walkMin: 30, repeats: 1 }; // walk briskly 30 min
const stage7 = { runMin: 30, walkMin: 0, repeats: 1 }; // run 30 continuous

describe("phases of a plan", () => {
  it("alternates run and walk for each repeat", () => {
    const p = phasesOf(stage2);
    expect(p).toHaveLength(12);
    expect(p.slice(0, 3)).toEqual([
      { kind: "run", repeat: 1, startMs: 0, lengthMs: MIN },
      { kind: "walk", repeat: 1, startMs: MIN, lengthMs: 4 * MIN },
      { kind: "run", repeat: 2, startMs: 5 * MIN, lengthMs: MIN },
    ]);
    expect(sessionLengthMs(stage2)).toBe(30 * MIN);
  });

  it("leaves out zero-minute phases: stage 1 only walks, a continuous stage only runs", () => {
    expect(phasesOf(stage1)).toEqual([{ kind: "walk", repeat: 1, startMs: 0, lengthMs: 30 * MIN }]);
    expect(phasesOf(stage7)).toEqual([{ kind: "run", repeat: 1, startMs: 0, lengthMs: 30 * MIN }]);
  });
});

describe("position at every phase boundary", () => {
  it("starts in the first run with the whole session left", () => {
    const p = positionAt(stage2, 0);
    expect(p.done).toBe(false);
    if (p.done) return;
    expect([p.phase.kind, p.repeat, p.phaseRemainingMs, p.totalRemainingMs]).toEqual(["run", 1, MIN, 30 * MIN]);
  });

  it("changes phase exactly on the boundary (start inclusive, end exclusive)", () => {
    for (const phase of phasesOf(stage2)) {
      const before = positionAt(stage2, phase.startMs - 1);
      const at = positionAt(stage2, phase.startMs);
      expect(at.done).toBe(false);
      if (at.done) continue;
      expect([at.phase.kind, at.repeat, at.phaseRemainingMs]).toEqual([phase.kind, phase.repeat, phase.lengthMs]);
      if (phase.startMs > 0) {
        expect(before.done).toBe(false);
        if (!before.done) expect(before.phaseRemainingMs).toBe(1);
        expect(before.index).toBe(at.index - 1);
      }
    }
  });

  it("is done at exactly the session's length and after it", () => {
    const last = positionAt(stage2, 30 * MIN - 1);
    expect(last.done).toBe(false);
    if (!last.done) expect([last.phase.kind, last.repeat, last.totalRemainingMs]).toEqual(["walk", 6, 1]);
    expect(positionAt(stage2, 30 * MIN)).toMatchObject({ done: true, totalRemainingMs: 0, elapsedMs: 30 * MIN });
    expect(positionAt(stage2, 90 * MIN)).toMatchObject({ done: true, elapsedMs: 30 * MIN });
  });

  it("reads a negative elapsed time as the start", () => {
    expect(positionAt(stage2, -500)).toMatchObject({ done: false, index: 0, elapsedMs: 0 });
  });
});

describe("running time and repeats done", () => {
  it("counts only the run phases", () => {
    expect(runningMsAt(stage2, 30_000)).toBe(30_000);
    expect(runningMsAt(stage2, 3 * MIN)).toBe(MIN);
    expect(runningMsAt(stage2, 5 * MIN + 10_000)).toBe(MIN + 10_000);
    expect(runningMsAt(stage2, 30 * MIN)).toBe(6 * MIN);
    expect(runningMsAt(stage1, 30 * MIN)).toBe(0);
  });

  it("counts a repeat once its run is over; at a walking stage once its walk is over", () => {
    expect(repeatsDoneAt(stage2, MIN - 1)).toBe(0);
    expect(repeatsDoneAt(stage2, MIN)).toBe(1);
    expect(repeatsDoneAt(stage2, 11 * MIN)).toBe(3);
    expect(repeatsDoneAt(stage1, 29 * MIN)).toBe(0);
    expect(repeatsDoneAt(stage1, 30 * MIN)).toBe(1);
  });
});

describe("the outcome the log form is filled in with", () => {
  it("completed when the whole plan ran", () => {
    expect(outcomeAt(stage2, 30 * MIN)).toEqual({ outcome: "completed", durationSec: 1800, runningSec: 360, stoppedAtRepeat: null });
    expect(outcomeAt(stage2, 31 * MIN)).toEqual({ outcome: "completed", durationSec: 1800, runningSec: 360, stoppedAtRepeat: null });
  });

  it("stopped early at repeat N: the repeats done, the time and the running time so far", () => {
    // stopped 20 s into the run of repeat 3: two repeats done, 2 min 20 s of running
    expect(outcomeAt(stage2, 10 * MIN + 20_000)).toEqual({ outcome: "stopped_early", durationSec: 620, runningSec: 140, stoppedAtRepeat: 2 });
    // stopped in the walk of repeat 3: its run counts
    expect(outcomeAt(stage2, 12 * MIN)).toEqual({ outcome: "stopped_early", durationSec: 720, runningSec: 180, stoppedAtRepeat: 3 });
  });

  it("never reports a zero duration, and running time never exceeds it", () => {
    expect(outcomeAt(stage2, 0)).toEqual({ outcome: "stopped_early", durationSec: 1, runningSec: 0, stoppedAtRepeat: 0 });
    const o = outcomeAt(stage7, 1500);
    expect(o.runningSec).toBeLessThanOrEqual(o.durationSec);
  });
});

describe("the clock: pause, resume, a sleeping tab", () => {
  it("does not count paused time", () => {
    let c = startClock(newClock(), 1_000);
    expect(elapsedOn(c, 61_000)).toBe(60_000);
    c = pauseClock(c, 61_000);
    expect(elapsedOn(c, 500_000)).toBe(60_000);
    c = startClock(c, 500_000);
    expect(elapsedOn(c, 530_000)).toBe(90_000);
  });

  it("ignores a second start or pause", () => {
    const c = startClock(newClock(), 1_000);
    expect(startClock(c, 9_000)).toBe(c);
    const p = pauseClock(c, 2_000);
    expect(pauseClock(p, 5_000)).toBe(p);
  });

  it("is right after the tab slept: the elapsed time comes from the clock, not from ticks", () => {
    const c = startClock(newClock(), 0);
    // no tick for 12 minutes (screen off): the next read lands in repeat 3's walk
    const pos = positionAt(stage2, elapsedOn(c, 12 * MIN));
    expect(pos).toMatchObject({ done: false, repeat: 3, index: 5, phaseRemainingMs: 3 * MIN });
  });

  it("does not run backwards when the wall clock is set back", () => {
    const c = startClock(newClock(), 100_000);
    expect(elapsedOn(c, 40_000)).toBe(0);
  });
});

describe("cues", () => {
  it("cues the first phase, then nothing until the phase changes", () => {
    const a = positionAt(stage2, 0);
    expect(cueBetween(null, a)).toEqual({ kind: "run", missed: 0 });
    expect(cueBetween(a, positionAt(stage2, 59_999))).toBeNull();
    expect(cueBetween(a, positionAt(stage2, MIN))).toEqual({ kind: "walk", missed: 0 });
  });

  it("gives one cue for the phase now in force after a sleep, counting the changes missed", () => {
    expect(cueBetween(positionAt(stage2, 30_000), positionAt(stage2, 12 * MIN))).toEqual({ kind: "walk", missed: 4 });
    expect(cueBetween(positionAt(stage2, 29 * MIN), positionAt(stage2, 40 * MIN))).toEqual({ kind: "done", missed: 0 });
  });
});

describe("words", () => {
  it("formats the clock, rounding up", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(1)).toBe("0:01");
    expect(formatClock(4 * MIN)).toBe("4:00");
    expect(formatClock(65_500)).toBe("1:06");
    expect(formatClock(3_723_000)).toBe("1:02:03");
  });

  it("announces the phase, the repeat and its length", () => {
    expect(announce(positionAt(stage2, 0))).toBe("Run, repeat 1 of 6, 1 minute");
    expect(announce(positionAt(stage2, MIN))).toBe("Walk, repeat 1 of 6, 4 minutes");
    expect(announce(positionAt(stage1, 0))).toBe("Walk, 30 minutes");
    expect(announce(positionAt(stage2, 30 * MIN))).toMatch(/^Session complete/);
  });
});
