import { describe, expect, it } from "vitest";
import { buildDailySeries, bucketWeekly } from "./series";
import { indexHistory } from "./history";
import { ratio, rollingAcute, rollingChronic } from "./load";
import { baseline, trafficLightOn } from "./pain";
import { D, activity, checkIn, dailyCheckIns, day, randomRecords, run } from "./test-builders";

describe("buildDailySeries", () => {
  // d−3: 5 km run, 30 min @5 (150), pain 3/4, morning 1
  // d−2: nothing (a gap)
  // d−1: 60 min bike @3 (180), morning 2, taped
  // d  : 4 km 20 min @6 (120) pain after 6, and 2 km 10 min @2 (20) pain during 2; no check-in
  const records = {
    checkIns: [checkIn(day(-3), 1), { ...checkIn(day(-1), 2), tape: true }],
    activities: [
      run(day(-3), 5, { durationSec: 1800, rpe: 5, painDuring: 3, painAfter: 4 }),
      activity(day(-1), { type: "bike", durationSec: 3600, rpe: 3 }),
      run(D, 4, { durationSec: 1200, rpe: 6, painAfter: 6 }),
      run(D, 2, { durationSec: 600, rpe: 2, painDuring: 2 }),
    ],
  };
  const rows = buildDailySeries(records, day(-3), day(1));

  it("gives one row per day, including gaps", () => {
    expect(rows.map((r) => r.date)).toEqual([day(-3), day(-2), day(-1), D, day(1)]);
  });

  it("fills the first day with data", () => {
    expect(rows[0]).toEqual({
      date: day(-3),
      runningDistanceM: 5000,
      crossTrainingMin: 0,
      load: 150,
      runningPain: 4,
      morningPain: 1,
      acuteRolling: 150 / 7,
      chronicRolling: 150 / 28,
      acuteEwma: 150,
      chronicEwma: 150,
      ratio: null,
      baseline: null,
      light: "green",
      tape: false,
    });
  });

  it("leaves a gap's load and light empty but carries the EWMA on with 0", () => {
    expect(rows[1]).toMatchObject({ load: null, light: null, morningPain: null, runningPain: null, acuteEwma: 112.5 });
    expect(rows[1]?.chronicEwma).toBeCloseTo(150 * (27 / 29), 10);
  });

  it("counts cross-training minutes and tape, not running distance", () => {
    expect(rows[2]).toMatchObject({ runningDistanceM: 0, crossTrainingMin: 60, load: 180, tape: true, acuteEwma: 129.375 });
  });

  it("sums several runs on a day and takes their worst running pain", () => {
    expect(rows[3]).toMatchObject({ runningDistanceM: 6000, load: 140, runningPain: 6, morningPain: null, light: "red" });
    expect(rows[3]?.acuteRolling).toBeCloseTo(470 / 7, 10);
  });

  it("shows the ratio from the first day 21 of the last 28 have data (§2a)", () => {
    const series = buildDailySeries(
      { checkIns: dailyCheckIns(day(-27), D), activities: [activity(day(-21), { durationSec: 2400, rpe: 5 })] },
      day(-8),
      day(-7),
    );
    expect(series[0]?.ratio).toBeNull(); // 20 days with data
    expect(series[1]?.ratio).toBe(0); // 21 days: shown; d−21 has left the acute window
  });

  it("has no EWMA before the first day with data", () => {
    const [before] = buildDailySeries({ checkIns: [checkIn(D)], activities: [] }, day(-1), D);
    expect(before).toMatchObject({ acuteEwma: null, chronicEwma: null, load: null });
  });
});

describe("bucketWeekly", () => {
  it("sums per ISO week and keeps the worst pain", () => {
    const rows = buildDailySeries(
      {
        checkIns: [checkIn(day(-3), 1), checkIn(day(-1), 2)],
        activities: [
          run(day(-3), 5, { durationSec: 1800, rpe: 5, painAfter: 4 }),
          activity(day(-1), { type: "bike", durationSec: 3600, rpe: 3 }),
          run(D, 6, { durationSec: 1200, rpe: 7, painAfter: 6 }),
        ],
      },
      day(-3),
      day(1),
    );
    expect(bucketWeekly(rows)).toEqual([
      {
        weekStart: "2026-02-23",
        weekEnd: D,
        runningDistanceM: 11000,
        crossTrainingMin: 60,
        load: 150 + 180 + 140,
        maxRunningPain: 6,
        maxMorningPain: 2,
        daysWithData: 3,
      },
      {
        weekStart: "2026-03-02",
        weekEnd: "2026-03-08",
        runningDistanceM: 0,
        crossTrainingMin: 0,
        load: null,
        maxRunningPain: null,
        maxMorningPain: null,
        daysWithData: 0,
      },
    ]);
  });

  it("returns nothing for no rows", () => {
    expect(bucketWeekly([])).toEqual([]);
  });
});

describe("buildDailySeries agrees with the per-date rules", () => {
  const h = indexHistory(randomRecords(7));
  const from = day(-60);
  const rows = buildDailySeries(h, from, day(3));

  it("matches rollingAcute, rollingChronic, ratio, baseline and the light on every day, exactly", () => {
    expect(rows).toHaveLength(64);
    for (const r of rows) {
      expect(r.acuteRolling, r.date).toBe(rollingAcute(h.loads, r.date));
      expect(r.chronicRolling, r.date).toBe(rollingChronic(h.loads, r.date));
      expect(r.ratio, r.date).toBe(ratio(h.loads, r.date));
      expect(r.baseline, r.date).toBe(baseline(h.morningPain, r.date));
      expect(r.light, r.date).toBe(r.load === null ? null : trafficLightOn(h, r.date));
    }
    // the sample has days of every kind, so the comparison means something
    expect(rows.some((r) => r.ratio !== null)).toBe(true);
    expect(rows.some((r) => r.load === null)).toBe(true);
    expect(new Set(rows.map((r) => r.light))).toEqual(new Set(["green", "amber", "red", null]));
  });
});

describe("buildDailySeries continued from known EWMAs", () => {
  it("gives every row of a run from the first day with data, with only the last 84 days of records", () => {
    const records = randomRecords(3, 200);
    const from = day(-30);
    const full = buildDailySeries(records, from, day(2));
    const [before] = buildDailySeries(records, day(-31), day(-31));
    const recent = (date: string) => date >= day(-31 - 84);
    const continued = buildDailySeries(
      { checkIns: records.checkIns.filter((c) => recent(c.date)), activities: records.activities.filter((a) => recent(a.date)) },
      from,
      day(2),
      undefined,
      { acute: before!.acuteEwma!, chronic: before!.chronicEwma! },
    );
    expect(continued).toEqual(full);
    // without them, the shortened records would start the EWMA over
    expect(buildDailySeries({ checkIns: records.checkIns.filter((c) => recent(c.date)), activities: records.activities.filter((a) => recent(a.date)) }, from, day(2))[0]!.chronicEwma).not.toBe(full[0]!.chronicEwma);
  });
});
