import { describe, expect, it } from "vitest";
import { indexHistory } from "./history";
import { concludeAtLadderEnds, loggedAtStep, stepOn, suggestProgression, type ItemStep } from "./progression";
import { D, checkIn, day, log } from "./test-builders";
import type { CheckIn, ExerciseLog } from "./types";

const suggest = (logs: ExerciseLog[], checkIns: CheckIn[] = [], d = D) =>
  suggestProgression({ itemId: "clam", logs, history: indexHistory({ checkIns, activities: [] }), d });

const cleanPair = [log("clam", day(-3)), log("clam", day(-1), { exercisePain: 2 })];
/** Mornings d−8…d−4 at 2 give a baseline of 2 for d−2…d. */
const steadyMornings = [-8, -7, -6, -5, -4].map((o) => checkIn(day(o), 2));

describe("progress (§2a)", () => {
  it("after two clean sessions with no morning rise and no red flags", () => {
    const s = suggest(cleanPair, [...steadyMornings, checkIn(day(-2), 2), checkIn(D, 1)]);
    expect(s.suggestion).toBe("progress");
    expect(s.reason).toMatch(/full dosage/);
  });

  it("does not need the next morning to be reported", () => {
    expect(suggest(cleanPair).suggestion).toBe("progress");
  });

  it("only reads this item's logs up to d", () => {
    const logs = [...cleanPair, log("bridge", D, { exercisePain: 8 }), log("clam", day(1), { couldNotFinish: true })];
    expect(suggest(logs).suggestion).toBe("progress");
  });
});

describe("hold (§2a)", () => {
  it("with fewer than two sessions", () => {
    expect(suggest([]).suggestion).toBe("hold");
    expect(suggest([log("clam", D)])).toEqual({ suggestion: "hold", reason: "Only one session logged; progress needs two" });
  });

  it("when a recent session was short of the prescribed sets", () => {
    const s = suggest([log("clam", day(-3), { setsDone: 2 }), log("clam", day(-1))]);
    expect(s).toEqual({ suggestion: "hold", reason: `${day(-3)}: 2 of 3 sets done` });
  });

  it("when exercise pain was 3 to 5, or not reported", () => {
    expect(suggest([log("clam", day(-3)), log("clam", day(-1), { exercisePain: 3 })]).suggestion).toBe("hold");
    expect(suggest([log("clam", day(-3)), log("clam", day(-1), { exercisePain: 5 })]).suggestion).toBe("hold");
    expect(suggest([log("clam", day(-3), { exercisePain: null }), log("clam", day(-1))]).reason).toMatch(/not reported/);
  });

  it("when the morning after the earlier session was above baseline (a rise of 1 does not regress)", () => {
    const s = suggest(cleanPair, [...steadyMornings, checkIn(day(-2), 3)]);
    expect(s.suggestion).toBe("hold");
    expect(s.reason).toBe(`Morning pain on ${day(-2)} was above baseline`);
  });

  it("when a red flag was answered yes in d−6…d, but not for one on d−7", () => {
    expect(suggest(cleanPair, [checkIn(day(-6), null, ["swelling"])]).reason).toMatch(/swelling on 2026-02-23/);
    expect(suggest(cleanPair, [checkIn(day(-7), null, ["swelling"])]).suggestion).toBe("progress");
  });
});

describe("regress (§2a)", () => {
  it("when the latest session hurt over 5", () => {
    expect(suggest([log("clam", day(-1)), log("clam", D, { exercisePain: 6 })])).toEqual({
      suggestion: "regress",
      reason: `Exercise pain 6/10 on ${D} is over 5`,
    });
  });

  it("when the athlete could not finish it, even with a red flag present", () => {
    const s = suggest([log("clam", D, { couldNotFinish: true, setsDone: 1 })], [checkIn(D, null, ["locking"])]);
    expect(s.suggestion).toBe("regress");
  });

  it("when the morning after the latest session rose by 2", () => {
    const s = suggest([log("clam", day(-3)), log("clam", day(-1))], [...steadyMornings, checkIn(D, 4)]);
    expect(s).toEqual({ suggestion: "regress", reason: `Morning pain on ${D} rose 2 above baseline after the session` });
  });

  it("looks only at the latest session: an older painful one does not regress", () => {
    expect(suggest([log("clam", day(-3), { exercisePain: 8 }), log("clam", day(-1))]).suggestion).toBe("hold");
  });
});

// clamshell until a trainer progressed the item to the banded clamshell on d−1 at 10:00 UTC
const STEP_AT = Date.parse(`${day(-1)}T10:00:00Z`);
const STEPS: ItemStep[] = [
  { exerciseId: "clamshell", name: "Clamshell", from: null, startedAtMs: null },
  { exerciseId: "banded", name: "Banded clamshell", from: day(-1), startedAtMs: STEP_AT },
];
const HOUR = 3_600_000;
const RUNGS = [
  { exerciseId: "clamshell", position: 1, archived: false },
  { exerciseId: "banded", position: 2, archived: false },
  { exerciseId: "side-lying", position: 3, archived: false },
];

describe("steps: only the logs of the step in force count", () => {
  it("the step in force on a date is the latest started on or before it", () => {
    expect(stepOn(STEPS, day(-2))?.exerciseId).toBe("clamshell");
    expect(stepOn(STEPS, day(-1))?.exerciseId).toBe("banded");
    expect(stepOn(STEPS, D)?.exerciseId).toBe("banded");
  });

  it("a log belongs to the step it was stored in, and not to a step that started after its date", () => {
    const [clam, banded] = STEPS as [ItemStep, ItemStep];
    // stored on d−1 at 09:00, an hour before the step: the clamshell, although dated on the step's day
    const morning = log("clam", day(-1), { loggedAtMs: STEP_AT - HOUR });
    expect(loggedAtStep(STEPS, clam, morning)).toBe(true);
    expect(loggedAtStep(STEPS, banded, morning)).toBe(false);
    // stored at 11:00, after it: the banded clamshell
    const afternoon = log("clam", day(-1), { loggedAtMs: STEP_AT + HOUR });
    expect(loggedAtStep(STEPS, banded, afternoon)).toBe(true);
    expect(loggedAtStep(STEPS, clam, afternoon)).toBe(false);
    // entered on d for d−3 (after the step, dated before it): neither
    const late = log("clam", day(-3), { loggedAtMs: STEP_AT + 20 * HOUR });
    expect(loggedAtStep(STEPS, banded, late)).toBe(false);
    expect(loggedAtStep(STEPS, clam, late)).toBe(false);
    // built by hand, without a stored moment: by its date
    expect(loggedAtStep(STEPS, clam, log("clam", day(-2)))).toBe(true);
    expect(loggedAtStep(STEPS, banded, log("clam", D))).toBe(true);
  });

  it("right after progressing, two clean clamshell sessions no longer suggest progressing again", () => {
    const logs = [log("clam", day(-3), { loggedAtMs: STEP_AT - 50 * HOUR }), log("clam", day(-2), { loggedAtMs: STEP_AT - 20 * HOUR })];
    const before = suggestProgression({ itemId: "clam", logs, history: indexHistory({ checkIns: [], activities: [] }), d: day(-2), steps: STEPS });
    expect(before.suggestion).toBe("progress");
    const after = suggestProgression({ itemId: "clam", logs, history: indexHistory({ checkIns: [], activities: [] }), d: D, steps: STEPS });
    expect(after).toEqual({ suggestion: "hold", reason: `No sessions logged since the step to Banded clamshell on ${day(-1)}` });
  });

  it("two clean sessions at the new step suggest progressing from it", () => {
    const logs = [
      log("clam", day(-2), { loggedAtMs: STEP_AT - 20 * HOUR }),
      log("clam", day(-1), { loggedAtMs: STEP_AT + HOUR }),
      log("clam", D, { loggedAtMs: STEP_AT + 24 * HOUR }),
    ];
    const s = suggestProgression({ itemId: "clam", logs, history: indexHistory({ checkIns: [], activities: [] }), d: D, steps: STEPS });
    expect(s.suggestion).toBe("progress");
    // with only the d−1 session at the new step, the clamshell one on d−2 does not make a pair
    expect(suggestProgression({ itemId: "clam", logs: logs.slice(0, 2), history: indexHistory({ checkIns: [], activities: [] }), d: D, steps: STEPS }).reason).toBe(
      "Only one session logged; progress needs two",
    );
  });

  it("a painful clamshell session before a regress does not regress the easier step again", () => {
    const down: ItemStep[] = [
      { exerciseId: "banded", name: "Banded clamshell", from: null, startedAtMs: null },
      { exerciseId: "clamshell", name: "Clamshell", from: day(-1), startedAtMs: STEP_AT },
    ];
    const logs = [log("clam", day(-1), { exercisePain: 7, loggedAtMs: STEP_AT - HOUR })];
    const s = suggestProgression({ itemId: "clam", logs, history: indexHistory({ checkIns: [], activities: [] }), d: D, steps: down });
    expect(s.suggestion).toBe("hold");
  });
});

describe("at the ends of a ladder (the buttons cannot move further)", () => {
  const history = indexHistory({ checkIns: [], activities: [] });

  it("a regress at the easiest step reads as a hold that says so", () => {
    const steps: ItemStep[] = [{ exerciseId: "clamshell", name: "Clamshell", from: null, startedAtMs: null }];
    const s = suggestProgression({ itemId: "clam", logs: [log("clam", D, { couldNotFinish: true })], history, d: D, steps, rungs: RUNGS });
    expect(s).toEqual({ suggestion: "hold", reason: `Hold — already the easiest step; consider another exercise (could not finish the session on ${D})` });
  });

  it("a progress at the hardest step reads as a hold that says so", () => {
    const steps: ItemStep[] = [{ exerciseId: "side-lying", name: "Side-lying hip abduction", from: null, startedAtMs: null }];
    const s = suggestProgression({ itemId: "clam", logs: cleanPair, history, d: D, steps, rungs: RUNGS });
    expect(s.suggestion).toBe("hold");
    expect(s.reason).toMatch(/^Hold — already the hardest step; consider another exercise \(the last two sessions/);
  });

  it("in the middle of the ladder, or off any ladder, the move stands", () => {
    const middle: ItemStep[] = [{ exerciseId: "banded", name: "Banded clamshell", from: null, startedAtMs: null }];
    expect(suggestProgression({ itemId: "clam", logs: cleanPair, history, d: D, steps: middle, rungs: RUNGS }).suggestion).toBe("progress");
    expect(suggestProgression({ itemId: "clam", logs: [log("clam", D, { exercisePain: 6 })], history, d: D, steps: middle, rungs: RUNGS }).suggestion).toBe("regress");
    expect(concludeAtLadderEnds({ suggestion: "regress", reason: "X" }, null)).toEqual({ suggestion: "regress", reason: "X" });
  });

  it("holds and the other direction are left as they are", () => {
    const ends = { easiest: true, hardest: true };
    expect(concludeAtLadderEnds({ suggestion: "hold", reason: "No sessions logged yet" }, ends)).toEqual({ suggestion: "hold", reason: "No sessions logged yet" });
    expect(concludeAtLadderEnds({ suggestion: "progress", reason: "P" }, { easiest: true, hardest: false }).suggestion).toBe("progress");
    expect(concludeAtLadderEnds({ suggestion: "regress", reason: "R" }, { easiest: false, hardest: true }).suggestion).toBe("regress");
  });
});
