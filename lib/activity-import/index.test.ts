import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_ACTIVITY_FILE_BYTES, detectActivityFormat, parseActivityFile } from "./index";

const FIXTURES = path.join(import.meta.dirname, "../../test/fixtures/activities");
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("detectActivityFormat", () => {
  it("recognises every fixture by its content, whatever it is called", () => {
    expect(detectActivityFormat(fixture("fenix2-run.fit"), "upload.bin")).toBe("fit");
    expect(detectActivityFormat(fixture("truncated.fit"), "upload.bin")).toBe("fit");
    expect(detectActivityFormat(fixture("forerunner410-run.tcx"), "export.xml")).toBe("tcx");
    expect(detectActivityFormat(fixture("garmin-connect-run.gpx"), "run.tcx")).toBe("gpx");
  });

  it("falls back to the extension, and gives up on neither", () => {
    expect(detectActivityFormat(text("garbage"), "RUN.FIT")).toBe("fit");
    expect(detectActivityFormat(text("garbage"), "notes.txt")).toBeNull();
  });
});

describe("parseActivityFile", () => {
  it.each([
    ["fenix2-run.fit", "fit", 9008],
    ["forerunner110-run-laps.fit", "fit", 4835],
    ["forerunner410-run.tcx", "tcx", 4689],
    ["garmin-connect-run.gpx", "gpx", 3099],
  ])("parses %s as %s, %d m", (name, format, metres) => {
    const activity = parseActivityFile(fixture(name), name);
    expect(activity.format).toBe(format);
    expect(Math.abs(activity.distanceM - metres)).toBeLessThanOrEqual(metres * 0.01);
  });

  it.each([
    ["truncated.fit", "truncated"],
    ["bad-coordinates.gpx", "no_positions"],
  ])("rejects %s with %s", (name, code) => {
    expect(() => parseActivityFile(fixture(name), name)).toThrow(expect.objectContaining({ code }));
  });

  it("never turns bad-coordinates.tcx into a 1112 km run", () => {
    expect(parseActivityFile(fixture("bad-coordinates.tcx"), "bad-coordinates.tcx").distanceM).toBeLessThan(
      50_000,
    );
  });

  it("rejects an empty file", () => {
    expect(() => parseActivityFile(new Uint8Array(0), "run.fit")).toThrow(
      expect.objectContaining({ code: "empty", message: expect.stringMatching(/empty/) }),
    );
  });

  it("rejects a file over 10 MB before reading it", () => {
    const big = new Uint8Array(MAX_ACTIVITY_FILE_BYTES + 1);
    expect(() => parseActivityFile(big, "run.gpx")).toThrow(expect.objectContaining({ code: "too_large" }));
  });

  it("asks for compressed exports to be unzipped", () => {
    expect(() => parseActivityFile(new Uint8Array([0x1f, 0x8b, 8, 0]), "run.fit.gz")).toThrow(
      expect.objectContaining({ code: "unsupported", message: expect.stringMatching(/Unzip/) }),
    );
  });

  it("names the formats it can read when given something else", () => {
    expect(() => parseActivityFile(text("hello"), "notes.txt")).toThrow(
      expect.objectContaining({ code: "unsupported", message: expect.stringMatching(/FIT, TCX and GPX/) }),
    );
  });

  it("calls a .fit-named file that is not FIT unreadable", () => {
    expect(() => parseActivityFile(text("this is not a watch file"), "run.fit")).toThrow(
      expect.objectContaining({ code: "unreadable" }),
    );
  });
});
