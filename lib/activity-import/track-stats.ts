import { haversineMeters } from "@/lib/domain/geo";
import { ActivityFileError, type ParsedActivity } from "./types";

export type TrackPoint = {
  time: Date | null;
  lat: number | null;
  lon: number | null;
  /** First point of a new GPX segment: the gap before it (signal lost, paused) is not distance. */
  segmentStart?: boolean;
};

export type TrackStats = {
  distanceM: number;
  movingSec: number;
  /** Earliest and latest valid timestamps of any point, positioned or not. */
  firstTime: Date | null;
  lastTime: Date | null;
  positionedPoints: number;
  skippedPoints: number;
};

// A gap longer than this is a pause (or lost signal), not running, whatever the distance covered.
export const MOVING_MAX_GAP_SEC = 60;
// Below a slow walk the runner is standing still and GPS drift is the only "movement".
export const MOVING_MIN_SPEED_MPS = 0.5;
// A run of this many rejected points that agree with one another is a real relocation (say, a
// bad first fix we anchored to), so we follow the new position rather than drop the rest of the run.
const REANCHOR_AFTER = 3;

/**
 * Exporters write "no position" in many ways: missing tags, NaN, the string "undefined",
 * and 0,0 (a real place in the Gulf of Guinea, but in practice always an unset fix).
 */
export function isUsablePosition(lat: number | null, lon: number | null): boolean {
  if (lat === null || lon === null) return false;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return false;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return false;
  return !(lat === 0 && lon === 0);
}

/**
 * Points kept for distance and moving time. A day-long activity recorded every second has
 * 86,400; beyond this cap a file is read at an even stride (every 2nd point, say), which moves a
 * GPS distance by well under 1% while bounding the work a crafted file can cause.
 */
export const MAX_TRACK_POINTS = 100_000;

/**
 * At most `max` points at an even stride, always keeping the first and the last point and every
 * segment start (a dropped segment start passes its mark to the next kept point, so a gap in
 * the recording never becomes distance).
 */
export function thinTrackPoints(points: readonly TrackPoint[], max = MAX_TRACK_POINTS): readonly TrackPoint[] {
  if (points.length <= max) return points;
  const stride = Math.ceil(points.length / max);
  const kept: TrackPoint[] = [];
  let segmentPending = false;
  points.forEach((point, i) => {
    segmentPending ||= Boolean(point.segmentStart);
    if (i % stride !== 0 && i !== points.length - 1) return;
    kept.push(segmentPending === Boolean(point.segmentStart) ? point : { ...point, segmentStart: segmentPending });
    segmentPending = false;
  });
  return kept;
}

type Fix = { time: Date | null; lat: number; lon: number };

const secondsBetween = (a: Date | null, b: Date | null): number | null =>
  a && b ? (b.getTime() - a.getTime()) / 1000 : null;

/**
 * Distance and moving time from raw points, for files without device totals (GPX) and as the
 * moving-time source for all formats. Points are taken in file order, at most MAX_TRACK_POINTS of them.
 */
export function computeTrackStats(points: readonly TrackPoint[], maxSpeedMps: number): TrackStats {
  let firstTime: Date | null = null;
  let lastTime: Date | null = null;
  let distanceM = 0;
  let movingSec = 0;
  let positionedPoints = 0;
  let skippedPoints = 0;
  let anchor: Fix | null = null;
  let rejected: Fix[] = [];

  // A plausible step both adds distance and, when short and brisk enough, moving time.
  const step = (from: Fix, to: Fix): void => {
    const d = haversineMeters(from, to);
    distanceM += d;
    const dt = secondsBetween(from.time, to.time);
    if (dt !== null && dt > 0 && dt <= MOVING_MAX_GAP_SEC && d / dt >= MOVING_MIN_SPEED_MPS) {
      movingSec += dt;
    }
  };

  // Repeated timestamps (dt = 0) are common on older watches; judging them over one second
  // keeps a metre of jitter from looking like infinite speed.
  const plausible = (from: Fix, to: Fix): boolean => {
    const dt = secondsBetween(from.time, to.time);
    if (dt === null) return true;
    return haversineMeters(from, to) / Math.max(Math.abs(dt), 1) <= maxSpeedMps;
  };

  for (const point of thinTrackPoints(points)) {
    if (point.time && !Number.isNaN(point.time.getTime())) {
      if (!firstTime || point.time < firstTime) firstTime = point.time;
      if (!lastTime || point.time > lastTime) lastTime = point.time;
    }
    if (point.segmentStart) {
      anchor = null;
      skippedPoints += rejected.length;
      rejected = [];
    }
    const { lat, lon } = point;
    if (lat === null || lon === null || !isUsablePosition(lat, lon)) {
      skippedPoints += 1;
      continue;
    }
    const time = point.time && !Number.isNaN(point.time.getTime()) ? point.time : null;
    const fix: Fix = { time, lat, lon };

    if (!anchor) {
      anchor = fix;
      positionedPoints += 1;
      continue;
    }
    if (plausible(anchor, fix)) {
      step(anchor, fix);
      anchor = fix;
      positionedPoints += 1;
      skippedPoints += rejected.length;
      rejected = [];
      continue;
    }

    const last = rejected.at(-1);
    if (last && plausible(last, fix)) {
      rejected.push(fix);
    } else {
      skippedPoints += rejected.length;
      rejected = [fix];
    }
    if (rejected.length >= REANCHOR_AFTER) {
      // the jump onto the new position is never counted, only the steps after it
      for (let i = 1; i < rejected.length; i += 1) step(rejected[i - 1]!, rejected[i]!);
      positionedPoints += rejected.length;
      anchor = fix;
      rejected = [];
    }
  }
  skippedPoints += rejected.length;

  return { distanceM, movingSec, firstTime, lastTime, positionedPoints, skippedPoints };
}

/**
 * A device total is trusted unless it implies an impossible average speed: a corrupt summary
 * should fall back to the points rather than record a marathon in five minutes.
 */
export function isPlausibleTotal(
  distanceM: number | null,
  durationSec: number | null,
  maxSpeedMps: number,
): distanceM is number {
  if (distanceM === null || !Number.isFinite(distanceM) || distanceM <= 0) return false;
  if (durationSec === null || !(durationSec > 0)) return true;
  return distanceM / durationSec <= maxSpeedMps;
}

export const finiteOrNull = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Sum of the values present; null when none are, so "unknown" never reads as zero. */
export function sumPresent(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

/**
 * The watch's own total when it has a plausible one, the GPS points otherwise (fixtures README:
 * prefer device totals); neither is a file we cannot import.
 */
export function chooseDistance(
  deviceDistance: number | null | undefined,
  stats: TrackStats,
  noPositionsMessage: string,
): { distanceM: number; distanceSource: ParsedActivity["distanceSource"] } {
  if (deviceDistance !== undefined && deviceDistance !== null) return { distanceM: deviceDistance, distanceSource: "device" };
  if (stats.positionedPoints >= 2) return { distanceM: stats.distanceM, distanceSource: "points" };
  throw new ActivityFileError("no_positions", noPositionsMessage);
}
