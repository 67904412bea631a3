import { maxPlausibleSpeedMps, normalizeSport } from "./sport";
import { computeTrackStats, type TrackPoint } from "./track-stats";
import { ActivityFileError, type ParsedActivity } from "./types";
import { child, children, dateAt, decodeText, numberAt, parseXmlDocument, text } from "./xml";

/**
 * GPX has no device summary, so everything comes from the points. Routes (<rte>) and waypoints
 * are plans, not recordings, and are ignored.
 */
export function parseGpx(bytes: Uint8Array): ParsedActivity {
  const doc = parseXmlDocument(decodeText(bytes), "GPX");
  const gpx = child(doc, "gpx");
  const tracks = children(gpx, "trk");

  const points: TrackPoint[] = tracks.flatMap((trk) =>
    children(trk, "trkseg").flatMap((seg) =>
      children(seg, "trkpt").map((pt, i) => ({
        time: dateAt(pt, "time"),
        lat: numberAt(pt, "@_lat"),
        lon: numberAt(pt, "@_lon"),
        segmentStart: i === 0,
      })),
    ),
  );

  if (points.length === 0) {
    const isRoute = children(gpx, "rte").length > 0;
    throw new ActivityFileError(
      isRoute ? "unsupported" : "empty",
      isRoute
        ? "This GPX file holds a planned route, not a recorded activity. Upload the activity instead."
        : "This GPX file has no recorded track in it. Export the activity again from your watch app.",
    );
  }

  const sport = normalizeSport(text(tracks[0], "type"));
  const stats = computeTrackStats(points, maxPlausibleSpeedMps(sport));
  if (stats.positionedPoints < 2) {
    throw new ActivityFileError(
      "no_positions",
      "None of the points in this GPX file has a usable GPS position, so we can't work out how far you ran. Check that GPS was on, then export the activity again.",
      `${stats.positionedPoints} usable of ${points.length} points`,
    );
  }

  const startTime = stats.firstTime ?? dateAt(child(gpx, "metadata"), "time");
  if (!startTime) {
    throw new ActivityFileError(
      "unreadable",
      "This file has no times recorded in it, so we can't tell when you ran.",
    );
  }
  const elapsedSec =
    stats.firstTime && stats.lastTime ? (stats.lastTime.getTime() - stats.firstTime.getTime()) / 1000 : 0;

  return {
    format: "gpx",
    sport,
    startTime,
    distanceM: stats.distanceM,
    distanceSource: "points",
    elapsedSec,
    movingSec: stats.movingSec,
    timerSec: null,
    laps: [],
    pointCount: points.length,
    skippedPoints: stats.skippedPoints,
  };
}
