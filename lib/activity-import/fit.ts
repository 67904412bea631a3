import { Decoder, Stream } from "@garmin/fitsdk";
import { normalizeSport, maxPlausibleSpeedMps } from "./sport";
import {
  chooseDistance,
  computeTrackStats,
  finiteOrNull,
  isPlausibleTotal,
  sumPresent,
  type TrackPoint,
} from "./track-stats";
import { ActivityFileError, type ParsedActivity, type ParsedLap } from "./types";

const CRC_SIZE = 2;
// FIT stores positions as signed 32-bit "semicircles": 2^31 of them make 180°.
const DEGREES_PER_SEMICIRCLE = 180 / 2 ** 31;
const EXPORT_AGAIN = "Export it again from your watch app.";

const toDate = (value: unknown): Date | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;

const toDegrees = (semicircles: unknown): number | null => {
  const value = finiteOrNull(semicircles);
  return value === null ? null : value * DEGREES_PER_SEMICIRCLE;
};

/**
 * The SDK's checkIntegrity() only says yes or no; the header tells us whether the file was cut
 * short (the commonest fault: an interrupted sync or download), which deserves its own message.
 */
function assertComplete(bytes: Uint8Array): void {
  const headerSize = bytes[0] ?? 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredSize = bytes.length >= 8 ? headerSize + view.getUint32(4, true) + CRC_SIZE : Infinity;
  if (bytes.length < declaredSize) {
    throw new ActivityFileError(
      "truncated",
      `This FIT file is incomplete (it ends before its header says it should). ${EXPORT_AGAIN}`,
      `header declares ${declaredSize} bytes, file has ${bytes.length}`,
    );
  }
}

function decode(bytes: Uint8Array) {
  const stream = Stream.fromByteArray(bytes);
  const decoder = new Decoder(stream);
  if (!decoder.isFIT()) {
    throw new ActivityFileError("unreadable", `This doesn't look like a FIT file. ${EXPORT_AGAIN}`);
  }
  assertComplete(bytes);
  if (!decoder.checkIntegrity()) {
    throw new ActivityFileError(
      "unreadable",
      `This FIT file is damaged (its contents don't match its checksum). ${EXPORT_AGAIN}`,
      "CRC check failed",
    );
  }
  // Heart-rate merging only matters for HR analysis, which this import does not do.
  const { messages, errors } = decoder.read({ mergeHeartRates: false });
  if (errors.length > 0) {
    const detail = errors.map((e) => e.message).join("; ");
    const truncated = /end of stream/i.test(detail);
    throw new ActivityFileError(
      truncated ? "truncated" : "unreadable",
      truncated
        ? `This FIT file is incomplete (it ends in the middle of a record). ${EXPORT_AGAIN}`
        : `We couldn't read this FIT file; it may be damaged. ${EXPORT_AGAIN}`,
      detail,
    );
  }
  return messages;
}

export function parseFit(bytes: Uint8Array): ParsedActivity {
  const messages = decode(bytes);

  const fileType = messages.fileIdMesgs?.[0]?.type;
  if (typeof fileType === "string" && fileType !== "activity") {
    throw new ActivityFileError(
      "unsupported",
      `This FIT file holds a ${fileType}, not a recorded activity. Upload the activity file from your watch app instead.`,
    );
  }

  const sessions = messages.sessionMesgs ?? [];
  const lapMesgs = messages.lapMesgs ?? [];
  const records = messages.recordMesgs ?? [];
  const sport = normalizeSport(sessions[0]?.sport ?? messages.sportMesgs?.[0]?.sport);
  const maxSpeed = maxPlausibleSpeedMps(sport);

  const points: TrackPoint[] = records.map((r) => ({
    time: toDate(r.timestamp),
    lat: toDegrees(r.positionLat),
    lon: toDegrees(r.positionLong),
  }));
  const stats = computeTrackStats(points, maxSpeed);

  const laps: ParsedLap[] = lapMesgs.flatMap((lap) => {
    const startTime = toDate(lap.startTime) ?? toDate(lap.timestamp);
    if (!startTime) return [];
    const durationSec = finiteOrNull(lap.totalTimerTime) ?? finiteOrNull(lap.totalElapsedTime);
    return [{ startTime, distanceM: finiteOrNull(lap.totalDistance), durationSec }];
  });

  const startTime =
    toDate(sessions[0]?.startTime) ?? stats.firstTime ?? toDate(messages.fileIdMesgs?.[0]?.timeCreated);
  if (!startTime) {
    throw new ActivityFileError(
      "unreadable",
      "This file has no times recorded in it, so we can't tell when you ran.",
    );
  }

  const pointsSpan =
    stats.firstTime && stats.lastTime ? (stats.lastTime.getTime() - stats.firstTime.getTime()) / 1000 : null;
  const elapsedSec =
    sumPresent(sessions.map((s) => finiteOrNull(s.totalElapsedTime))) ?? pointsSpan ?? 0;
  const timerSec =
    sumPresent(sessions.map((s) => finiteOrNull(s.totalTimerTime))) ??
    sumPresent(laps.map((l) => l.durationSec));
  const duration = timerSec ?? elapsedSec;

  // Prefer the watch's own summary; it has seen every sample, including the ones it never wrote.
  const deviceCandidates = [
    sumPresent(sessions.map((s) => finiteOrNull(s.totalDistance))),
    sumPresent(laps.map((l) => l.distanceM)),
    records.reduce<number | null>((max, r) => {
      const d = finiteOrNull(r.distance);
      return d !== null && (max === null || d > max) ? d : max;
    }, null),
  ];
  const deviceDistance = deviceCandidates.find((d) => isPlausibleTotal(d, duration, maxSpeed));

  const { distanceM, distanceSource } = chooseDistance(deviceDistance, stats, "This file has no GPS positions and no distance from the watch, so we can't tell how far you ran.");

  return {
    format: "fit",
    sport,
    startTime,
    distanceM,
    distanceSource,
    elapsedSec,
    // without positions (treadmill, indoor) the watch's timer is the best measure of moving time
    movingSec: stats.positionedPoints >= 2 ? stats.movingSec : duration,
    timerSec,
    laps,
    pointCount: records.length,
    skippedPoints: stats.skippedPoints,
  };
}
