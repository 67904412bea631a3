import { describe, expect, it } from "vitest";
import { indexHistory } from "./history";
import {
  longestRunBetween,
  missedCheckIns,
  overPrescription,
  runSpikesOn,
  runningDistanceBetween,
  singleRunSpike,
  toleratedLoad,
  weeklyJump,
  weeklyRunningDistance,
} from "./running";
import { D, activity, checkIn, day, run } from "./test-builders";
import type { Activity, CheckIn } from "./types";

const history = (activities: Activity[], checkIns: CheckIn[] = []) => indexHistory({ checkIns, activities });

describe("running distance", () => {
  it("counts only runs, and a run without distance as 0", () => {
    const h = history([run(D, 5), run(D, 3), activity(D, { type: "bike", distanceM: 20000 }), activity(day(-1), { distanceM: null })]);
    expect(h.runDistance.get(D)).toBe(8000);
    expect(h.runDistance.get(day(-1))).toBe(0);
    expect(runningDistanceBetween(h.runDistance, day(-1), D)).toBe(8000);
  });

  it("sums an ISO week Mon–Sun", () => {
    // D is a Sunday: its week is 2026-02-23…2026-03-01
    const h = history([run("2026-02-22", 9), run("2026-02-23", 4), run(D, 6), run("2026-03-02", 7)]);
    expect(weeklyRunningDistance(h.runDistance, "2026-02-25")).toBe(10000);
  });
});

describe("single-run spike (§2a, §2b)", () => {
  const before = [run(day(-10), 9.5), run(day(-20), 6)];

  it("§2b: 10.4 km after a 9.5 km longest is not a spike (limit 10.45 km)", () => {
    const r = run(D, 10.4);
    expect(singleRunSpike(history([...before, r]).activities, r)).toBeNull();
  });

  it("§2b: 10.5 km is, 10.53% over", () => {
    const r = run(D, 10.5);
    const spike = singleRunSpike(history([...before, r]).activities, r);
    expect(spike).toMatchObject({ activityId: r.id, distanceM: 10500, longestM: 9500 });
    expect(spike?.overPercent).toBeCloseTo(10.526, 3);
  });

  it("does not flag exactly 10% longer", () => {
    const r = run(D, 11);
    expect(singleRunSpike(history([run(day(-1), 10), r]).activities, r)).toBeNull();
  });

  it("looks back exactly d−30…d−1", () => {
    expect(longestRunBetween(history([run(day(-31), 20), run(day(-30), 8)]).activities, day(-30), day(-1))).toBe(8000);
    const r = run(D, 12);
    expect(singleRunSpike(history([run(day(-31), 5), r]).activities, r)).toBeNull(); // no run in the window
  });

  it("judges each run on d against the previous 30 days, never against the same day", () => {
    const short = run(D, 5);
    const long = run(D, 12);
    const h = history([run(day(-5), 10), short, long]);
    expect(runSpikesOn(h.activities, D).map((s) => s.activityId)).toEqual([long.id]);
    // a first-ever day with two runs has nothing to compare with
    expect(runSpikesOn(history([run(D, 3), run(D, 10)]).activities, D)).toEqual([]);
  });

  it("ignores cross-training and runs without distance", () => {
    const bike = activity(D, { type: "bike", distanceM: 40000 });
    const noGps = run(D, 0, { distanceM: null });
    const h = history([run(day(-3), 5), bike, noGps]);
    expect(singleRunSpike(h.activities, bike)).toBeNull();
    expect(singleRunSpike(h.activities, noGps)).toBeNull();
  });
});

describe("weekly jump (§2a, §2b)", () => {
  // 18 km on d−13…d−7
  const before = [run(day(-13), 8), run(day(-8), 10)];

  it("§2b: 23 km after 18 km is no jump (limit 23.4 km)", () => {
    expect(weeklyJump(history([...before, run(day(-6), 11), run(D, 12)]).runDistance, D)).toBeNull();
  });

  it("§2b: 24 km after 18 km is", () => {
    const jump = weeklyJump(history([...before, run(day(-6), 12), run(D, 12)]).runDistance, D);
    expect(jump).toMatchObject({ currentM: 24000, previousM: 18000 });
    expect(jump?.overPercent).toBeCloseTo(33.33, 2);
  });

  it("needs some running in d−13…d−7", () => {
    expect(weeklyJump(history([run(day(-14), 10), run(D, 30)]).runDistance, D)).toBeNull();
  });
});

describe("tolerated load (§2a)", () => {
  // d = Wed 2026-03-04; the 8 weeks before start on Mondays 2026-02-23, 02-16, … 2026-01-05.
  const d = "2026-03-04";

  it("takes the largest week with no red day", () => {
    const h = history([
      run("2026-02-17", 10, { painAfter: 2 }),
      run("2026-02-19", 10, { painAfter: 3 }),
      run("2026-02-24", 15),
      run("2026-02-25", 15, { painAfter: 6 }), // red 02-25…03-03: week of 02-23 is out
    ]);
    expect(toleratedLoad(h, d)).toEqual({ distanceM: 20000, weekStart: "2026-02-16" });
  });

  it("lets a painful Sunday run disqualify the following week too (red looks back 7 days)", () => {
    const h = history([
      run("2026-02-03", 12),
      run("2026-02-15", 8, { painDuring: 7 }),
      run("2026-02-17", 14),
    ]);
    expect(toleratedLoad(h, d)).toEqual({ distanceM: 12000, weekStart: "2026-02-02" });
  });

  it("counts red mornings as well as painful runs", () => {
    const h = history([run("2026-02-17", 14), run("2026-02-10", 9)], [checkIn("2026-02-20", 6)]);
    expect(toleratedLoad(h, d)).toEqual({ distanceM: 9000, weekStart: "2026-02-09" });
  });

  it("ignores d's own week and anything older than 8 weeks", () => {
    const h = history([run("2026-03-02", 30), run("2026-01-04", 40), run("2026-01-05", 5)]);
    expect(toleratedLoad(h, d)).toEqual({ distanceM: 5000, weekStart: "2026-01-05" });
  });

  it("is null when no week in range had a run", () => {
    expect(toleratedLoad(history([activity("2026-02-17", { type: "bike" })]), d)).toBeNull();
  });
});

describe("over prescription (§2a)", () => {
  const rx = { weeklyDistanceCapM: 20000, longestRunCapM: 10000 };

  it("flags the 7-day total over the weekly cap and a run on d over the longest-run cap", () => {
    const long = run(D, 11);
    const h = history([run(day(-6), 10), long]);
    expect(overPrescription(h, rx, D)).toEqual([
      { kind: "weekly", distanceM: 21000, capM: 20000 },
      { kind: "longest", activityId: long.id, distanceM: 11000, capM: 10000 },
    ]);
  });

  it("allows exactly the caps, and nothing without a prescription", () => {
    const h = history([run(day(-7), 10), run(day(-3), 10), run(D, 10)]);
    expect(overPrescription(h, rx, D)).toEqual([]);
    expect(overPrescription(history([run(D, 50)]), null, D)).toEqual([]);
    expect(overPrescription(history([run(D, 50)]), { weeklyDistanceCapM: null, longestRunCapM: null }, D)).toEqual([]);
  });
});

describe("missed check-ins (§2a)", () => {
  const checkIns = (dates: string[]) => new Set(dates);

  it("fires with no check-in on d−2, d−1 and d for active and return-to-run athletes", () => {
    expect(missedCheckIns(checkIns([day(-3)]), "active", D)).toBe(true);
    expect(missedCheckIns(checkIns([]), "return_to_run", D)).toBe(true);
  });

  it("does not fire with a check-in on any of the three days", () => {
    expect(missedCheckIns(checkIns([day(-2)]), "active", D)).toBe(false);
    expect(missedCheckIns(checkIns([D]), "active", D)).toBe(false);
  });

  it("does not fire for cleared or archived athletes, or before tracking began", () => {
    expect(missedCheckIns(checkIns([]), "cleared", D)).toBe(false);
    expect(missedCheckIns(checkIns([]), "archived", D)).toBe(false);
    expect(missedCheckIns(checkIns([]), "active", D, day(-1))).toBe(false);
    expect(missedCheckIns(checkIns([]), "active", D, day(-2))).toBe(true);
  });
});
