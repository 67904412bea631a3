import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_M, haversineMeters } from "./geo";

describe("haversineMeters", () => {
  it("is zero for the same point", () => {
    expect(haversineMeters({ lat: 51.5, lon: -0.12 }, { lat: 51.5, lon: -0.12 })).toBe(0);
  });

  it("gives one degree of arc along the equator as R·π/180", () => {
    // 6 371 008.8 m × π / 180 = 111 195.08 m
    expect(haversineMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111_195.08, 1);
  });

  it("gives one degree of latitude along a meridian the same arc length", () => {
    expect(haversineMeters({ lat: 45, lon: 7 }, { lat: 46, lon: 7 })).toBeCloseTo(111_195.08, 1);
  });

  it("shrinks east-west distance by cos(latitude)", () => {
    // the great circle is a little shorter than the 60th parallel it cuts across:
    // 2R·asin(cos 60° · sin 0.5°) = 55 597.01 m, against R·cos 60°·π/180 = 55 597.54 m
    const d = haversineMeters({ lat: 60, lon: 0 }, { lat: 60, lon: 1 });
    expect(d).toBeCloseTo(55_597.01, 1);
    expect(d).toBeLessThan(111_195.08 / 2);
  });

  it("matches a known city pair (Paris to London ≈ 343.5 km)", () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const london = { lat: 51.5074, lon: -0.1278 };
    expect(haversineMeters(paris, london) / 1000).toBeCloseTo(343.5, 0);
  });

  it("is symmetric", () => {
    const a = { lat: 35.95188, lon: -79.09319 };
    const b = { lat: 35.95177, lon: -79.09323 };
    expect(haversineMeters(a, b)).toBe(haversineMeters(b, a));
  });

  it("gives half the circumference for antipodal points", () => {
    expect(haversineMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_M,
      3,
    );
  });
});
