import { describe, expect, it } from "vitest";
import type { SeriesRow } from "@/lib/validation/series";
import { RED_FLAG_Y, TAPE_Y, describePoint, distanceAxis, lastIndexWith, lineLabels, painLoadPoints } from "./pain-load-data";

const row = (over: Partial<SeriesRow>): SeriesRow => ({
  date: "2026-11-02",
  endDate: "2026-11-02",
  runningDistanceM: 0,
  crossTrainingMin: 0,
  load: null,
  runningPain: null,
  morningPain: null,
  acuteRolling: 0,
  chronicRolling: 0,
  acuteEwma: null,
  chronicEwma: null,
  ratio: null,
  baseline: null,
  light: null,
  weeklyCapM: 30000,
  longestRunCapM: 8000,
  toleratedLoadM: 28000,
  redFlags: [],
  tape: false,
  exerciseSessions: 0,
  exercisePain: null,
  stage: null,
  ...over,
});

/** The point of the nth row (the index type allows undefined; these rows are there). */
const pointOf = (rows: SeriesRow[], bucket: "day" | "week", unit: "km" | "mi", n = 0) => painLoadPoints(rows, bucket, unit)[n]!;

const allLines = { weeklyCap: true, tolerated: true, longestCap: true };

describe("painLoadPoints", () => {
  it("keeps pain as 0–10 and distance in the viewer's unit, never mixing the two", () => {
    const p = pointOf([row({ runningDistanceM: 2400, morningPain: 2, runningPain: 3, crossTrainingMin: 44.6 })], "day", "km");
    expect(p.distance).toBe(2.4);
    expect(p.morningPain).toBe(2);
    expect(p.runningPain).toBe(3);
    expect(p.cross).toBe(45);
  });

  it("converts to miles: 8,046.72 m is 5 mi", () => {
    const p = pointOf([row({ runningDistanceM: 8046.72, longestRunCapM: 16093.44 })], "day", "mi");
    expect(p.distance).toBe(5);
    expect(p.longestCap).toBe(10);
  });

  it("shows the weekly cap and tolerated load only against week bars, the longest-run cap only against day bars", () => {
    const d = pointOf([row({})], "day", "km");
    expect([d.weeklyCap, d.tolerated, d.longestCap]).toEqual([null, null, 8]);
    const w = pointOf([row({})], "week", "km");
    expect([w.weeklyCap, w.tolerated, w.longestCap]).toEqual([30, 28, null]);
  });

  it("puts red-flag and tape markers on their own band and names the flags in words", () => {
    const rows = [row({ redFlags: ["swelling", "giving_way"], tape: true }), row({})];
    const p = pointOf(rows, "day", "km");
    const q = pointOf(rows, "day", "km", 1);
    expect(p.redFlagMark).toBe(RED_FLAG_Y);
    expect(p.tapeMark).toBe(TAPE_Y);
    expect(p.redFlags).toEqual(["swelling", "giving way"]);
    expect([q.redFlagMark, q.tapeMark]).toEqual([null, null]);
  });
});

describe("distanceAxis", () => {
  it("rounds the top up so five steps hold the longest bar and every cap shown", () => {
    const pts = painLoadPoints([row({ runningDistanceM: 12400, weeklyCapM: 32000, toleratedLoadM: 36500 })], "week", "km");
    expect(distanceAxis(pts, allLines)).toEqual({ max: 40, ticks: [0, 8, 16, 24, 32, 40] });
    // a line that is not drawn does not stretch the axis
    expect(distanceAxis(pts, { weeklyCap: true, tolerated: false, longestCap: false })).toEqual({ max: 40, ticks: [0, 8, 16, 24, 32, 40] });
    expect(distanceAxis(pts, { weeklyCap: false, tolerated: false, longestCap: false })).toEqual({ max: 12.5, ticks: [0, 2.5, 5, 7.5, 10, 12.5] });
  });

  it("gives an empty range a small axis rather than 0–0", () => {
    const pts = painLoadPoints([row({ weeklyCapM: null, longestRunCapM: null, toleratedLoadM: null })], "day", "km");
    expect(distanceAxis(pts, allLines)).toEqual({ max: 2.5, ticks: [0, 0.5, 1, 1.5, 2, 2.5] });
  });

  it("handles a year of weeks far above the listed steps", () => {
    const pts = painLoadPoints([row({ runningDistanceM: 1_234_000 })], "week", "km");
    expect(distanceAxis(pts, allLines).max).toBe(1500);
  });
});

describe("lastIndexWith", () => {
  it("finds where a stepped line ends so its label sits there", () => {
    const pts = painLoadPoints([row({}), row({ weeklyCapM: 31000 }), row({ weeklyCapM: null })], "week", "km");
    expect(lastIndexWith(pts, "weeklyCap")).toBe(1);
    expect(lastIndexWith(pts, "longestCap")).toBe(-1);
  });
});

describe("lineLabels", () => {
  it("names each line with its last value, one decimal, and moves the lower of two close lines down a row", () => {
    const pts = painLoadPoints([row({ weeklyCapM: 32000, toleratedLoadM: 33420 })], "week", "km");
    expect(lineLabels(pts, ["weeklyCap", "tolerated"], "km", 40)).toEqual([
      { key: "tolerated", index: 0, text: "tolerated 33.4 km", dy: 14 },
      { key: "weeklyCap", index: 0, text: "cap 32 km", dy: 28 },
    ]);
  });

  it("leaves far-apart lines on their own row and skips lines with no value", () => {
    const pts = painLoadPoints([row({ weeklyCapM: 32000, toleratedLoadM: 20000 }), row({ weeklyCapM: 32000, toleratedLoadM: null })], "week", "km");
    expect(lineLabels(pts, ["weeklyCap", "tolerated"], "km", 40).map((l) => [l.text, l.index, l.dy])).toEqual([
      ["cap 32 km", 1, 14],
      ["tolerated 20 km", 0, 14],
    ]);
  });
});

describe("describePoint", () => {
  it("reads a day in words, with the longest-run cap and the usual morning pain for the trainer", () => {
    const p = pointOf([row({ runningDistanceM: 8000, runningPain: 2, morningPain: 4, baseline: 1, crossTrainingMin: 30, redFlags: ["swelling"], tape: true })], "day", "km");
    expect(describePoint(p, "day", "km", { simple: false })).toEqual([
      "Ran 8 km (longest-run cap 8 km)",
      "Cross-training 30 min",
      "Pain while running: 2/10",
      "Morning pain: 4/10 (usual 1)",
      "Red flag: swelling",
      "Tape worn",
    ]);
  });

  it("reads a week for the athlete: weekly cap, highest pains, no trainer detail", () => {
    const p = pointOf([row({ runningDistanceM: 12400, runningPain: 3, crossTrainingMin: 60, tape: true })], "week", "km");
    expect(describePoint(p, "week", "km", { simple: true })).toEqual(["Ran 12.4 km (weekly cap 30 km)", "Pain while running: highest 3/10", "Morning pain: not reported"]);
  });
});
