import { describe, expect, it } from "vitest";
import { MAX_TRACK_POINTS, computeTrackStats, isPlausibleTotal, isUsablePosition, thinTrackPoints, type TrackPoint } from "./track-stats";

// 0.0001° of latitude is 11.12 m anywhere on Earth
const STEP_M = 11.119_508;
const at = (second: number, lat: number | null, lon: number | null = 0.5): TrackPoint => ({
  time: new Date(Date.UTC(2024, 2, 1, 7, 0, second)),
  lat,
  lon,
});

describe("isUsablePosition", () => {
  it("rejects the ways exporters write 'no position'", () => {
    expect(isUsablePosition(null, 1)).toBe(false);
    expect(isUsablePosition(Number.NaN, 1)).toBe(false);
    expect(isUsablePosition(Number("undefined"), 1)).toBe(false);
    expect(isUsablePosition(0, 0)).toBe(false);
    expect(isUsablePosition(91, 0)).toBe(false);
  });

  it("accepts the equator and the prime meridian on their own", () => {
    expect(isUsablePosition(0, 10)).toBe(true);
    expect(isUsablePosition(51.5, 0)).toBe(true);
  });
});

describe("computeTrackStats", () => {
  it("sums steps and counts brisk, short gaps as moving", () => {
    const stats = computeTrackStats([at(0, 10), at(4, 10.0001), at(8, 10.0002)], 15);
    expect(stats.distanceM).toBeCloseTo(2 * STEP_M, 2);
    expect(stats.movingSec).toBe(8);
    expect(stats.firstTime?.toISOString()).toBe("2024-03-01T07:00:00.000Z");
    expect(stats.lastTime?.toISOString()).toBe("2024-03-01T07:00:08.000Z");
  });

  it("does not count standing still (< 0.5 m/s) or a long gap (> 60 s) as moving", () => {
    // 11.1 m in 30 s is 0.37 m/s; then 11.1 m after 61 s
    const stats = computeTrackStats([at(0, 10), at(30, 10.0001), at(91, 10.0002)], 15);
    expect(stats.movingSec).toBe(0);
    expect(stats.distanceM).toBeCloseTo(2 * STEP_M, 2);
  });

  it("skips an isolated impossible jump and carries on from the last good point", () => {
    const stats = computeTrackStats([at(0, 10), at(4, 10.0001), at(5, 20), at(8, 10.0002)], 15);
    expect(stats.distanceM).toBeCloseTo(2 * STEP_M, 2);
    expect(stats.skippedPoints).toBe(1);
  });

  it("skips unusable positions without breaking the track", () => {
    const stats = computeTrackStats([at(0, 10), at(2, null), at(3, 0, 0), at(4, 10.0001)], 15);
    expect(stats.distanceM).toBeCloseTo(STEP_M, 2);
    expect(stats.skippedPoints).toBe(2);
    expect(stats.positionedPoints).toBe(2);
  });

  it("follows a consistent relocation (a bad first fix) instead of dropping the run", () => {
    const stats = computeTrackStats(
      [at(0, 40), at(5, 10), at(9, 10.0001), at(13, 10.0002), at(17, 10.0003)],
      15,
    );
    // the 3 300 km jump is never counted; the three steps after the bad fix are
    expect(stats.distanceM).toBeCloseTo(3 * STEP_M, 2);
    expect(stats.skippedPoints).toBe(0);
  });

  it("judges repeated timestamps over one second, not as infinite speed", () => {
    const stats = computeTrackStats([at(0, 10), at(0, 10.00001), at(4, 10.0001)], 15);
    expect(stats.distanceM).toBeCloseTo(STEP_M, 2);
    expect(stats.skippedPoints).toBe(0);
  });

  it("accepts points without times, as nothing can show they are impossible", () => {
    const stats = computeTrackStats(
      [
        { time: null, lat: 10, lon: 0.5 },
        { time: null, lat: 10.0001, lon: 0.5 },
      ],
      15,
    );
    expect(stats.distanceM).toBeCloseTo(STEP_M, 2);
    expect(stats.firstTime).toBeNull();
  });
});

describe("isPlausibleTotal", () => {
  it("trusts a device total at a runner's pace and rejects one that implies teleporting", () => {
    expect(isPlausibleTotal(10_000, 3_000, 15)).toBe(true);
    expect(isPlausibleTotal(1_112_000, 2_283, 15)).toBe(false);
    expect(isPlausibleTotal(0, 3_000, 15)).toBe(false);
    expect(isPlausibleTotal(null, 3_000, 15)).toBe(false);
    expect(isPlausibleTotal(5_000, null, 15)).toBe(true);
  });
});

describe("thinTrackPoints", () => {
  // a straight line north, one point a second at 3 m/s
  const line = (n: number): TrackPoint[] =>
    Array.from({ length: n }, (_, i) => ({ time: new Date(Date.UTC(2026, 0, 1, 7, 0, i)), lat: 51 + (i * 3) / 111_195, lon: 0 }));

  it("leaves a file under the cap as it is", () => {
    const points = line(10);
    expect(thinTrackPoints(points, 10)).toBe(points);
  });

  it("keeps an even stride with the first and last point, and the distance within 1%", () => {
    const points = line(25_001);
    const thinned = thinTrackPoints(points, 10_000);
    expect(thinned.length).toBeLessThanOrEqual(10_001);
    expect(thinned[0]).toBe(points[0]);
    expect(thinned.at(-1)).toBe(points.at(-1));
    const full = computeTrackStats(points.slice(0, MAX_TRACK_POINTS), 10).distanceM;
    expect(computeTrackStats(thinned, 10).distanceM).toBeCloseTo(full, -1);
  });

  it("passes a dropped segment start to the next kept point, so a gap never becomes distance", () => {
    const points = line(9).map((p, i) => (i === 4 ? { ...p, segmentStart: true } : p));
    const thinned = thinTrackPoints(points, 3); // stride 3: keeps 0, 3, 6, 8
    expect(thinned.map((p) => p.segmentStart ?? false)).toEqual([false, false, true, false]);
  });

  it("caps what computeTrackStats reads", () => {
    const stats = computeTrackStats(line(MAX_TRACK_POINTS + 10), 10);
    expect(stats.positionedPoints).toBeLessThanOrEqual(MAX_TRACK_POINTS / 2 + 6);
  });
});
