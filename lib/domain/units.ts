// Display units. Storage is always metres and seconds (§3); only formatting follows the user's
// km/mi preference.
import type { DistanceUnit } from "./types";

export const METRES_PER_KM = 1000;
export const METRES_PER_MILE = 1609.344;

export function metresTo(metres: number, unit: DistanceUnit): number {
  return metres / (unit === "mi" ? METRES_PER_MILE : METRES_PER_KM);
}

export function toMetres(value: number, unit: DistanceUnit): number {
  return value * (unit === "mi" ? METRES_PER_MILE : METRES_PER_KM);
}

/**
 * "10.5 km" / "6.5 mi" / "20 km": at most one decimal by default, never a trailing zero ("32", not
 * "32.00"); the one way distances are written, in pages and in alert reasons (§2b).
 */
export function formatDistance(metres: number, unit: DistanceUnit = "km", decimals = 1): string {
  const factor = 10 ** decimals;
  const metresPerUnit = unit === "mi" ? METRES_PER_MILE : METRES_PER_KM;
  // Scale whole metres before dividing so that 10450 m rounds to 10.5, not to binary 10.4499…
  const rounded = Math.round((metres * factor) / metresPerUnit) / factor;
  return `${String(rounded)} ${unit}`;
}

/** Pace as "m:ss /km" (or /mi); null when there is no distance to divide by. */
export function formatPace(
  durationSec: number,
  distanceM: number | null,
  unit: DistanceUnit = "km",
): string | null {
  if (distanceM === null || distanceM <= 0 || durationSec <= 0) return null;
  const secPerUnit = Math.round(durationSec / metresTo(distanceM, unit));
  const minutes = Math.floor(secPerUnit / 60);
  const seconds = secPerUnit % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")} /${unit}`;
}

/** Numbers in reasons and tables: at most `decimals` decimals, no trailing zero ("2.5", "3", not "3.0"). */
export function formatNumber(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/**
 * A distance as a plain number in the unit, one decimal at most and no trailing ".0"
 * ("12.4", "20"), for phrases that name the unit once: "12.4 of 20 km".
 */
export function formatDistanceValue(metres: number, unit: DistanceUnit = "km"): string {
  const metresPerUnit = unit === "mi" ? METRES_PER_MILE : METRES_PER_KM;
  const tenths = Math.round((metres * 10) / metresPerUnit);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** "12.4 of 20 km": an amount against a limit, both in the same unit, the unit said once. */
export function formatDistanceOf(metres: number, limitMetres: number, unit: DistanceUnit = "km"): string {
  return `${formatDistanceValue(metres, unit)} of ${formatDistanceValue(limitMetres, unit)} ${unit}`;
}
