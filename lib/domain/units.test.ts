import { describe, expect, it } from "vitest";
import { formatDistance, formatDistanceOf, formatDistanceValue, formatNumber, formatPace, metresTo, toMetres } from "./units";

describe("units", () => {
  it("formats kilometres with at most one decimal, rounding halves up, without a trailing zero", () => {
    expect(formatDistance(9500)).toBe("9.5 km");
    expect(formatDistance(10450)).toBe("10.5 km");
    expect(formatDistance(18000, "km")).toBe("18 km");
    expect(formatDistance(32000, "km", 2)).toBe("32 km");
    expect(formatDistance(6240, "km", 2)).toBe("6.24 km");
    expect(formatDistance(6240)).toBe("6.2 km");
    expect(formatDistance(20040)).toBe("20 km");
    expect(formatDistance(1_250_000, "km", 0)).toBe("1250 km");
  });

  it("formats miles", () => {
    expect(formatDistance(1609.344, "mi")).toBe("1 mi");
    expect(formatDistance(10500, "mi")).toBe("6.5 mi"); // 6.524 mi
    expect(metresTo(5000, "km")).toBe(5);
    expect(toMetres(2, "mi")).toBeCloseTo(3218.688, 6);
  });

  it("formats pace per km and per mile", () => {
    expect(formatPace(3000, 10000, "km")).toBe("5:00 /km");
    expect(formatPace(1650, 5000, "km")).toBe("5:30 /km");
    expect(formatPace(480, 1609.344, "mi")).toBe("8:00 /mi");
    expect(formatPace(1800, null)).toBeNull();
    expect(formatPace(1800, 0)).toBeNull();
  });

  it("prints whole numbers plainly and others to at most one decimal", () => {
    expect(formatNumber(2)).toBe("2");
    expect(formatNumber(2.96)).toBe("3");
    expect(formatNumber(-0.04)).toBe("0");
    expect(formatNumber(1.255, 2)).toBe("1.25"); // binary 1.25499…, as toFixed would give too
    expect(formatNumber(2.5)).toBe("2.5");
    expect(formatNumber(1 / 3)).toBe("0.3");
  });

  it("states an amount against a limit with the unit once and no trailing .0", () => {
    expect(formatDistanceOf(12400, 20000, "km")).toBe("12.4 of 20 km");
    expect(formatDistanceOf(8000, 8000)).toBe("8 of 8 km");
    expect(formatDistanceValue(10450)).toBe("10.5");
    expect(formatDistanceValue(0)).toBe("0");
    expect(formatDistanceOf(16093.44, 32186.88, "mi")).toBe("10 of 20 mi");
    expect(formatDistanceValue(10500, "mi")).toBe("6.5");
  });
});
