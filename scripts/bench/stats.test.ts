import { describe, expect, it } from "vitest";
import { idleShare, latencySummary, pacedSchedule, percentile, withinFactor } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
  });
  it("handles one sample, p 0 and no samples", () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
  it("rounds the rank up, never interpolates", () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
  });
});

describe("latencySummary", () => {
  it("sorts a copy and rounds to 0.1", () => {
    const samples = [5.04, 1.01, 3.33, 2.26, 4.49];
    expect(latencySummary(samples)).toEqual({ n: 5, p50: 3.3, p95: 5, max: 5 });
    expect(samples[0]).toBe(5.04);
  });
  it("is NaN for no samples", () => {
    const s = latencySummary([]);
    expect(s.n).toBe(0);
    expect(s.p95).toBeNaN();
  });
});

describe("pacedSchedule", () => {
  it("spaces requests evenly at the rate, whatever the answers", () => {
    const s = pacedSchedule(100, 8);
    expect(s.count).toBe(800);
    expect(s.at(0)).toBe(0);
    expect(s.at(1)).toBe(10);
    expect(s.at(799)).toBe(7990);
  });
  it("stops at amount", () => {
    expect(pacedSchedule(50, 10, 120).count).toBe(120);
  });
  it("rounds a fractional count and refuses a zero or negative rate", () => {
    expect(pacedSchedule(50, 3.01).count).toBe(151);
    expect(pacedSchedule(0, 5).count).toBe(0);
    expect(pacedSchedule(-1, 5).count).toBe(0);
  });
});

describe("withinFactor", () => {
  it("compares to a multiple of the reference", () => {
    expect(withinFactor(15, 10, 1.5)).toBe(true);
    expect(withinFactor(15.1, 10, 1.5)).toBe(false);
  });
  it("is false without a usable reference", () => {
    expect(withinFactor(1, 0, 2)).toBe(false);
    expect(withinFactor(NaN, 10, 2)).toBe(false);
    expect(withinFactor(1, NaN, 2)).toBe(false);
  });
});

describe("idleShare", () => {
  const t = (user: number, idle: number) => ({ user, nice: 0, sys: 0, idle, irq: 0 });
  it("is the idle share of every core's time between the readings", () => {
    // core 0: 100 ms busy, 900 idle; core 1: 500 busy, 500 idle → 1,400 of 2,000 idle
    expect(idleShare([t(0, 0), t(0, 0)], [t(100, 900), t(500, 500)])).toBeCloseTo(0.7);
  });
  it("counts only the cores read both times, and is NaN when no time passed", () => {
    expect(idleShare([t(0, 0)], [t(250, 750), t(1000, 0)])).toBeCloseTo(0.75);
    expect(idleShare([t(5, 5)], [t(5, 5)])).toBeNaN();
  });
});
