import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate, localDateOf, mondayOf, rangeOfDates, todayIn } from "./dates";

describe("calendar arithmetic", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-03-01", -27)).toBe("2026-02-02");
  });

  it("is not disturbed by daylight saving (US clocks change 2026-03-08)", () => {
    expect(addDays("2026-03-07", 2)).toBe("2026-03-09");
    expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
  });

  it("counts days in either direction", () => {
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
    expect(daysBetween("2026-03-01", "2026-02-22")).toBe(-7);
  });

  it("lists an inclusive range, empty when reversed", () => {
    expect(rangeOfDates("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(rangeOfDates("2026-03-02", "2026-03-01")).toEqual([]);
  });

  it("finds the ISO-week Monday (weeks run Mon–Sun)", () => {
    expect(mondayOf("2026-03-01")).toBe("2026-02-23"); // Sunday belongs to the week before
    expect(mondayOf("2026-03-02")).toBe("2026-03-02");
    expect(mondayOf("2026-01-01")).toBe("2025-12-29"); // week spans the new year
  });

  it("rejects strings that are not calendar dates", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-3-1")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("local dates in the athlete's time zone (§3)", () => {
  const instant = new Date("2026-03-01T23:30:00Z");

  it("puts one instant on different dates either side of midnight UTC", () => {
    expect(localDateOf(instant, "America/New_York")).toBe("2026-03-01");
    expect(localDateOf(instant, "Pacific/Auckland")).toBe("2026-03-02");
    expect(localDateOf(instant, "UTC")).toBe("2026-03-01");
  });

  it("handles an early-morning UTC instant that is still yesterday in the Americas", () => {
    expect(localDateOf(new Date("2026-03-02T03:00:00Z"), "America/Los_Angeles")).toBe("2026-03-01");
  });

  it("gives today where the athlete is, not where the server is", () => {
    expect(todayIn("Pacific/Auckland", instant)).toBe("2026-03-02");
    expect(todayIn("America/New_York", instant)).toBe("2026-03-01");
  });

  it("throws on an unknown zone", () => {
    expect(() => localDateOf(instant, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
