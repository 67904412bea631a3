import { describe, expect, it } from "vitest";
import { localDateOf } from "./dates";
import { instantOf, wallTimeOf } from "./local-time";

describe("instantOf", () => {
  it("reads a wall-clock time in the athlete's zone", () => {
    expect(instantOf("2026-07-01", "07:30", "Europe/London").toISOString()).toBe("2026-07-01T06:30:00.000Z");
    expect(instantOf("2026-01-15", "07:30", "Europe/London").toISOString()).toBe("2026-01-15T07:30:00.000Z");
  });

  it("keeps a late-evening run on its local date when UTC has moved to the next day", () => {
    const run = instantOf("2026-03-01", "19:30", "America/New_York");
    expect(run.toISOString()).toBe("2026-03-02T00:30:00.000Z");
    expect(localDateOf(run, "America/New_York")).toBe("2026-03-01");
    expect(wallTimeOf(run, "America/New_York")).toBe("19:30");
  });

  it("keeps an early-morning run in Auckland on its local date", () => {
    const run = instantOf("2026-03-02", "06:00", "Pacific/Auckland");
    expect(run.toISOString()).toBe("2026-03-01T17:00:00.000Z");
    expect(localDateOf(run, "Pacific/Auckland")).toBe("2026-03-02");
  });
});
