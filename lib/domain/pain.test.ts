import { describe, expect, it } from "vitest";
import { indexHistory } from "./history";
import { assessTrafficLight, baseline, currentTrafficLight, median, morningTrend, rise, runningPain, trafficLightOn, trafficLightsBetween } from "./pain";
import { D, activity, checkIn, day, randomRecords, run } from "./test-builders";
import type { Activity, CheckIn } from "./types";

const history = (checkIns: CheckIn[], activities: Activity[] = []) => indexHistory({ checkIns, activities });

/** §2b: morning pain 1, 2, 3, 2, 4 on d−7, d−5, d−4, d−2, d−1. */
const baselineWeek = [checkIn(day(-7), 1), checkIn(day(-5), 2), checkIn(day(-4), 3), checkIn(day(-2), 2), checkIn(day(-1), 4)];

describe("running pain (§2a)", () => {
  it("is the larger of during and after, ignoring what was not reported", () => {
    expect(runningPain({ painDuring: 3, painAfter: 5 })).toBe(5);
    expect(runningPain({ painDuring: 6, painAfter: 2 })).toBe(6);
    expect(runningPain({ painDuring: null, painAfter: 4 })).toBe(4);
    expect(runningPain({ painDuring: null, painAfter: null })).toBeNull();
  });
});

describe("baseline and rise (§2a, §2b)", () => {
  it("§2b: baseline 2, and morning pain 3 on d rises 1", () => {
    const h = history([...baselineWeek, checkIn(D, 3)]);
    expect(baseline(h.morningPain, D)).toBe(2);
    expect(rise(h.morningPain, D)).toBe(1);
  });

  it("takes the mean of the middle two for an even count", () => {
    expect(median([1, 4, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("needs 3 mornings with pain in d−7…d−1; d itself and d−8 do not count", () => {
    const h = history([checkIn(day(-8), 2), checkIn(day(-3), 2), checkIn(day(-1), null), checkIn(day(-2), 4), checkIn(D, 5)]);
    expect(baseline(h.morningPain, D)).toBeNull();
    expect(rise(h.morningPain, D)).toBeNull();
  });

  it("has no rise on a day without a morning value", () => {
    const h = history(baselineWeek);
    expect(baseline(h.morningPain, D)).toBe(2);
    expect(rise(h.morningPain, D)).toBeNull();
  });
});

describe("traffic light (§2a)", () => {
  it("§2b: a rise of 1 is amber", () => {
    const h = history([...baselineWeek, checkIn(D, 3)]);
    expect(trafficLightOn(h, D)).toBe("amber");
    expect(assessTrafficLight(h, D).causes).toEqual(["rise_1"]);
  });

  it("a rise of 2 is red; no rise is green", () => {
    expect(trafficLightOn(history([...baselineWeek, checkIn(D, 4)]), D)).toBe("red");
    expect(trafficLightOn(history([...baselineWeek, checkIn(D, 2)]), D)).toBe("green");
  });

  it("morning pain over 5 is red even without a baseline; 5 is not", () => {
    expect(trafficLightOn(history([checkIn(D, 6)]), D)).toBe("red");
    expect(trafficLightOn(history([checkIn(D, 5)]), D)).toBe("green");
  });

  it("a run with pain over 5 anywhere in d−6…d is red, but not from d−7", () => {
    expect(trafficLightOn(history([checkIn(D, 0)], [run(day(-6), 5, { painAfter: 6 })]), D)).toBe("red");
    expect(trafficLightOn(history([checkIn(D, 0)], [run(day(-7), 5, { painAfter: 6 })]), D)).toBe("green");
    expect(trafficLightOn(history([checkIn(D, 0)], [run(D, 5, { painDuring: 5, painAfter: 5 })]), D)).toBe("green");
  });

  it("ignores pain during cross-training for the running-pain rule", () => {
    expect(trafficLightOn(history([checkIn(D, 0)], [activity(D, { type: "bike", painDuring: 6 })]), D)).toBe("green");
  });

  it("is amber when the weekly mean morning pain is up by 1, even with no rise on d", () => {
    // d−13…d−7: 1, 1, 1; d−6…d: 2, 2, 2, 2 — baseline(d) = 2, so rise is 0
    const h = history([
      checkIn(day(-13), 1), checkIn(day(-12), 1), checkIn(day(-11), 1),
      checkIn(day(-6), 2), checkIn(day(-5), 2), checkIn(day(-4), 2), checkIn(D, 2),
    ]);
    expect(rise(h.morningPain, D)).toBe(0);
    expect(assessTrafficLight(h, D)).toMatchObject({ light: "amber", causes: ["weekly_trend"] });
  });

  it("counts a difference of exactly 1 as rising where floating point says 0.9999… (8/3 vs 5/3)", () => {
    const h = history([
      checkIn(day(-13), 1), checkIn(day(-12), 2), checkIn(day(-11), 2),
      checkIn(day(-6), 2), checkIn(day(-5), 3), checkIn(day(-4), 3),
    ]);
    expect(8 / 3 - 5 / 3).toBeLessThan(1);
    expect(morningTrend(h.morningPain, D)?.rising).toBe(true);
    expect(trafficLightOn(h, D)).toBe("amber");
  });

  it("needs 3 mornings in each week for the trend", () => {
    const h = history([checkIn(day(-13), 0), checkIn(day(-12), 0), checkIn(day(-6), 4), checkIn(day(-5), 4), checkIn(day(-4), 4)]);
    expect(morningTrend(h.morningPain, D)).toBeNull();
    expect(trafficLightOn(h, D)).toBe("green");
  });

  it("works on days with morning pain but no run", () => {
    const h = history([checkIn(day(-3), 1), checkIn(day(-2), 1), checkIn(day(-1), 1), checkIn(D, 3)]);
    expect(assessTrafficLight(h, D)).toMatchObject({ light: "red", maxRunningPain: null, baseline: 1, rise: 2 });
  });
});

describe("current traffic light", () => {
  it("is computed on the latest date with a check-in", () => {
    const h = history([checkIn(day(-2), 6), checkIn(day(-1), null)], [run(D, 5, { painAfter: 2 })]);
    expect(currentTrafficLight(h)).toMatchObject({ date: day(-1), light: "green" });
    expect(currentTrafficLight(h, day(-2))).toMatchObject({ date: day(-2), light: "red" });
  });

  it("is null before the first check-in", () => {
    expect(currentTrafficLight(history([], [run(D, 5)]))).toBeNull();
  });
});

describe("trafficLightsBetween", () => {
  it("agrees with trafficLightOn on every day of random histories, including before the first record and after the last", () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const h = indexHistory(randomRecords(seed, 90));
      const start = day(-100);
      const lights = trafficLightsBetween(h, start, day(5));
      expect(lights).toHaveLength(106);
      lights.forEach((light, i) => {
        expect(light, `seed ${seed}, ${day(i - 100)}`).toBe(trafficLightOn(h, day(i - 100)));
        seen.add(light);
      });
    }
    expect(seen).toEqual(new Set(["green", "amber", "red"]));
  });

  it("is empty when the range is", () => {
    expect(trafficLightsBetween(indexHistory({ checkIns: [], activities: [] }), D, day(-1))).toEqual([]);
  });
});
