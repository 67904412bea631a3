import { describe, expect, it } from "vitest";
import { indexHistory } from "./history";
import { overPrescription } from "./running";
import { D, day, run } from "./test-builders";
import { capWarning, capsOn, checkDraftRun, checkRunAgainstCaps, formatWeekSoFar, weekSoFar, type CapPeriod, type RunEntry } from "./week-so-far";

const entry = (id: string, date: string, km: number | null): RunEntry => ({ id, date, distanceM: km === null ? null : Math.round(km * 1000) });
const caps20x8: CapPeriod[] = [{ fromDate: day(-30), weeklyDistanceCapM: 20_000, longestRunCapM: 8_000 }];

describe("caps in force", () => {
  it("takes the latest period starting on or before the date, none before the first", () => {
    const periods: CapPeriod[] = [
      { fromDate: day(-10), weeklyDistanceCapM: 15_000, longestRunCapM: 5_000 },
      { fromDate: day(-3), weeklyDistanceCapM: 20_000, longestRunCapM: 8_000 },
    ];
    expect(capsOn(periods, day(-11))).toBeNull();
    expect(capsOn(periods, day(-4))).toEqual({ weeklyM: 15_000, longestM: 5_000 });
    expect(capsOn(periods, day(-3))).toEqual({ weeklyM: 20_000, longestM: 8_000 });
  });
});

describe("week so far (§2a's week d−6…d)", () => {
  // 8 km on d−6, 4.4 km on d−2 → 12.4 km, longest 8 km; the 5 km run on d−7 is outside the week
  const runs = [entry("a", day(-7), 5), entry("b", day(-6), 8), entry("c", day(-2), 4.4)];

  it("reads 12.4 of 20 km this week, longest 8 of 8 km", () => {
    const w = weekSoFar(runs, caps20x8, D);
    expect(w).toMatchObject({ from: day(-6), to: D, distanceM: 12_400, longestM: 8_000 });
    expect(formatWeekSoFar(w, "km")).toBe("12.4 of 20 km this week, longest 8 of 8 km");
  });

  it("says when there was no run yet, and nothing when no caps are set", () => {
    expect(formatWeekSoFar(weekSoFar([], caps20x8, D), "km")).toBe("0 of 20 km this week, no run yet (longest up to 8 km)");
    expect(formatWeekSoFar(weekSoFar(runs, [], D), "km")).toBeNull();
  });

  it("follows the athlete's unit", () => {
    const miles: CapPeriod[] = [{ fromDate: day(-30), weeklyDistanceCapM: 32_187, longestRunCapM: 8_047 }];
    expect(formatWeekSoFar(weekSoFar([entry("a", D, 8.047)], miles, D), "mi")).toBe("5 of 20 mi this week, longest 5 of 5 mi");
  });

  it("agrees with the over_prescription rule on what is over", () => {
    const activities = [run(day(-6), 8), run(day(-2), 4.4), run(D, 8)];
    const w = weekSoFar(activities.map((a) => entry(a.id, a.date, a.distanceM! / 1000)), caps20x8, D);
    const breaches = overPrescription(indexHistory({ checkIns: [], activities }), { weeklyDistanceCapM: 20_000, longestRunCapM: 8_000 }, D);
    expect(w.distanceM).toBe(20_400);
    expect(breaches).toEqual([{ kind: "weekly", distanceM: 20_400, capM: 20_000 }]);
  });
});

describe("a run against the caps, before it is saved", () => {
  const week = [entry("a", day(-6), 8), entry("b", day(-3), 7)]; // 15 km so far

  it("a 5 km run today stays within 20 km; an 8 km one takes the week to 23 of 20 km", () => {
    expect(checkRunAgainstCaps({ runs: week, periods: caps20x8, run: entry("new", D, 5), today: D })).toEqual({ weekly: null, longest: null });
    const over = checkRunAgainstCaps({ runs: week, periods: caps20x8, run: entry("new", D, 8), today: D });
    expect(over).toEqual({ weekly: { to: D, distanceM: 23_000, capM: 20_000 }, longest: null });
    expect(capWarning(over, "km", D)).toBe("This run takes you to 23 of 20 km this week — your trainer will see it.");
  });

  it("a run above the longest-run cap is said, with the week when both pass", () => {
    const check = checkRunAgainstCaps({ runs: week, periods: caps20x8, run: entry("new", D, 9), today: D });
    expect(check.longest).toEqual({ distanceM: 9_000, capM: 8_000 });
    expect(capWarning(check, "km", D)).toBe("This run takes you to 24 of 20 km this week, and is longer than your longest-run limit: 9 of 8 km — your trainer will see it.");
  });

  it("an edited run replaces its stored values instead of counting twice", () => {
    // the 7 km run of d−3 corrected to 9 km: 8 + 9 = 17 km, within 20; but above the 8 km longest
    const check = checkRunAgainstCaps({ runs: week, periods: caps20x8, run: entry("b", day(-3), 9), today: D });
    expect(check).toEqual({ weekly: null, longest: { distanceM: 9_000, capM: 8_000 } });
  });

  it("a backdated run counts in every week up to today that holds it, the worst one is named", () => {
    // 6 km on d−9 and 8 km on d−6; a 7 km run dated d−5 makes d−5's week (d−11…d−5) 21 km and
    // d−3's (d−9…d−3) 21 km too; from d−2 on, the d−9 run has left the window (15 km)
    const runs = [entry("x", day(-9), 6), entry("y", day(-6), 8)];
    const check = checkRunAgainstCaps({ runs, periods: caps20x8, run: entry("new", day(-5), 7), today: D });
    expect(check.weekly).toEqual({ to: day(-5), distanceM: 21_000, capM: 20_000 });
    expect(capWarning(check, "km", D)).toBe(`This run takes you to 21 of 20 km in the 7 days to ${day(-5)} — your trainer will see it.`);
  });

  it("says nothing without caps", () => {
    const check = checkRunAgainstCaps({ runs: week, periods: [], run: entry("new", D, 30), today: D });
    expect(capWarning(check, "km", D)).toBeNull();
  });
});

describe("a run being typed, checked from what the form was given", () => {
  const context = { today: D, coversFrom: day(-13), runs: [entry("a", day(-6), 8), entry("b", day(-3), 7)], periods: caps20x8 };

  it("checks a run dated in the last week, not one whose weeks reach before the runs given", () => {
    expect(checkDraftRun(context, entry("new", D, 8))?.weekly).toEqual({ to: D, distanceM: 23_000, capM: 20_000 });
    expect(checkDraftRun(context, entry("new", day(-7), 1))).toEqual({ weekly: null, longest: null });
    expect(checkDraftRun(context, entry("new", day(-8), 30))).toBeNull();
    expect(checkDraftRun(context, entry("new", day(1), 30))).toBeNull();
  });
});
