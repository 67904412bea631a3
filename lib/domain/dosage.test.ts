import { describe, expect, it } from "vitest";
import { formatDosage, formatRunWalk, sameDosage } from "./dosage";

describe("formatDosage", () => {
  it("reads reps, holds, load and days", () => {
    expect(formatDosage({ sets: 3, reps: 15, daysPerWeek: 3 })).toBe("3 × 15 reps · 3 days a week");
    expect(formatDosage({ sets: 10, holdSec: 5, daysPerWeek: 7, load: "" })).toBe("10 × 5 s hold · every day");
    expect(formatDosage({ sets: 3, reps: 12, daysPerWeek: 1, load: "green band" })).toBe("3 × 12 reps · green band · 1 day a week");
  });

  it("says each side for a one-sided exercise, reps or hold", () => {
    expect(formatDosage({ sets: 3, holdSec: 30, daysPerWeek: 5, perSide: true })).toBe("3 × 30 s each side · 5 days a week");
    expect(formatDosage({ sets: 3, reps: 15, daysPerWeek: 3, perSide: true })).toBe("3 × 15 reps each side · 3 days a week");
    expect(formatDosage({ sets: 3, holdSec: 30, daysPerWeek: 5, perSide: false })).toBe("3 × 30 s hold · 5 days a week");
  });
});

describe("formatRunWalk", () => {
  it("reads minutes and seconds, and nothing when unset", () => {
    expect(formatRunWalk(240, 60)).toBe("Run 4 min / walk 1 min");
    expect(formatRunWalk(90, 30)).toBe("Run 1 min 30 s / walk 30 s");
    expect(formatRunWalk(null, 60)).toBeNull();
  });
});

describe("sameDosage", () => {
  it("treats null and undefined alike", () => {
    expect(sameDosage({ sets: 3, reps: 15, holdSec: null, daysPerWeek: 3 }, { sets: 3, reps: 15, daysPerWeek: 3 })).toBe(true);
    expect(sameDosage({ sets: 3, reps: 15, daysPerWeek: 3 }, { sets: 3, reps: 12, daysPerWeek: 3 })).toBe(false);
  });
});
