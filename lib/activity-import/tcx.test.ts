import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTcx } from "./tcx";
import { ActivityFileError } from "./types";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "../../test/fixtures/activities", name)));

const expectWithin1Percent = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 0.01);
};

const tcx = (body: string): Uint8Array =>
  new TextEncoder().encode(
    `<?xml version="1.0"?><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">${body}</TrainingCenterDatabase>`,
  );

describe("parseTcx: forerunner410-run.tcx (Forerunner 410, 3 laps)", () => {
  const activity = parseTcx(fixture("forerunner410-run.tcx"));

  it("reads start, the lap distance sum and the lap time", () => {
    expect(activity.format).toBe("tcx");
    expect(activity.sport).toBe("run");
    expect(activity.startTime.toISOString()).toBe("2012-12-26T21:29:53.000Z");
    expect(activity.distanceSource).toBe("device");
    expectWithin1Percent(activity.distanceM, 4689);
    expectWithin1Percent(activity.timerSec ?? NaN, 1993);
    expectWithin1Percent(activity.elapsedSec, 1993);
    expect(activity.movingSec).toBeLessThanOrEqual(activity.elapsedSec);
    expect(activity.movingSec).toBeGreaterThan(1900);
  });

  it("keeps the laps as the watch split them", () => {
    expect(activity.laps).toHaveLength(3);
    expect(activity.laps[0]).toMatchObject({ distanceM: 1609.34399414, durationSec: 608.47 });
    expect(activity.laps[2]?.startTime.toISOString()).toBe("2012-12-26T21:51:56.000Z");
  });

  it("skips the one trackpoint without a position", () => {
    expect(activity.pointCount).toBe(384);
    expect(activity.skippedPoints).toBe(1);
  });
});

describe("parseTcx: bad-coordinates.tcx (0,0, 'undefined', a 1112 km jump in 1 s)", () => {
  const activity = parseTcx(fixture("bad-coordinates.tcx"));

  it("never records the 1112 km teleport", () => {
    expect(activity.distanceM).toBeLessThan(50_000);
  });

  it("uses the lap total once, although the file repeats the lap", () => {
    expect(activity.laps).toHaveLength(1);
    expectWithin1Percent(activity.distanceM, 6840);
    expect(activity.distanceSource).toBe("device");
  });

  it("skips every point without a usable position, including the duplicate lap's", () => {
    expect(activity.pointCount).toBe(4);
    // usable: only (0, 10); skipped: (0, 0) and the duplicate lap's two
    expect(activity.skippedPoints).toBe(3);
  });

  it("keeps the file's own sport when it is not running", () => {
    expect(activity.sport).toBe("biking");
  });
});

describe("parseTcx: edge cases", () => {
  it("computes from points, skipping the jump, when laps carry no distance", () => {
    const point = (time: string, lat: number, lon: number) =>
      `<Trackpoint><Time>${time}</Time><Position><LatitudeDegrees>${lat}</LatitudeDegrees><LongitudeDegrees>${lon}</LongitudeDegrees></Position></Trackpoint>`;
    const activity = parseTcx(
      tcx(`<Activities><Activity Sport="Running"><Id>2024-03-01T07:00:00Z</Id>
        <Lap StartTime="2024-03-01T07:00:00Z"><Track>
          ${point("2024-03-01T07:00:00Z", 51.5, -0.1)}
          ${point("2024-03-01T07:00:10Z", 51.5003, -0.1)}
          ${point("2024-03-01T07:00:11Z", 0, 10)}
          ${point("2024-03-01T07:00:20Z", 51.5006, -0.1)}
        </Track></Lap></Activity></Activities>`),
    );
    expect(activity.distanceSource).toBe("points");
    // 0.0006° of latitude = 66.7 m
    expect(activity.distanceM).toBeCloseTo(66.7, 0);
    expect(activity.skippedPoints).toBe(1);
    expect(activity.timerSec).toBeNull();
  });

  it("rejects a course as unsupported", () => {
    const error = (() => {
      try {
        parseTcx(tcx("<Courses><Course><Name>Loop</Name></Course></Courses>"));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ActivityFileError);
    expect((error as ActivityFileError).code).toBe("unsupported");
  });

  it("rejects XML that is cut short as unreadable", () => {
    const text = new TextDecoder().decode(fixture("forerunner410-run.tcx"));
    const cut = new TextEncoder().encode(text.slice(0, 5000));
    expect(() => parseTcx(cut)).toThrow(expect.objectContaining({ code: "unreadable" }));
  });
});
