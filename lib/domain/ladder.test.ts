import { describe, expect, it } from "vitest";
import {
  carryDosage,
  insertPosition,
  ladderEnds,
  nextStep,
  orderLadder,
  previousStep,
  renumberLadder,
  stepNumber,
  type LadderStep,
} from "./ladder";

// clamshell → banded clamshell → side-lying abduction, stored out of order
const HIP: LadderStep[] = [
  { exerciseId: "side-lying", position: 3 },
  { exerciseId: "clamshell", position: 1 },
  { exerciseId: "banded-clamshell", position: 2 },
];

const ids = (steps: readonly LadderStep[]) => orderLadder(steps).map((s) => s.exerciseId);

describe("orderLadder", () => {
  it("orders by position, easiest first, without changing the input", () => {
    expect(ids(HIP)).toEqual(["clamshell", "banded-clamshell", "side-lying"]);
    expect(HIP[0]?.exerciseId).toBe("side-lying");
  });

  it("breaks equal positions by exercise id so the order is stable", () => {
    const tied: LadderStep[] = [
      { exerciseId: "b", position: 1 },
      { exerciseId: "c", position: 0 },
      { exerciseId: "a", position: 1 },
    ];
    expect(ids(tied)).toEqual(["c", "a", "b"]);
  });
});

describe("nextStep / previousStep", () => {
  it("moves one rung up and down", () => {
    expect(nextStep(HIP, "clamshell")).toEqual({ ok: true, exerciseId: "banded-clamshell" });
    expect(previousStep(HIP, "side-lying")).toEqual({ ok: true, exerciseId: "banded-clamshell" });
  });

  it("refuses to go past the top", () => {
    expect(nextStep(HIP, "side-lying")).toEqual({
      ok: false,
      reason: "top",
      message: "Already the hardest exercise on this ladder",
    });
  });

  it("refuses to go below the bottom", () => {
    expect(previousStep(HIP, "clamshell")).toEqual({
      ok: false,
      reason: "bottom",
      message: "Already the easiest exercise on this ladder",
    });
  });

  it("reports an exercise that is not on the ladder", () => {
    for (const move of [nextStep(HIP, "pogo-hops"), previousStep(HIP, "pogo-hops")]) {
      expect(move).toMatchObject({ ok: false, reason: "not_on_ladder" });
    }
    expect(nextStep([], "clamshell")).toMatchObject({ ok: false, reason: "not_on_ladder" });
  });

  it("treats a one-step ladder as both top and bottom", () => {
    const one = [{ exerciseId: "only", position: 7 }];
    expect(nextStep(one, "only")).toMatchObject({ ok: false, reason: "top" });
    expect(previousStep(one, "only")).toMatchObject({ ok: false, reason: "bottom" });
  });

  it("progress then regress returns to the same exercise, on every rung that has both", () => {
    for (const id of ["clamshell", "banded-clamshell"]) {
      const up = nextStep(HIP, id);
      if (!up.ok) throw new Error(up.message);
      expect(previousStep(HIP, up.exerciseId)).toEqual({ ok: true, exerciseId: id });
    }
  });

  it("walks through a clinic exercise inserted mid-ladder", () => {
    const position = insertPosition(HIP, "clamshell");
    expect(position).toBe(1.5);
    const withClinic = [...HIP, { exerciseId: "clinic-mini-band-clam", position }];

    expect(ids(withClinic)).toEqual(["clamshell", "clinic-mini-band-clam", "banded-clamshell", "side-lying"]);
    expect(nextStep(withClinic, "clamshell")).toEqual({ ok: true, exerciseId: "clinic-mini-band-clam" });
    expect(nextStep(withClinic, "clinic-mini-band-clam")).toEqual({ ok: true, exerciseId: "banded-clamshell" });
    expect(previousStep(withClinic, "banded-clamshell")).toEqual({
      ok: true,
      exerciseId: "clinic-mini-band-clam",
    });
    expect(stepNumber(withClinic, "banded-clamshell")).toBe(3);
  });
});

describe("stepNumber", () => {
  it("is the 1-based rung, whatever the positions", () => {
    const gappy = [
      { exerciseId: "x", position: 30 },
      { exerciseId: "y", position: -4 },
    ];
    expect(stepNumber(gappy, "y")).toBe(1);
    expect(stepNumber(gappy, "x")).toBe(2);
    expect(stepNumber(gappy, "z")).toBeNull();
  });
});

describe("insertPosition", () => {
  const TENS: LadderStep[] = [
    { exerciseId: "a", position: 10 },
    { exerciseId: "b", position: 20 },
    { exerciseId: "c", position: 30 },
  ];

  it("takes the midpoint between the step and the one above it", () => {
    expect(insertPosition(TENS, "a")).toBe(15);
    expect(insertPosition(TENS, "b")).toBe(25);
  });

  it("goes one above the top step", () => {
    expect(insertPosition(TENS, "c")).toBe(31);
  });

  it("goes one below the bottom step when there is no step to follow", () => {
    expect(insertPosition(TENS, null)).toBe(9);
    expect(insertPosition(HIP, null)).toBe(0);
  });

  it("starts an empty ladder at 1", () => {
    expect(insertPosition([], null)).toBe(1);
  });

  it("lands strictly between its neighbours across repeated inserts into the same gap", () => {
    let steps: LadderStep[] = [...HIP];
    for (let i = 0; i < 20; i++) {
      const position = insertPosition(steps, "clamshell");
      steps = [...steps, { exerciseId: `clinic-${String(i).padStart(2, "0")}`, position }];
      expect(nextStep(steps, "clamshell")).toEqual({ ok: true, exerciseId: `clinic-${String(i).padStart(2, "0")}` });
    }
    expect(ids(steps).at(-2)).toBe("banded-clamshell");
  });

  it("throws for a step that is not on the ladder", () => {
    expect(() => insertPosition(HIP, "pogo-hops")).toThrow(RangeError);
  });

  it("throws when two steps share a position, and renumbering makes room", () => {
    const tied: LadderStep[] = [
      { exerciseId: "a", position: 1 },
      { exerciseId: "b", position: 1 },
    ];
    expect(() => insertPosition(tied, "a")).toThrow(/renumber/);
    const renumbered = renumberLadder(tied);
    expect(renumbered).toEqual([
      { exerciseId: "a", position: 1 },
      { exerciseId: "b", position: 2 },
    ]);
    expect(insertPosition(renumbered, "a")).toBe(1.5);
  });
});

describe("carryDosage", () => {
  it("carries sets, reps and days when both are rep-based", () => {
    // clamshell at a customised 4 × 20, 4 days → banded clamshell (default 3 × 15, 3 days)
    expect(
      carryDosage({ sets: 4, reps: 20, daysPerWeek: 4 }, { sets: 3, reps: 15, daysPerWeek: 3 }),
    ).toEqual({ sets: 4, reps: 20, daysPerWeek: 4 });
  });

  it("reps → hold: the target's hold, keeping sets and days", () => {
    // star excursion 3 × 8, 3 days → back down to foam stance (default 3 × 30 s, 5 days)
    expect(
      carryDosage({ sets: 3, reps: 8, daysPerWeek: 3 }, { sets: 3, holdSec: 30, daysPerWeek: 5 }),
    ).toEqual({ sets: 3, holdSec: 30, daysPerWeek: 3 });
  });

  it("hold → reps: the target's reps, keeping sets and days", () => {
    expect(
      carryDosage({ sets: 2, holdSec: 45, daysPerWeek: 5 }, { sets: 3, reps: 8, daysPerWeek: 3 }),
    ).toEqual({ sets: 2, reps: 8, daysPerWeek: 5 });
  });

  it("hold → hold: the target's sets and hold, keeping days", () => {
    // short foot standing 10 × 5 s → short foot on one leg (default 3 × 30 s)
    expect(
      carryDosage({ sets: 10, holdSec: 5, daysPerWeek: 6 }, { sets: 3, holdSec: 30, daysPerWeek: 5 }),
    ).toEqual({ sets: 3, holdSec: 30, daysPerWeek: 6 });
  });

  it("accepts stored rows with null columns", () => {
    expect(
      carryDosage(
        { sets: 3, reps: 12, holdSec: null, daysPerWeek: 3 },
        { sets: 3, reps: 10, daysPerWeek: 3 },
      ),
    ).toEqual({ sets: 3, reps: 12, daysPerWeek: 3 });
    expect(
      carryDosage(
        { sets: 3, reps: null, holdSec: 20, daysPerWeek: 4 },
        { sets: 3, reps: 10, daysPerWeek: 3 },
      ),
    ).toEqual({ sets: 3, reps: 10, daysPerWeek: 4 });
  });

  it("gives the target's amount when the current prescription has neither reps nor hold", () => {
    expect(
      carryDosage({ sets: 2, reps: null, holdSec: null, daysPerWeek: 3 }, { sets: 3, reps: 10, daysPerWeek: 3 }),
    ).toEqual({ sets: 2, reps: 10, daysPerWeek: 3 });
  });
});

describe("ladderEnds", () => {
  const rungs = HIP.map((s) => ({ ...s, archived: false }));

  it("the first rung is the easiest, the last the hardest, the middle neither", () => {
    expect(ladderEnds(rungs, "clamshell")).toEqual({ easiest: true, hardest: false });
    expect(ladderEnds(rungs, "banded-clamshell")).toEqual({ easiest: false, hardest: false });
    expect(ladderEnds(rungs, "side-lying")).toEqual({ easiest: false, hardest: true });
  });

  it("skips archived rungs, as the Progress and Regress buttons do, but never the one in use", () => {
    const archivedTop = rungs.map((r) => (r.exerciseId === "side-lying" ? { ...r, archived: true } : r));
    expect(ladderEnds(archivedTop, "banded-clamshell")).toEqual({ easiest: false, hardest: true });
    expect(ladderEnds(archivedTop, "side-lying")).toEqual({ easiest: false, hardest: true });
  });

  it("is null for an exercise not on the ladder; a one-rung ladder is both ends", () => {
    expect(ladderEnds(rungs, "bridge")).toBeNull();
    expect(ladderEnds([{ exerciseId: "solo", position: 1, archived: false }], "solo")).toEqual({ easiest: true, hardest: true });
  });
});
