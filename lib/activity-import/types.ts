export type ActivityFormat = "fit" | "tcx" | "gpx";

export type ParsedLap = {
  startTime: Date;
  distanceM: number | null;
  /** The lap's timer (moving-clock) duration, as the device recorded it. */
  durationSec: number | null;
};

export type ParsedActivity = {
  format: ActivityFormat;
  /** 'run' whenever the file says running (any sub-sport); otherwise the file's own word, lower-cased. */
  sport: string | null;
  startTime: Date;
  distanceM: number;
  /** 'device' = the watch's own session/lap totals; 'points' = summed from GPS positions. */
  distanceSource: "device" | "points";
  /** First to last timestamp, pauses included. */
  elapsedSec: number;
  /** Time spent actually moving, computed from the points (see track-stats.ts). */
  movingSec: number;
  /** The watch's own timer (excludes pauses); null when the format has no such figure (GPX). */
  timerSec: number | null;
  laps: ParsedLap[];
  /** Every track point / record in the file. */
  pointCount: number;
  /** Points left out of the distance: no usable position, or an impossible jump. */
  skippedPoints: number;
};

export type ActivityFileErrorCode =
  | "truncated"
  | "unreadable"
  | "no_positions"
  | "unsupported"
  | "too_large"
  | "empty"
  /** The server's file readers are all busy and the queue is full: try again shortly. */
  | "busy";

/**
 * Thrown for any file we cannot turn into an activity. The message is shown to the runner as-is,
 * so it says what is wrong and what to do, never how the parser failed; `detail` keeps the
 * technical reason for logs.
 */
export class ActivityFileError extends Error {
  readonly code: ActivityFileErrorCode;
  readonly detail: string | undefined;

  constructor(code: ActivityFileErrorCode, message: string, detail?: string) {
    super(message);
    this.name = "ActivityFileError";
    this.code = code;
    this.detail = detail;
  }
}

export const isActivityFileError = (error: unknown): error is ActivityFileError =>
  error instanceof ActivityFileError;
