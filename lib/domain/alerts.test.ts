import { describe, expect, it } from "vitest";
import { deriveAlerts } from "./alerts";
import type { AlertInput } from "./alerts";
import { D, activity, checkIn, dailyCheckIns, day, log, run } from "./test-builders";
import type { Activity, CheckIn, ExerciseLog } from "./types";

function alertsOn(
  checkIns: CheckIn[],
  activities: Activity[] = [],
  extra: Partial<Omit<AlertInput, "records">> & { exerciseLogs?: ExerciseLog[] } = {},
  unit: "km" | "mi" = "km",
) {
  const { exerciseLogs = [], ...rest } = extra;
  return deriveAlerts(
    { records: { checkIns, activities, exerciseLogs }, status: "active", prescription: null, ...rest },
    D,
    { unit },
  );
}

const kinds = (alerts: { kind: string }[]) => alerts.map((a) => a.kind);
/** §2b: morning pain 1, 2, 3, 2, 4 on d−7, d−5, d−4, d−2, d−1 → baseline 2. */
const baselineWeek = [checkIn(day(-7), 1), checkIn(day(-5), 2), checkIn(day(-4), 3), checkIn(day(-2), 2), checkIn(day(-1), 4)];

describe("§2b examples as alerts", () => {
  it("Load: a ratio of 1.647 raises nothing (descriptive only)", () => {
    const activities = [
      activity(day(-21), { durationSec: 2400, rpe: 5 }),
      activity(day(-14), { durationSec: 2400, rpe: 5 }),
      activity(day(-7), { durationSec: 2400, rpe: 5 }),
      activity(day(-3), { type: "bike", durationSec: 1800, rpe: 4 }),
      activity(D, { durationSec: 3000, rpe: 6 }),
    ];
    expect(alertsOn(dailyCheckIns(day(-27), D), activities)).toEqual([]);
  });

  it("Baseline: morning pain 3 over a baseline of 2 is a moderate morning_rise", () => {
    expect(alertsOn([...baselineWeek, checkIn(D, 3)])).toEqual([
      {
        kind: "morning_rise",
        severity: "moderate",
        date: D,
        reason: "Morning pain 3/10 is 1 above the 7-day baseline of 2",
        facts: { kind: "morning_rise", pain: 3, baseline: 2, rise: 1 },
        subject: null,
        dedupeKey: `morning_rise:${D}`,
      },
    ]);
  });

  it("Spike: 10.4 km after a 9.5 km longest raises nothing; 10.5 km raises run_spike", () => {
    const checkIns = [checkIn(D)];
    expect(alertsOn(checkIns, [run(day(-10), 9.5), run(D, 10.4)])).toEqual([]);
    const spike = run(D, 10.5);
    expect(alertsOn(checkIns, [run(day(-10), 9.5), spike])).toEqual([
      {
        kind: "run_spike",
        severity: "moderate",
        activityId: spike.id,
        date: D,
        reason: "10.5 km is 11% over the 30-day longest, 9.5 km",
        // the sentence rounds; the facts keep one decimal: (10.5 − 9.5) / 9.5 = 10.53%
        facts: { kind: "run_spike", activityId: spike.id, distanceM: 10_500, longestM: 9_500, overPercent: 10.5 },
        subject: spike.id,
        dedupeKey: `run_spike:${spike.id}:${D}`,
      },
    ]);
  });

  it("Weekly jump: 23 km after 18 km raises nothing; 24 km raises weekly_jump", () => {
    const before = [run(day(-13), 9), run(day(-9), 9)];
    // runs on d−6 and d of at most 12 km stay under the 1.10 × 12 km spike limit
    expect(alertsOn([checkIn(D)], [...before, run(day(-6), 11), run(D, 12)])).toEqual([]);
    const alerts = alertsOn([checkIn(D)], [...before, run(day(-6), 12), run(D, 12)]);
    expect(alerts).toMatchObject([
      {
        kind: "weekly_jump",
        severity: "moderate",
        reason: "24 km in the last 7 days is 33% over the 7 days before, 18 km",
        // (24 − 18) / 18 = 33.3%
        facts: { kind: "weekly_jump", currentM: 24_000, previousM: 18_000, overPercent: 33.3 },
      },
    ]);
  });
});

describe("red flags", () => {
  it("raises one alert per flag: urgent for locking, high for clicking", () => {
    const alerts = alertsOn([checkIn(D, 2, ["clicking", "locking"])]);
    expect(alerts.map((a) => [a.kind, a.flag, a.severity, a.dedupeKey])).toEqual([
      ["red_flag", "locking", "urgent", `red_flag:locking:${D}`],
      ["red_flag", "clicking", "high", `red_flag:clicking:${D}`],
    ]);
    expect(alerts[0]?.reason).toBe("Reported locking (cannot fully straighten the knee): contact the athlete today");
    expect(alerts.map((a) => a.facts)).toEqual([
      { kind: "red_flag", flag: "locking", urgent: true },
      { kind: "red_flag", flag: "clicking", urgent: false },
    ]);
  });

  it("treats unable to bear weight and hot/red/fever as urgent, the rest as high", () => {
    const alerts = alertsOn([checkIn(D, null, ["giving_way", "swelling", "night_pain", "cannot_bear_weight", "hot_red_fever"])]);
    const severityOf = Object.fromEntries(alerts.map((a) => [a.flag, a.severity]));
    expect(severityOf).toEqual({
      giving_way: "high",
      swelling: "high",
      night_pain: "high",
      cannot_bear_weight: "urgent",
      hot_red_fever: "urgent",
    });
  });

  it("only reads flags answered on d", () => {
    expect(alertsOn([checkIn(day(-1), null, ["locking"]), checkIn(D)])).toEqual([]);
  });
});

describe("pain alerts", () => {
  it("raises one urgent pain_7 naming every value of 7 or more on d", () => {
    const alerts = alertsOn([checkIn(D, 3)], [activity(D, { type: "bike", painDuring: 7 })], {
      exerciseLogs: [log("clam", D, { exercisePain: 8 })],
    });
    expect(alerts.filter((a) => a.kind === "pain_7")).toEqual([
      {
        kind: "pain_7",
        severity: "urgent",
        date: D,
        reason: "Pain at or above 7: 7/10 during a bike, exercise pain 8/10",
        facts: {
          kind: "pain_7",
          threshold: 7,
          scores: [
            { value: 7, source: "during", activityType: "bike" },
            { value: 8, source: "exercise" },
          ],
        },
        subject: null,
        dedupeKey: `pain_7:${D}`,
      },
    ]);
  });

  it("raises running_pain per run over 5, morning_pain over 5, and pain_7 at 7", () => {
    const r = run(D, 8, { painDuring: 4, painAfter: 7 });
    const alerts = alertsOn([checkIn(D, 6)], [r, run(D, 3, { painAfter: 5 })]);
    expect(alerts.map((a) => [a.kind, a.severity])).toEqual([
      ["pain_7", "urgent"],
      ["running_pain", "high"],
      ["morning_pain", "high"],
    ]);
    expect(alerts[1]).toMatchObject({ activityId: r.id, reason: "Running pain 7/10 (8 km run) is over 5" });
    expect(alerts[1]?.facts).toEqual({ kind: "running_pain", threshold: 5, activityId: r.id, pain: 7, distanceM: 8000 });
    expect(alerts[2]?.facts).toEqual({ kind: "morning_pain", threshold: 5, pain: 6 });
  });

  it("does not raise morning_pain at 5 or running_pain for cross-training", () => {
    expect(alertsOn([checkIn(D, 5)], [activity(D, { type: "swim", painAfter: 6 })])).toEqual([]);
  });

  it("makes a rise of 2 high", () => {
    expect(alertsOn([...baselineWeek, checkIn(D, 4)])).toMatchObject([
      { kind: "morning_rise", severity: "high", reason: "Morning pain 4/10 is 2 above the 7-day baseline of 2" },
    ]);
  });

  it("raises no rise alert without a baseline", () => {
    expect(alertsOn([checkIn(day(-2), 0), checkIn(day(-1), 0), checkIn(D, 4)])).toEqual([]);
  });
});

describe("prescription, check-ins and progression", () => {
  it("raises over_prescription for the week and for a long run, in km or mi", () => {
    const long = run(D, 12);
    const alerts = alertsOn([checkIn(D)], [run(day(-3), 10), long], {
      prescription: { weeklyDistanceCapM: 20000, longestRunCapM: 11000 },
    });
    // the 12 km run is also a spike over the 10 km before it; only the prescription alerts matter here
    const rx = alerts.filter((a) => a.kind === "over_prescription");
    expect(rx.map((a) => [a.kind, a.reason, a.dedupeKey])).toEqual([
      ["over_prescription", "22 km in the last 7 days is over the weekly cap of 20 km", `over_prescription:weekly:${D}`],
      ["over_prescription", "Run of 12 km is over the longest-run cap of 11 km", `over_prescription:longest:${D}`],
    ]);
    expect(rx.map((a) => a.facts)).toEqual([
      { kind: "over_prescription", cap: "weekly", distanceM: 22_000, capM: 20_000 },
      { kind: "over_prescription", cap: "longest", distanceM: 12_000, capM: 11_000, runsOver: 1 },
    ]);
    // §2d: the subject is the cap, so two runs over it on one day are one alert
    const twice = alertsOn([checkIn(D)], [run(D, 12), run(D, 13)], { prescription: { weeklyDistanceCapM: null, longestRunCapM: 11000 } });
    expect(twice.filter((a) => a.kind === "over_prescription").map((a) => a.reason)).toEqual([
      "Run of 13 km is over the longest-run cap of 11 km (2 runs over it that day)",
    ]);
    const miles = alertsOn([checkIn(D)], [long], { prescription: { weeklyDistanceCapM: null, longestRunCapM: 11000 } }, "mi");
    expect(miles[0]?.reason).toBe("Run of 7.5 mi is over the longest-run cap of 6.8 mi");
    // the facts are in metres whatever the unit of the sentence
    expect(miles[0]?.facts).toEqual({ kind: "over_prescription", cap: "longest", distanceM: 12_000, capM: 11_000, runsOver: 1 });
  });

  it("raises missed_checkins after 3 days without one, only for active or return-to-run", () => {
    expect(alertsOn([checkIn(day(-3))])).toEqual([
      {
        kind: "missed_checkins",
        severity: "moderate",
        date: D,
        reason: `No check-in for 3 days (${day(-2)} to ${D}); last one on ${day(-3)}`,
        facts: { kind: "missed_checkins", from: day(-2), to: D, lastCheckIn: day(-3) },
        subject: null,
        dedupeKey: `missed_checkins:${D}`,
      },
    ]);
    expect(alertsOn([], [], { status: "cleared" })).toEqual([]);
    // a day must be over to have been missed (§2a): not on today itself, yes once it has ended
    expect(kinds(alertsOn([checkIn(day(-3))], [], { today: D }))).toEqual([]);
    expect(kinds(alertsOn([checkIn(day(-3))], [], { today: day(1) }))).toEqual(["missed_checkins"]);
  });

  it("raises good news per item ready to progress", () => {
    const alerts = alertsOn([checkIn(D)], [], {
      exerciseLogs: [log("clam", day(-3)), log("clam", day(-1)), log("bridge", day(-1))],
      programItems: [{ id: "clam", name: "Banded clamshell" }, { id: "bridge" }],
    });
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: "ready_to_progress",
        severity: "good_news",
        itemId: "clam",
        subject: "clam",
        dedupeKey: `ready_to_progress:clam:${D}`,
        reason: expect.stringMatching(/^Banded clamshell is ready to progress: the last two sessions/),
      }),
    ]);
  });

  it("judges and names an item by the step in force on each date", () => {
    // clamshell sessions on d−3 and d−2; progressed to the banded clamshell on d−1
    const stepAt = Date.parse(`${day(-1)}T10:00:00Z`);
    const item = {
      id: "clam",
      name: "Banded clamshell",
      steps: [
        { exerciseId: "c", name: "Clamshell", from: null, startedAtMs: null },
        { exerciseId: "b", name: "Banded clamshell", from: day(-1), startedAtMs: stepAt },
      ],
    };
    const exerciseLogs = [log("clam", day(-3), { loggedAtMs: stepAt - 40 * 3_600_000 }), log("clam", day(-2), { loggedAtMs: stepAt - 20 * 3_600_000 })];
    const on = (d: string) => deriveAlerts({ records: { checkIns: [checkIn(d)], activities: [], exerciseLogs }, status: "active", prescription: null, programItems: [item] }, d);
    expect(on(day(-2))).toEqual([expect.objectContaining({ kind: "ready_to_progress", reason: expect.stringMatching(/^Clamshell is ready to progress/) })]);
    expect(on(day(-1))).toEqual([]);
    expect(on(D)).toEqual([]);
  });

  it("pauses progression suggestions after a red flag", () => {
    const alerts = alertsOn([checkIn(day(-2), null, ["swelling"]), checkIn(D)], [], {
      exerciseLogs: [log("clam", day(-3)), log("clam", day(-1))],
    });
    expect(kinds(alerts)).toEqual([]);
  });
});

describe("ordering and dedupe", () => {
  it("puts urgent first and gives every alert a distinct, stable key", () => {
    const input = (): Parameters<typeof alertsOn> => [
      [...baselineWeek, checkIn(D, 7, ["swelling", "locking"])],
      [run(day(-10), 5), run(D, 8, { painAfter: 6 })],
      { exerciseLogs: [] },
    ];
    const first = alertsOn(...input());
    expect(kinds(first)).toEqual([
      "red_flag",
      "pain_7",
      "red_flag",
      "running_pain",
      "morning_pain",
      "morning_rise",
      "run_spike",
      "weekly_jump", // 8 km after 5 km
    ]);
    expect(first.map((a) => a.severity)).toEqual(["urgent", "urgent", "high", "high", "high", "high", "moderate", "moderate"]);
    const keys = first.map((a) => a.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(alertsOn(...input()).map((a) => a.dedupeKey.replace(/:a\d+:/, ":run:"))).toEqual(
      keys.map((k) => k.replace(/:a\d+:/, ":run:")),
    );
  });
});
