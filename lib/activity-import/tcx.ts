import { maxPlausibleSpeedMps, normalizeSport } from "./sport";
import { chooseDistance, computeTrackStats, isPlausibleTotal, sumPresent, type TrackPoint } from "./track-stats";
import { ActivityFileError, type ParsedActivity, type ParsedLap } from "./types";
import { child, children, dateAt, decodeText, numberAt, parseXmlDocument, text, type XmlNode } from "./xml";

const secondsBetween = (a: Date, b: Date): number => (b.getTime() - a.getTime()) / 1000;

type TcxLap = ParsedLap & { node: XmlNode };

const trackpointsOf = (lap: XmlNode): XmlNode[] =>
  children(lap, "Track").flatMap((t) => children(t, "Trackpoint"));

function readLaps(activities: XmlNode[]): { laps: TcxLap[]; duplicatePoints: number } {
  const seen = new Set<number>();
  const laps: TcxLap[] = [];
  let duplicatePoints = 0;
  for (const node of activities.flatMap((a) => children(a, "Lap"))) {
    const startTime = dateAt(node, "@_StartTime");
    if (!startTime) continue;
    // Two laps cannot start at the same instant; some exporters write a lap twice, and summing
    // both would double the run. The copy's points are counted as skipped, never used.
    if (seen.has(startTime.getTime())) {
      duplicatePoints += trackpointsOf(node).length;
      continue;
    }
    seen.add(startTime.getTime());
    laps.push({
      node,
      startTime,
      distanceM: numberAt(node, "DistanceMeters"),
      durationSec: numberAt(node, "TotalTimeSeconds"),
    });
  }
  return { laps, duplicatePoints };
}

function readPoints(laps: TcxLap[]): { points: TrackPoint[]; maxDeviceDistance: number | null } {
  const points: TrackPoint[] = [];
  let maxDeviceDistance: number | null = null;
  for (const lap of laps) {
    for (const tp of trackpointsOf(lap.node)) {
      const position = child(tp, "Position");
      points.push({
        time: dateAt(tp, "Time"),
        lat: numberAt(position, "LatitudeDegrees"),
        lon: numberAt(position, "LongitudeDegrees"),
      });
      const d = numberAt(tp, "DistanceMeters");
      if (d !== null && (maxDeviceDistance === null || d > maxDeviceDistance)) maxDeviceDistance = d;
    }
  }
  return { points, maxDeviceDistance };
}

export function parseTcx(bytes: Uint8Array): ParsedActivity {
  const doc = parseXmlDocument(decodeText(bytes), "TCX");
  const root = child(doc, "TrainingCenterDatabase");
  const activities = children(child(root, "Activities"), "Activity");
  if (activities.length === 0) {
    const isCourse = child(root, "Courses") !== undefined;
    throw new ActivityFileError(
      isCourse ? "unsupported" : "empty",
      isCourse
        ? "This TCX file holds a planned course, not a recorded activity. Upload the activity instead."
        : "This TCX file has no activity in it. Export the activity again from your watch app.",
    );
  }

  const sport = normalizeSport(text(activities[0], "@_Sport"));
  const maxSpeed = maxPlausibleSpeedMps(sport);
  const { laps, duplicatePoints } = readLaps(activities);
  const { points, maxDeviceDistance } = readPoints(laps);
  const stats = computeTrackStats(points, maxSpeed);

  const startTime = laps[0]?.startTime ?? dateAt(activities[0], "Id") ?? stats.firstTime;
  if (!startTime) {
    throw new ActivityFileError(
      "unreadable",
      "This file has no times recorded in it, so we can't tell when you ran.",
    );
  }

  // Laps carry the device's timer; their span also bounds elapsed time when the points are sparse.
  const timerSec = sumPresent(laps.map((l) => l.durationSec));
  const lapEnd = laps.reduce<number | null>((end, lap) => {
    const lapEndMs = lap.durationSec === null ? null : lap.startTime.getTime() + lap.durationSec * 1000;
    return lapEndMs !== null && (end === null || lapEndMs > end) ? lapEndMs : end;
  }, null);
  const lapSpan = lapEnd === null ? 0 : (lapEnd - startTime.getTime()) / 1000;
  const pointsSpan = stats.firstTime && stats.lastTime ? secondsBetween(stats.firstTime, stats.lastTime) : 0;
  const elapsedSec = Math.max(lapSpan, pointsSpan);
  const duration = timerSec ?? elapsedSec;

  const deviceDistance = [sumPresent(laps.map((l) => l.distanceM)), maxDeviceDistance].find((d) =>
    isPlausibleTotal(d, duration, maxSpeed),
  );

  const { distanceM, distanceSource } = chooseDistance(deviceDistance, stats, "This file has no usable GPS positions and no distance from the watch, so we can't tell how far you ran.");

  return {
    format: "tcx",
    sport,
    startTime,
    distanceM,
    distanceSource,
    elapsedSec,
    movingSec: stats.positionedPoints >= 2 ? stats.movingSec : duration,
    timerSec,
    laps: laps.map(({ startTime: s, distanceM: d, durationSec }) => ({ startTime: s, distanceM: d, durationSec })),
    pointCount: points.length + duplicatePoints,
    skippedPoints: stats.skippedPoints + duplicatePoints,
  };
}
