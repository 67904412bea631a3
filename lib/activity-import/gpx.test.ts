import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseGpx } from "./gpx";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "../../test/fixtures/activities", name)));

const expectWithin1Percent = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 0.01);
};

const gpx = (body: string): Uint8Array =>
  new TextEncoder().encode(
    `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">${body}</gpx>`,
  );

describe("parseGpx: garmin-connect-run.gpx", () => {
  const activity = parseGpx(fixture("garmin-connect-run.gpx"));

  it("computes distance, elapsed and moving time from the points", () => {
    expect(activity.format).toBe("gpx");
    expect(activity.startTime.toISOString()).toBe("2012-10-24T23:29:40.000Z");
    expect(activity.distanceSource).toBe("points");
    expectWithin1Percent(activity.distanceM, 3099);
    expectWithin1Percent(activity.elapsedSec, 948);
    expectWithin1Percent(activity.movingSec, 839);
  });

  it("has no device timer, laps or sport to report", () => {
    expect(activity.timerSec).toBeNull();
    expect(activity.laps).toEqual([]);
    expect(activity.sport).toBeNull();
    expect(activity.pointCount).toBe(206);
    expect(activity.skippedPoints).toBe(0);
  });
});

describe("parseGpx: broken and unusual files", () => {
  it("rejects bad-coordinates.gpx: no point has a usable position", () => {
    expect(() => parseGpx(fixture("bad-coordinates.gpx"))).toThrow(
      expect.objectContaining({ code: "no_positions", message: expect.stringMatching(/usable GPS position/) }),
    );
  });

  it("does not bridge the gap between track segments", () => {
    const activity = parseGpx(
      gpx(`<trk><type>running</type>
        <trkseg>
          <trkpt lat="51.5" lon="-0.1"><time>2024-03-01T07:00:00Z</time></trkpt>
          <trkpt lat="51.5003" lon="-0.1"><time>2024-03-01T07:00:10Z</time></trkpt>
        </trkseg>
        <trkseg>
          <trkpt lat="51.6" lon="-0.1"><time>2024-03-01T08:00:00Z</time></trkpt>
          <trkpt lat="51.6003" lon="-0.1"><time>2024-03-01T08:00:10Z</time></trkpt>
        </trkseg></trk>`),
    );
    expect(activity.sport).toBe("run");
    // two 33.4 m segments; the 11 km between them was not run
    expect(activity.distanceM).toBeCloseTo(66.7, 0);
    expect(activity.elapsedSec).toBe(3610);
    expect(activity.movingSec).toBe(20);
  });

  it("reads zone-less times as UTC, as GPX specifies", () => {
    const activity = parseGpx(
      gpx(`<trk><trkseg>
        <trkpt lat="51.5" lon="-0.1"><time>2024-03-01T07:00:00</time></trkpt>
        <trkpt lat="51.5003" lon="-0.1"><time>2024-03-01T07:00:10</time></trkpt>
      </trkseg></trk>`),
    );
    expect(activity.startTime.toISOString()).toBe("2024-03-01T07:00:00.000Z");
  });

  it("treats a route-only file as a plan, not a run", () => {
    expect(() => parseGpx(gpx(`<rte><rtept lat="51.5" lon="-0.1"/></rte>`))).toThrow(
      expect.objectContaining({ code: "unsupported" }),
    );
  });

  it("reports a GPX with no track at all as empty", () => {
    expect(() => parseGpx(gpx(""))).toThrow(expect.objectContaining({ code: "empty" }));
  });

  it("refuses a file declaring an external entity as unreadable, without reading the entity", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY e SYSTEM "file:///etc/passwd">]><gpx><trk><name>&e;</name></trk></gpx>`;
    expect(() => parseGpx(new TextEncoder().encode(xxe))).toThrow(expect.objectContaining({ code: "unreadable" }));
  });
});
