import { RED_FLAG_LABELS } from "@/lib/domain/red-flags";
import type { DistanceUnit } from "@/lib/domain/types";
import type { SeriesRow } from "@/lib/validation/series";
import { distanceIn } from "./series-format";

/**
 * What the pain vs running load chart plots, computed apart from the JSX so it can be tested:
 * distances in the viewer's unit on their own axis, pain on a fixed 0–10 axis, cross-training in
 * minutes on neither (it has its own strip), red-flag and tape days as markers in a band above pain 10.
 */
export type PainLoadPoint = {
  date: string;
  endDate: string;
  distance: number;
  cross: number;
  runningPain: number | null;
  morningPain: number | null;
  baseline: number | null;
  /** Weekly bars only: a weekly cap against a day's bar would read as a daily limit. */
  weeklyCap: number | null;
  tolerated: number | null;
  /** Day bars only: the longest single run allowed. */
  longestCap: number | null;
  /** Positions on the hidden 0–1 marker axis, null when the day/week has none. */
  redFlagMark: number | null;
  tapeMark: number | null;
  redFlags: string[];
  tape: boolean;
};

/** Where the two marker rows sit on the 0–1 marker axis: above the pain axis's 10 (see PAIN_TOP_PAD). */
export const RED_FLAG_Y = 0.975;
export const TAPE_Y = 0.915;

const round2 = (v: number) => Math.round(v * 100) / 100;

export function painLoadPoints(rows: readonly SeriesRow[], bucket: "day" | "week", unit: DistanceUnit): PainLoadPoint[] {
  return rows.map((r) => ({
    date: r.date,
    endDate: r.endDate,
    distance: distanceIn(r.runningDistanceM, unit)!,
    cross: Math.round(r.crossTrainingMin),
    runningPain: r.runningPain,
    morningPain: r.morningPain,
    baseline: r.baseline === null ? null : Math.round(r.baseline * 10) / 10,
    weeklyCap: bucket === "week" ? distanceIn(r.weeklyCapM, unit) : null,
    tolerated: bucket === "week" ? distanceIn(r.toleratedLoadM, unit) : null,
    longestCap: bucket === "day" ? distanceIn(r.longestRunCapM, unit) : null,
    redFlagMark: r.redFlags.length > 0 ? RED_FLAG_Y : null,
    tapeMark: r.tape ? TAPE_Y : null,
    redFlags: r.redFlags.map((f) => RED_FLAG_LABELS[f]),
    tape: r.tape,
  }));
}

/** Steps a distance axis may use; five of them span the axis so its ticks share the pain axis's gridlines (0, 2, … 10). */
const NICE_STEPS = [0.5, 1, 2, 2.5, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 150, 200];
export const PAIN_TICKS = [0, 2, 4, 6, 8, 10] as const;

/**
 * The distance axis: from 0 to a round top that holds every bar and every cap line shown, in five
 * equal steps so each distance tick sits on a pain gridline. An empty range still gets a small axis.
 */
export function distanceAxis(points: readonly PainLoadPoint[], lines: { weeklyCap: boolean; tolerated: boolean; longestCap: boolean }): { max: number; ticks: number[] } {
  let top = 0;
  for (const p of points) {
    top = Math.max(top, p.distance);
    if (lines.weeklyCap && p.weeklyCap !== null) top = Math.max(top, p.weeklyCap);
    if (lines.tolerated && p.tolerated !== null) top = Math.max(top, p.tolerated);
    if (lines.longestCap && p.longestCap !== null) top = Math.max(top, p.longestCap);
  }
  const step = NICE_STEPS.find((s) => s * 5 >= top) ?? Math.ceil(top / 5 / 100) * 100;
  return { max: step * 5, ticks: [0, 1, 2, 3, 4, 5].map((i) => round2(i * step)) };
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

type LineKey = "weeklyCap" | "tolerated" | "longestCap";
const LINE_NAMES: Record<LineKey, string> = { weeklyCap: "cap", tolerated: "tolerated", longestCap: "longest-run cap" };

/**
 * The text and placement of each drawn line's label at its right end. Labels go under their line
 * (above it is the marker band when a cap is at the top of the axis); when two lines end close
 * together, the lower one's label moves down a row so they do not overprint.
 */
export function lineLabels(points: readonly PainLoadPoint[], shown: readonly LineKey[], unit: DistanceUnit, axisMax: number): { key: LineKey; index: number; text: string; dy: number }[] {
  const ends = shown
    .map((key) => {
      const index = lastIndexWith(points, key);
      return { key, index, value: points[index]?.[key] ?? null };
    })
    .filter((e): e is { key: LineKey; index: number; value: number } => e.value !== null)
    .sort((a, b) => b.value - a.value);
  return ends.map((e, i) => {
    const prev = ends[i - 1];
    const crowded = prev !== undefined && (prev.value - e.value) / axisMax < 0.08;
    return { key: e.key, index: e.index, text: `${LINE_NAMES[e.key]} ${fmt(e.value)} ${unit}`, dy: crowded ? 28 : 14 };
  });
}

/** The last point where a stepped line has a value, so its label sits at the line's right end. */
export function lastIndexWith(points: readonly PainLoadPoint[], key: LineKey): number {
  for (let i = points.length - 1; i >= 0; i--) if ((points[i]?.[key] ?? null) !== null) return i;
  return -1;
}


/** The tooltip, as sentences a clinician (or the athlete) reads without decoding colours. */
export function describePoint(p: PainLoadPoint, bucket: "day" | "week", unit: DistanceUnit, opts: { simple: boolean }): string[] {
  const lines: string[] = [];
  const week = bucket === "week";
  const ran = p.distance > 0 ? `Ran ${fmt(p.distance)} ${unit}` : "No running";
  const cap = week ? p.weeklyCap : opts.simple ? null : p.longestCap;
  lines.push(cap !== null ? `${ran} (${week ? "weekly cap" : "longest-run cap"} ${fmt(cap)} ${unit})` : ran);
  if (week && !opts.simple && p.tolerated !== null) lines.push(`Tolerated load ${fmt(p.tolerated)} ${unit}/week`);
  if (!opts.simple) lines.push(p.cross > 0 ? `Cross-training ${p.cross} min` : "No cross-training");
  const highest = week ? "highest " : "";
  lines.push(p.runningPain !== null ? `Pain while running: ${highest}${p.runningPain}/10` : "Pain while running: not reported");
  if (p.morningPain !== null) {
    const base = !opts.simple && !week && p.baseline !== null ? ` (usual ${fmt(p.baseline)})` : "";
    lines.push(`Morning pain${week ? ", highest" : ""}: ${p.morningPain}/10${base}`);
  } else lines.push("Morning pain: not reported");
  if (p.redFlags.length > 0) lines.push(`Red flag: ${p.redFlags.join("; ")}`);
  if (p.tape && !opts.simple) lines.push(week ? "Tape worn this week" : "Tape worn");
  return lines;
}
