import fs from "node:fs";
import path from "node:path";
import { Decoder, Stream } from "@garmin/fitsdk";
import { describe, expect, it } from "vitest";
import { parseFit } from "./fit";
import { computeTrackStats } from "./track-stats";
import { ActivityFileError } from "./types";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "../../test/fixtures/activities", name)));

const expectWithin1Percent = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 0.01);
};

const catchError = (fn: () => unknown): ActivityFileError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ActivityFileError) return error;
    throw error;
  }
  throw new Error("expected an ActivityFileError");
};

describe("parseFit: fenix2-run.fit (Garmin fenix 2)", () => {
  const activity = parseFit(fixture("fenix2-run.fit"));

  it("reads the session start and the device totals", () => {
    expect(activity.format).toBe("fit");
    expect(activity.sport).toBe("run");
    expect(activity.startTime.toISOString()).toBe("2015-08-15T14:45:08.000Z");
    expect(activity.distanceSource).toBe("device");
    expectWithin1Percent(activity.distanceM, 9008);
    expectWithin1Percent(activity.timerSec ?? NaN, 2832);
    expectWithin1Percent(activity.elapsedSec, 2832);
  });

  it("keeps the four laps, which add up to the session", () => {
    expect(activity.laps).toHaveLength(4);
    const lapSum = activity.laps.reduce((sum, lap) => sum + (lap.distanceM ?? 0), 0);
    expectWithin1Percent(lapSum, 9008);
    expect(activity.pointCount).toBe(2809);
  });

  it("moving time stays within the timer", () => {
    expect(activity.movingSec).toBeGreaterThan(2700);
    expect(activity.movingSec).toBeLessThanOrEqual(2832);
  });

  it("its points agree with the device total (8.996 km) within 1%", () => {
    // decoded here rather than exposed by parseFit, which rightly prefers the device total
    const { messages } = new Decoder(Stream.fromByteArray(fixture("fenix2-run.fit"))).read();
    const semicircle = 180 / 2 ** 31;
    const points = (messages.recordMesgs ?? []).map((r) => ({
      time: r.timestamp instanceof Date ? r.timestamp : null,
      lat: typeof r.positionLat === "number" ? r.positionLat * semicircle : null,
      lon: typeof r.positionLong === "number" ? r.positionLong * semicircle : null,
    }));
    expectWithin1Percent(computeTrackStats(points, Infinity).distanceM, 8996);
    // the jump filter drops two start-up fixes (30 m and 21 m in one second) and stays within 1%
    expectWithin1Percent(computeTrackStats(points, 15).distanceM, 8996);
  });
});

describe("parseFit: forerunner110-run-laps.fit (Forerunner 110, pause, repeated timestamps)", () => {
  const activity = parseFit(fixture("forerunner110-run-laps.fit"));

  it("reads start, device distance and elapsed time", () => {
    expect(activity.sport).toBe("run");
    expect(activity.startTime.toISOString()).toBe("2013-02-06T12:11:14.000Z");
    expect(activity.distanceSource).toBe("device");
    expectWithin1Percent(activity.distanceM, 4835);
    expectWithin1Percent(activity.elapsedSec, 2625);
  });

  it("computes moving time from the points, leaving out the pause", () => {
    expectWithin1Percent(activity.movingSec, 2095);
  });

  it("keeps the 5 laps: four of 1 km and the rest", () => {
    expect(activity.laps.map((l) => l.distanceM)).toEqual([1000, 1000, 1000, 1000, 835.38]);
    expect(activity.laps[0]?.startTime.toISOString()).toBe("2013-02-06T12:11:14.000Z");
  });

  it("counts the records with no position as skipped", () => {
    expect(activity.pointCount).toBe(590);
    expect(activity.skippedPoints).toBe(7);
  });
});

describe("parseFit: broken files", () => {
  it("reports truncated.fit as incomplete, in words a runner understands", () => {
    const error = catchError(() => parseFit(fixture("truncated.fit")));
    expect(error.code).toBe("truncated");
    expect(error.message).toMatch(/incomplete/);
    expect(error.message).toMatch(/Export it again/);
    expect(error.detail).toContain("771");
  });

  it("reports a file whose checksum fails as damaged", () => {
    const bytes = fixture("forerunner110-run-laps.fit").slice();
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
    const error = catchError(() => parseFit(bytes));
    expect(error.code).toBe("unreadable");
    expect(error.message).toMatch(/damaged/);
  });

  it("reports bytes that are not FIT at all as unreadable", () => {
    expect(catchError(() => parseFit(new TextEncoder().encode("not a fit file at all"))).code).toBe(
      "unreadable",
    );
  });
});
