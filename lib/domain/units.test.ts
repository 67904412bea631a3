import { describe, expect, it } from "vitest";
import { formatDistance, formatDistanceOf, formatDistanceValue, formatNumber, formatPace, metresTo, toMetres } from "./units";

describe("units", () => {
  it("formats kilometres with one decimal, rounding halves up", () => {
    expect(formatDistance(9500)).toBe("9.5 km");
    expect(formatDistance(10450)).toBe("10.5 km");
    expect(formatDistance(18000, "km")).toBe("18.0 km");
  });

  it("formats miles", () => {
    expect(formatDistance(1609.344, "mi")).toBe("1.0 mi");
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

  it("prints whole numbers plainly and others to one decimal", () => {
    expect(formatNumber(2)).toBe("2");
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
