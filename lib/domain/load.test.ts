import { describe, expect, it } from "vitest";
import { dailyLoads, daysWithData, ewmaLambda, ewmaSeries, hasData, ratio, rollingAcute, rollingChronic, sessionLoad } from "./load";
import { D, activity, checkIn, dailyCheckIns, day } from "./test-builders";

describe("session and daily load (§2a)", () => {
  it("is minutes × session RPE", () => {
    expect(sessionLoad({ durationSec: 40 * 60, rpe: 5 })).toBe(200);
    expect(sessionLoad({ durationSec: 45 * 60 + 30, rpe: 4 })).toBe(182);
  });

  it("sums several sessions on one day, runs and cross-training alike", () => {
    const loads = dailyLoads(
      [
        activity(D, { durationSec: 40 * 60, rpe: 5 }),
        activity(D, { type: "bike", durationSec: 30 * 60, rpe: 4 }),
        activity(D, { type: "swim", durationSec: 20 * 60, rpe: 3 }),
      ],
      [],
    );
    expect(loads.get(D)).toBe(200 + 120 + 60);
  });

  it("gives a check-in-only day 0 and leaves a day with neither as a gap", () => {
    const loads = dailyLoads([activity(day(-2), { durationSec: 600, rpe: 6 })], [checkIn(day(-1)), checkIn(day(-2))]);
    expect(loads.get(day(-1))).toBe(0);
    expect(loads.get(day(-2))).toBe(60);
    expect(hasData(loads, day(-1))).toBe(true);
    expect(hasData(loads, D)).toBe(false);
    expect(loads.has(D)).toBe(false);
  });
});

describe("§2b Load example", () => {
  // Check-ins every day d−27…d; 40 min @5 on d−21, d−14, d−7; 30 min bike @4 on d−3; 50 min @6 on d.
  const loads = dailyLoads(
    [
      activity(day(-21), { durationSec: 2400, rpe: 5 }),
      activity(day(-14), { durationSec: 2400, rpe: 5 }),
      activity(day(-7), { durationSec: 2400, rpe: 5 }),
      activity(day(-3), { type: "bike", durationSec: 1800, rpe: 4 }),
      activity(D, { durationSec: 3000, rpe: 6 }),
    ],
    dailyCheckIns(day(-27), D),
  );

  it("acute = (120 + 300)/7 = 60", () => {
    expect(rollingAcute(loads, D)).toBe(60);
  });

  it("chronic = (3·200 + 120 + 300)/28 = 36.43", () => {
    expect(rollingChronic(loads, D)).toBeCloseTo(36.43, 2);
  });

  it("ratio 1.647 is shown because 28 of 28 days have data", () => {
    expect(daysWithData(loads, day(-27), D)).toBe(28);
    expect(ratio(loads, D)).toBeCloseTo(1.647, 3);
  });
});

describe("ratio visibility (§2a)", () => {
  const withDays = (n: number) => dailyLoads([activity(D, { durationSec: 600, rpe: 5 })], dailyCheckIns(day(-(n - 1)), D));

  it("needs 21 of the last 28 days with data", () => {
    expect(ratio(withDays(20), D)).toBeNull();
    // 21 days: acute 50/7, chronic 50/28 → 4
    expect(ratio(withDays(21), D)).toBeCloseTo(4, 10);
  });

  it("is hidden when chronic load is 0 even with full data", () => {
    expect(ratio(dailyLoads([], dailyCheckIns(day(-27), D)), D)).toBeNull();
  });

  it("counts gaps as 0 in the rolling means", () => {
    const loads = dailyLoads([activity(day(-6), { durationSec: 7 * 60, rpe: 10 })], []);
    expect(rollingAcute(loads, D)).toBe(10); // 70 / 7
    expect(rollingAcute(loads, day(1))).toBe(0); // d−6 has left the window
    expect(rollingChronic(loads, D)).toBe(2.5); // 70 / 28
  });
});

describe("EWMA (§2a, §2b)", () => {
  it("§2b N = 7: 100, then a gap → 75, then 200 → 106.25", () => {
    const loads = dailyLoads(
      [activity(D, { durationSec: 20 * 60, rpe: 5 }), activity(day(2), { durationSec: 40 * 60, rpe: 5 })],
      [],
    );
    expect(ewmaLambda(7)).toBe(0.25);
    const e = ewmaSeries(loads, 7);
    expect([...e.entries()]).toEqual([
      [D, 100],
      [day(1), 75],
      [day(2), 106.25],
    ]);
  });

  it("N = 28 uses λ = 2/29 and starts at the first day's load", () => {
    const loads = dailyLoads([activity(D, { durationSec: 29 * 60, rpe: 1 })], [checkIn(day(1))]);
    const e = ewmaSeries(loads, 28);
    expect(e.get(D)).toBe(29);
    expect(e.get(day(1))).toBeCloseTo(29 * (27 / 29), 10); // 27
  });

  it("has no value before the first day with data and runs on through `to`", () => {
    const loads = dailyLoads([activity(D, { durationSec: 600, rpe: 4 })], []);
    const e = ewmaSeries(loads, 7, day(3));
    expect(e.has(day(-1))).toBe(false);
    expect(e.get(D)).toBe(40);
    expect(e.get(day(3))).toBeCloseTo(40 * 0.75 ** 3, 10);
  });

  it("is empty with no data at all", () => {
    expect(ewmaSeries(new Map(), 7).size).toBe(0);
  });

  it("treats the first check-in-only day as the start, with E = 0", () => {
    const loads = dailyLoads([activity(day(1), { durationSec: 600, rpe: 4 })], [checkIn(D)]);
    const e = ewmaSeries(loads, 7);
    expect(e.get(D)).toBe(0);
    expect(e.get(day(1))).toBe(10);
  });
});
