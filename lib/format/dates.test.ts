import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatDayWithWeekday, formatLongDay, formatShortDay, formatWeekday } from "./dates";

describe("calendar days", () => {
  it("writes a day of this year with its weekday, and another year's with the year", () => {
    expect(formatDay("2025-12-01", "en-GB", "2025-12-03")).toBe("Mon 1 Dec");
    expect(formatDay("2024-12-30", "en-GB", "2025-01-02")).toBe("30 Dec 2024");
    expect(formatDay("2025-12-01", "en-GB")).toBe("1 Dec 2025");
    expect(formatDay("2025-12-01", "en-US", "2025-12-03")).toBe("Mon, Dec 1");
    expect(formatDay("2024-12-30", "en-US", "2025-01-02")).toBe("Dec 30, 2024");
  });

  it("never shifts the day, whatever the process's time zone", () => {
    // the first and last moments of a day in UTC are the day before/after in many zones
    expect(formatShortDay("2025-01-01", "en-GB")).toBe("1 Jan");
    expect(formatShortDay("2025-12-31", "en-US")).toBe("Dec 31");
    expect(formatWeekday("2025-12-01", "en-GB")).toBe("Monday");
    expect(formatDayWithWeekday("2024-02-29", "en-GB")).toBe("Thu 29 Feb");
  });

  it("spells out a day for a page heading", () => {
    expect(formatLongDay("2025-12-01", "en-GB")).toBe("Monday 1 December");
    expect(formatLongDay("2025-12-01", "en-US")).toBe("Monday, December 1");
  });

  it("refuses what is not a calendar day", () => {
    expect(() => formatDay("2025-12-1", "en-GB")).toThrow(RangeError);
  });
});

describe("moments", () => {
  const at = new Date("2025-12-01T23:30:00Z");

  it("are shown in the time zone they are asked for", () => {
    expect(formatDateTime(at, "en-GB", "Europe/Berlin")).toBe("2 Dec 2025, 00:30");
    expect(formatDateTime(at, "en-GB", "America/New_York")).toBe("1 Dec 2025, 18:30");
    expect(formatDate(at, "en-GB", "Europe/Berlin")).toBe("2 Dec 2025");
    expect(formatDate(at, "en-GB", "UTC", { long: true })).toBe("1 December 2025");
  });

  it("follow the locale's order and clock", () => {
    expect(formatDateTime(at, "en-US", "UTC")).toMatch(/^Dec 1, 2025, 11:30\sPM$/);
  });
});
