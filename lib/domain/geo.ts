// Mean Earth radius (IUGG). The spherical model is within ~0.5% of the ellipsoid, which is far
// below GPS noise for running distances, so the extra cost of Vincenty buys nothing here.
export const EARTH_RADIUS_M = 6_371_008.8;

export type LatLon = { lat: number; lon: number };

const toRadians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance between two points, in metres (haversine formula). */
export function haversineMeters(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  // min() guards against h creeping past 1 through rounding for near-antipodal points
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
