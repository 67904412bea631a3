import { metresTo } from "@/lib/domain/units";
import type { DistanceUnit } from "@/lib/domain/types";
import type { SeriesRow } from "@/lib/validation/series";

/**
 * The arithmetic of the referral summary's page (lib/pdf/referral-pdf.ts draws it): what fits, the
 * chart's scales and points, the weekly table. Plain data in, plain data out, so it is unit-tested
 * without reading a PDF.
 */

/** At most `max` items; when some are left out, the last line says how many ("and 3 more"). */
export function fitList<T>(items: T[], max: number): { shown: T[]; more: string | null } {
  if (items.length <= max) return { shown: items, more: null };
  const shown = items.slice(0, Math.max(0, max - 1));
  return { shown, more: `and ${items.length - shown.length} more` };
}

/** "3 × 12", "3 × 30 s hold", "2 × 10 each side", with the load when one is set. */
export function dosageText(d: { sets: number; reps: number | null; holdSec: number | null; perSide: boolean; load: string | null }): string {
  const per = d.reps !== null && d.holdSec !== null ? `${d.reps} × ${d.holdSec} s hold` : d.reps !== null ? `${d.reps}` : d.holdSec !== null ? `${d.holdSec} s hold` : "";
  const base = per ? `${d.sets} × ${per}` : `${d.sets} sets`;
  return `${base}${d.perSide ? " each side" : ""}${d.load && d.load !== "none" ? `, ${d.load}` : ""}`;
}

// Characters the PDF's standard fonts (WinAnsi) hold beyond Latin-1, by code point.
const WIN_ANSI_EXTRA = new Set([0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178]);
const REPLACE: Record<string, string> = { "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "≈": "~", "−": "-", "‑": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H" };

/**
 * Text the standard PDF fonts can show: WinAnsi (Latin-1 and a few typographic marks) as is,
 * arrows and comparison signs spelled out, accents outside Latin-1 dropped ("ő" becomes "o", "ł"
 * "l"), anything else (a script the fonts do not have) "?". Control characters become spaces.
 */
export function pdfText(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(code)) out += ch;
    else if (REPLACE[ch] !== undefined) out += REPLACE[ch];
    else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base.length > 0 && [...base].every((c) => c.codePointAt(0)! <= 0xff) ? base : "?";
    }
  }
  return out;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "8 Sep" from "2026-09-08": short enough for twelve columns, and not a locale's guess. */
export function shortDay(iso: string): string {
  const [, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]}`;
}

/** "30 November 2026" from "2026-11-30". */
export function longDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const long = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${d} ${long[m! - 1]} ${y}`;
}

/** "30 Nov 2026", "28–30 Nov 2026", "28 Oct – 3 Nov 2026", "29 Dec 2025 – 2 Jan 2026": an alert group's days. */
export function daySpan(from: string, to: string): string {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  const end = `${td} ${MONTHS[tm! - 1]} ${ty}`;
  if (from >= to) return end;
  if (fy === ty && fm === tm) return `${fd}–${end}`;
  return fy === ty ? `${fd} ${MONTHS[fm! - 1]} – ${end}` : `${fd} ${MONTHS[fm! - 1]} ${fy} – ${end}`;
}

/** The axis top: the smallest of 1, 2, 2.5, 5 × 10^k at or above the largest value (5 when all are zero). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 5;
  const pow = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= value - 1e-9) return step * pow;
  return 10 * pow;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export type ChartWeek = {
  label: string;
  distance: number;
  cap: number | null;
  runningPain: number | null;
  morningPain: number | null;
};

/** A week's numbers as the chart and its table show them (distance in the reader's unit, 1 decimal). */
export function chartWeeks(rows: SeriesRow[], unit: DistanceUnit): ChartWeek[] {
  return rows.map((r) => ({
    label: shortDay(r.date),
    distance: round1(metresTo(r.runningDistanceM, unit)),
    cap: r.weeklyCapM === null ? null : round1(metresTo(r.weeklyCapM, unit)),
    runningPain: r.runningPain,
    morningPain: r.morningPain,
  }));
}

export type Box = { x: number; y: number; width: number; height: number };

export type ChartGeometry = {
  distanceMax: number;
  distanceTicks: { value: number; y: number }[];
  painTicks: { value: number; y: number }[];
  bars: { x: number; y: number; width: number; height: number; label: string; labelX: number }[];
  /** Each pain series as runs of connected points (a week without a report is skipped, as on the page). */
  runningPain: { x: number; y: number }[];
  morningPain: { x: number; y: number }[];
  /** The weekly cap as a step line: one segment per week that has a cap. */
  cap: { x1: number; x2: number; y: number }[];
};

/**
 * Where everything of the pain-vs-load chart goes in the plot box (PDF y grows downward): distance
 * bars on the left axis (0 to a round top over the largest week and cap), pain on its own right axis
 * 0–10. Pain is never put on the distance axis.
 */
export function chartGeometry(weeks: ChartWeek[], plot: Box): ChartGeometry {
  const distanceMax = niceMax(Math.max(0, ...weeks.map((w) => Math.max(w.distance, w.cap ?? 0))));
  const bottom = plot.y + plot.height;
  const yDistance = (v: number) => bottom - (v / distanceMax) * plot.height;
  const yPain = (v: number) => bottom - (v / 10) * plot.height;
  const slot = weeks.length > 0 ? plot.width / weeks.length : plot.width;
  const barWidth = slot * 0.6;
  const centre = (i: number) => plot.x + slot * (i + 0.5);
  const points = (pick: (w: ChartWeek) => number | null) =>
    weeks.flatMap((w, i) => {
      const v = pick(w);
      return v === null ? [] : [{ x: centre(i), y: yPain(v) }];
    });
  return {
    distanceMax,
    distanceTicks: [0, 1, 2, 3, 4, 5].map((k) => ({ value: (distanceMax * k) / 5, y: yDistance((distanceMax * k) / 5) })),
    painTicks: [0, 2, 4, 6, 8, 10].map((v) => ({ value: v, y: yPain(v) })),
    bars: weeks.map((w, i) => ({ x: centre(i) - barWidth / 2, y: yDistance(w.distance), width: barWidth, height: bottom - yDistance(w.distance), label: w.label, labelX: centre(i) })),
    runningPain: points((w) => w.runningPain),
    morningPain: points((w) => w.morningPain),
    cap: weeks.flatMap((w, i) => (w.cap === null ? [] : [{ x1: plot.x + slot * i, x2: plot.x + slot * (i + 1), y: yDistance(w.cap) }])),
  };
}

/** "12.5", "0", "–" for no value: the table under the chart (its text alternative). */
export function cell(v: number | null): string {
  return v === null ? "–" : Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** The weekly table, one row per measure and one column per week. */
export function weeklyTable(weeks: ChartWeek[], unit: DistanceUnit): { header: string[]; rows: string[][] } {
  return {
    header: ["Week starting", ...weeks.map((w) => w.label)],
    rows: [
      [`Running (${unit})`, ...weeks.map((w) => cell(w.distance))],
      ...(weeks.some((w) => w.cap !== null) ? [[`Weekly cap (${unit})`, ...weeks.map((w) => cell(w.cap))]] : []),
      ["Running pain, max", ...weeks.map((w) => cell(w.runningPain))],
      ["Morning pain, max", ...weeks.map((w) => cell(w.morningPain))],
    ],
  };
}
