import { describe, expect, it } from "vitest";
import { indexHistory } from "./history";
import { suggestProgression } from "./progression";
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
