import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseActivityFile } from "./index";
import { MAX_WAITING_FILES, parseInWorker } from "./parse-pool";

const FIXTURES = path.join(import.meta.dirname, "../../test/fixtures/activities");
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

// each worker loads the parsers through tsx first, which takes seconds on a busy machine
describe("parseInWorker", { timeout: 60_000 }, () => {
  it("reads each format in a worker thread exactly as on the request thread", async () => {
    for (const name of ["fenix2-run.fit", "forerunner410-run.tcx", "garmin-connect-run.gpx"]) {
      expect(await parseInWorker(fixture(name), name)).toEqual(parseActivityFile(fixture(name), name));
    }
  });

  it("passes the file's own fault back as the same ActivityFileError", async () => {
    await expect(parseInWorker(fixture("truncated.fit"), "truncated.fit")).rejects.toMatchObject({ name: "ActivityFileError", code: "truncated" });
    await expect(parseInWorker(new TextEncoder().encode("hello"), "notes.txt")).rejects.toMatchObject({ code: "unsupported" });
  });

  it("takes the bytes of a view without the rest of its buffer", async () => {
    const file = fixture("garmin-connect-run.gpx");
    const padded = new Uint8Array(file.length + 100);
    padded.set(file, 50);
    const parsed = await parseInWorker(padded.subarray(50, 50 + file.length), "run.gpx");
    expect(parsed.distanceM).toBeCloseTo(parseActivityFile(file, "run.gpx").distanceM, 6);
  });

  it("queues files beyond the workers, and refuses with 'busy' rather than queue without bound", async () => {
    const name = "forerunner410-run.tcx";
    const many = Array.from({ length: MAX_WAITING_FILES + 5 }, () => parseInWorker(fixture(name), name).then(() => "ok", (e: { code: string }) => e.code));
    const outcomes = await Promise.all(many);
    expect(outcomes.filter((o) => o === "ok").length).toBeGreaterThanOrEqual(MAX_WAITING_FILES);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "busy")).toBe(true);
    expect(outcomes.filter((o) => o === "busy").length).toBeGreaterThan(0);
    // and the pool is usable afterwards
    expect((await parseInWorker(fixture(name), name)).format).toBe("tcx");
  });
});
