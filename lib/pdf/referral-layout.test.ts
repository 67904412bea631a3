import { describe, expect, it } from "vitest";
import type { SeriesRow } from "@/lib/validation/series";
import { cell, chartGeometry, chartWeeks, daySpan, dosageText, fitList, longDay, niceMax, pdfText, shortDay, weeklyTable } from "./referral-layout";

const row = (date: string, runningDistanceM: number, runningPain: number | null, morningPain: number | null, weeklyCapM: number | null = null) =>
  ({ date, endDate: date, runningDistanceM, runningPain, morningPain, weeklyCapM }) as SeriesRow;

describe("fitList", () => {
  it("keeps a list that fits, and otherwise ends with how many were left out", () => {
    expect(fitList([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: null });
    expect(fitList([1, 2, 3, 4, 5], 3)).toEqual({ shown: [1, 2], more: "and 3 more" });
  });
});

describe("dosageText", () => {
  it("says sets, reps or hold, per side and load as the program shows them", () => {
    expect(dosageText({ sets: 3, reps: 12, holdSec: null, perSide: false, load: null })).toBe("3 × 12");
    expect(dosageText({ sets: 2, reps: 20, holdSec: null, perSide: true, load: "none" })).toBe("2 × 20 each side");
    expect(dosageText({ sets: 3, reps: null, holdSec: 30, perSide: true, load: "light band" })).toBe("3 × 30 s hold each side, light band");
    expect(dosageText({ sets: 4, reps: 5, holdSec: 10, perSide: false, load: null })).toBe("4 × 5 × 10 s hold");
  });
});

describe("pdfText", () => {
  it("keeps Latin-1 and WinAnsi marks, spells out arrows and signs, drops other accents", () => {
    expect(pdfText("Ödön — 3 × 12 – ok")).toBe("Ödön — 3 × 12 – ok");
    expect(pdfText("Łukasz Erdős → ≥ 5")).toBe("Lukasz Erdos -> >= 5");
    expect(pdfText("王 a\nb")).toBe("? a b");
  });
});

describe("dates", () => {
  it("reads ISO dates without a locale's guess", () => {
    expect(shortDay("2026-09-08")).toBe("8 Sep");
    expect(longDay("2026-11-30")).toBe("30 November 2026");
    expect(daySpan("2026-11-30", "2026-11-30")).toBe("30 Nov 2026");
    expect(daySpan("2026-11-28", "2026-11-30")).toBe("28–30 Nov 2026");
    expect(daySpan("2026-10-28", "2026-11-03")).toBe("28 Oct – 3 Nov 2026");
    expect(daySpan("2025-12-29", "2026-01-02")).toBe("29 Dec 2025 – 2 Jan 2026");
  });
});

describe("niceMax", () => {
  it("is the round number at or above the largest value", () => {
    expect(niceMax(0)).toBe(5);
    expect(niceMax(9.5)).toBe(10);
    expect(niceMax(10)).toBe(10);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(42)).toBe(50);
    expect(niceMax(3.2)).toBe(5);
  });
});

describe("the chart", () => {
  const weeks = chartWeeks([row("2026-11-02", 8000, 5, null, 10000), row("2026-11-09", 0, null, 3), row("2026-11-16", 12500, 2, 6, 12000)], "km");

  it("takes the page's weekly rows in the reader's unit", () => {
    expect(weeks).toEqual([
      { label: "2 Nov", distance: 8, cap: 10, runningPain: 5, morningPain: null },
      { label: "9 Nov", distance: 0, cap: null, runningPain: null, morningPain: 3 },
      { label: "16 Nov", distance: 12.5, cap: 12, runningPain: 2, morningPain: 6 },
    ]);
    expect(chartWeeks([row("2026-11-02", 16093.44, null, null)], "mi")[0]!.distance).toBe(10);
  });

  it("puts distance on the left axis and pain on its own 0–10 axis", () => {
    const g = chartGeometry(weeks, { x: 100, y: 0, width: 300, height: 100 });
    expect(g.distanceMax).toBe(20);
    expect(g.bars.map((b) => [b.x, b.y, b.width, b.height])).toEqual([
      [120, 60, 60, 40],
      [220, 100, 60, 0],
      [320, 37.5, 60, 62.5],
    ]);
    // pain 5 is halfway up whatever the distance axis's top; weeks without a report are skipped
    expect(g.runningPain).toEqual([{ x: 150, y: 50 }, { x: 350, y: 80 }]);
    expect(g.morningPain).toEqual([{ x: 250, y: 70 }, { x: 350, y: 40 }]);
    expect(g.cap).toEqual([{ x1: 100, x2: 200, y: 50 }, { x1: 300, x2: 400, y: 40 }]);
    expect(g.painTicks.map((t) => [t.value, t.y])).toEqual([[0, 100], [2, 80], [4, 60], [6, 40], [8, 20], [10, 0]]);
    expect(g.distanceTicks.map((t) => t.value)).toEqual([0, 4, 8, 12, 16, 20]);
  });

  it("has a table with the same numbers, a dash for no report", () => {
    expect(weeklyTable(weeks, "km")).toEqual({
      header: ["Week starting", "2 Nov", "9 Nov", "16 Nov"],
      rows: [
        ["Running (km)", "8", "0", "12.5"],
        ["Weekly cap (km)", "10", "–", "12"],
        ["Running pain, max", "5", "–", "2"],
        ["Morning pain, max", "–", "3", "6"],
      ],
    });
    expect(weeklyTable(weeks.map((w) => ({ ...w, cap: null })), "mi").rows.map((r) => r[0])).toEqual(["Running (mi)", "Running pain, max", "Morning pain, max"]);
    expect(cell(null)).toBe("–");
  });
});
