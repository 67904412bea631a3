"use client";

import { Bar, BarChart, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/app/_components/locale";
import type { DistanceUnit } from "@/lib/domain/types";
import { formatDayWithWeekday } from "@/lib/format/dates";
import type { SeriesRow } from "@/lib/validation/series";
import { PAIN_TICKS, describePoint, distanceAxis, lineLabels, painLoadPoints, type PainLoadPoint } from "./pain-load-data";
import { dayLabel } from "./series-format";

type Props = { rows: SeriesRow[]; bucket: "day" | "week"; unit: DistanceUnit; simple?: boolean; height?: number };

const C = {
  bar: "#8fd0c3",
  runningPain: "#c2410c",
  morningPain: "#1e3a8a",
  baseline: "#64748b",
  cap: "#7c3aed",
  tolerated: "#0369a1",
  redFlag: "#b91c1c",
  tape: "#334155",
  cross: "#a5b4fc",
};
// Space above pain 10 (and the distance axis's top) for the red-flag and tape markers.
const PAIN_TOP_PAD = 34;
const LEFT_W = 46;
const RIGHT_W = 40;

/**
 * Pain vs running load, for the trainer and (simple) for the athlete. Running distance is bars on
 * the left axis in the viewer's unit; running and morning pain are lines on a right axis fixed at
 * 0–10, so a pain never reads as a distance. Cap lines belong to the distance axis and carry their
 * name at their right end. Cross-training minutes get a strip of their own below (trainer only):
 * a third axis beside km and pain would be misread, and minutes on the km axis were.
 */
export default function PainLoadChart({ rows, bucket, unit, simple = false, height = 300 }: Props) {
  const points = painLoadPoints(rows, bucket, unit);
  const lines = { weeklyCap: bucket === "week", tolerated: bucket === "week" && !simple, longestCap: bucket === "day" && !simple };
  const axis = distanceAxis(points, lines);
  const showCross = !simple && points.some((p) => p.cross > 0);
  const showBaseline = !simple && bucket === "day" && points.some((p) => p.baseline !== null);
  const many = points.length > 120;
  const locale = useLocale();
  const tick = (iso: string) => dayLabel(iso, locale);
  const labels = lineLabels(points, (Object.keys(lines) as (keyof typeof lines)[]).filter((k) => lines[k]), unit, axis.max);
  const endLabel = (key: keyof typeof lines, color: string) => {
    const l = labels.find((x) => x.key === key);
    return l ? <EndLabel at={l.index} text={l.text} color={color} dy={l.dy} /> : false;
  };
  const redFlagDays = points.filter((p) => p.redFlagMark !== null);

  return (
    <div className="flex flex-col gap-1">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} margin={{ top: 4, right: 0, bottom: 0, left: 0 }} barCategoryGap={many ? 0 : "15%"}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} yAxisId="pain" />
          <XAxis dataKey="date" tickFormatter={tick} tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={18} />
          <YAxis
            yAxisId="distance"
            domain={[0, axis.max]}
            ticks={axis.ticks}
            allowDataOverflow
            padding={{ top: PAIN_TOP_PAD }}
            tick={{ fontSize: 11, fill: "#0f766e" }}
            width={LEFT_W}
            label={{ value: `Distance (${unit})`, angle: -90, position: "insideLeft", offset: 8, fontSize: 11, fill: "#0f766e", dy: 40 }}
          />
          <YAxis
            yAxisId="pain"
            orientation="right"
            domain={[0, 10]}
            ticks={[...PAIN_TICKS]}
            allowDataOverflow
            padding={{ top: PAIN_TOP_PAD }}
            tick={{ fontSize: 11, fill: "#7c2d12" }}
            width={RIGHT_W}
            label={{ value: "Pain (0–10)", angle: 90, position: "insideRight", offset: 8, fontSize: 11, fill: "#7c2d12", dy: -30 }}
          />
          <YAxis yAxisId="marks" domain={[0, 1]} hide />
          <Tooltip content={(t) => <PointTooltip active={t.active} point={t.payload?.[0]?.payload as PainLoadPoint | undefined} bucket={bucket} unit={unit} simple={simple} />} />
          {redFlagDays.map((p) => (
            <ReferenceLine key={p.date} x={p.date} yAxisId="pain" stroke={C.redFlag} strokeOpacity={0.35} strokeWidth={1.5} />
          ))}
          <Bar yAxisId="distance" dataKey="distance" name="Running distance" fill={C.bar} maxBarSize={28} isAnimationActive={false} />
          {lines.weeklyCap ? (
            <Line yAxisId="distance" dataKey="weeklyCap" name="Weekly cap" type="stepAfter" stroke={C.cap} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} label={endLabel("weeklyCap", C.cap)} />
          ) : null}
          {lines.tolerated ? (
            <Line yAxisId="distance" dataKey="tolerated" name="Tolerated load" type="stepAfter" stroke={C.tolerated} strokeWidth={2} strokeDasharray="2 3" dot={false} isAnimationActive={false} label={endLabel("tolerated", C.tolerated)} />
          ) : null}
          {lines.longestCap ? (
            <Line yAxisId="distance" dataKey="longestCap" name="Longest-run cap" type="stepAfter" stroke={C.cap} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} label={endLabel("longestCap", C.cap)} />
          ) : null}
          {showBaseline ? <Line yAxisId="pain" dataKey="baseline" name="Usual morning pain" type="stepAfter" stroke={C.baseline} strokeWidth={1} strokeDasharray="1 3" dot={false} isAnimationActive={false} /> : null}
          <Line yAxisId="pain" dataKey="morningPain" name="Morning pain" stroke={C.morningPain} strokeWidth={many ? 1.5 : 2} dot={many ? false : { r: 3, fill: C.morningPain }} connectNulls isAnimationActive={false} />
          <Line yAxisId="pain" dataKey="runningPain" name="Running pain" stroke={C.runningPain} strokeWidth={many ? 1 : 1.5} dot={many ? { r: 1.5, fill: C.runningPain, strokeWidth: 0 } : { r: 4, fill: "#fff", strokeWidth: 2 }} connectNulls isAnimationActive={false} />
          <Scatter yAxisId="marks" dataKey="redFlagMark" name="Red flag" fill={C.redFlag} shape="triangle" isAnimationActive={false} />
          {!simple ? <Scatter yAxisId="marks" dataKey="tapeMark" name="Tape" fill={C.tape} shape="square" isAnimationActive={false} /> : null}
        </ComposedChart>
      </ResponsiveContainer>
      {showCross ? <CrossStrip points={points} bucket={bucket} /> : null}
      <ChartLegend unit={unit} bucket={bucket} simple={simple} showCross={showCross} showBaseline={showBaseline} />
    </div>
  );
}

/** A stepped line's name and value at its right end; Recharts clones this per point with x, y, index. */
function EndLabel({ at, text, color, dy, x, y, index }: { at: number; text: string; color: string; dy: number; x?: number | string; y?: number | string; index?: number }) {
  if (index !== at || typeof x !== "number" || typeof y !== "number") return null;
  return (
    <text x={x} y={y + dy} textAnchor="end" fontSize={11} fontWeight={600} fill={color} stroke="#fff" strokeWidth={3} paintOrder="stroke">
      {text}
    </text>
  );
}

function PointTooltip({ active, point, bucket, unit, simple }: { active?: boolean; point?: PainLoadPoint; bucket: "day" | "week"; unit: DistanceUnit; simple: boolean }) {
  const locale = useLocale();
  if (!active || !point) return null;
  const heading = bucket === "week" ? `Week of ${dayLabel(point.date, locale)}–${dayLabel(point.endDate, locale)}` : formatDayWithWeekday(point.date, locale);
  return (
    <div className="max-w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-semibold">{heading}</p>
      <ul>
        {describePoint(point, bucket, unit, { simple }).map((l) => (
          <li key={l} className={l.startsWith("Red flag") ? "font-semibold text-red-800" : ""}>
            {l}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Cross-training minutes on their own small axis, aligned under the main chart's days. */
function CrossStrip({ points, bucket }: { points: PainLoadPoint[]; bucket: "day" | "week" }) {
  const locale = useLocale();
  const top = Math.max(...points.map((p) => p.cross));
  return (
    <div>
      <p className="text-xs font-medium text-slate-700" style={{ paddingLeft: LEFT_W }}>
        Cross-training, minutes {bucket === "week" ? "per week" : "per day"} (bike, swim, water running…)
      </p>
    <ResponsiveContainer width="100%" height={64}>
      <BarChart data={points} margin={{ top: 6, right: 0, bottom: 6, left: 0 }} barCategoryGap={points.length > 120 ? 0 : "15%"}>
        <XAxis dataKey="date" hide />
        <YAxis domain={[0, top]} ticks={[0, top]} interval={0} tick={{ fontSize: 10 }} width={LEFT_W} />
        <YAxis yAxisId="spacer" orientation="right" width={RIGHT_W} tick={false} axisLine={false} />
        <Tooltip
          cursor={{ fill: "#e2e8f0" }}
          content={(t) => {
            const p = t.payload?.[0]?.payload as PainLoadPoint | undefined;
            if (!t.active || !p) return null;
            return (
              <div className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-md">
                {bucket === "week" ? `Week of ${dayLabel(p.date, locale)}` : dayLabel(p.date, locale)}: cross-training {p.cross} min
              </div>
            );
          }}
        />
        <Bar dataKey="cross" name="Cross-training" fill={C.cross} maxBarSize={28} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
    </div>
  );
}

function Swatch({ kind, color, dash }: { kind: "bar" | "line" | "dot" | "triangle" | "square"; color: string; dash?: string }) {
  return (
    <svg width="22" height="12" viewBox="0 0 22 12" aria-hidden="true" className="shrink-0">
      {kind === "bar" ? <rect x="5" y="1" width="12" height="10" fill={color} /> : null}
      {kind === "line" ? <line x1="1" y1="6" x2="21" y2="6" stroke={color} strokeWidth="2" strokeDasharray={dash} /> : null}
      {kind === "dot" ? (
        <>
          <line x1="1" y1="6" x2="21" y2="6" stroke={color} strokeWidth="2" />
          <circle cx="11" cy="6" r="3.5" fill={dash === "open" ? "#fff" : color} stroke={color} strokeWidth="2" />
        </>
      ) : null}
      {kind === "triangle" ? <path d="M11 1 L17 11 L5 11 Z" fill={color} /> : null}
      {kind === "square" ? <rect x="6" y="1" width="10" height="10" fill={color} /> : null}
    </svg>
  );
}

function ChartLegend({ unit, bucket, simple, showCross, showBaseline }: { unit: DistanceUnit; bucket: "day" | "week"; simple: boolean; showCross: boolean; showBaseline: boolean }) {
  const week = bucket === "week";
  const items: { key: string; swatch: React.ReactNode; text: string }[] = [
    { key: "distance", swatch: <Swatch kind="bar" color={C.bar} />, text: `Running distance, ${unit} (left axis)` },
    { key: "runningPain", swatch: <Swatch kind="dot" color={C.runningPain} dash="open" />, text: `Pain while running${week ? ", highest" : ""} (right axis, 0–10)` },
    { key: "morningPain", swatch: <Swatch kind="dot" color={C.morningPain} />, text: `Morning pain${week ? ", highest" : ""} (right axis, 0–10)` },
  ];
  if (showBaseline) items.push({ key: "baseline", swatch: <Swatch kind="line" color={C.baseline} dash="1 3" />, text: "Usual morning pain (7-day median)" });
  if (week) items.push({ key: "cap", swatch: <Swatch kind="line" color={C.cap} dash="6 3" />, text: `Weekly cap (${unit})` });
  if (week && !simple) items.push({ key: "tolerated", swatch: <Swatch kind="line" color={C.tolerated} dash="2 3" />, text: `Tolerated load (${unit}/week)` });
  if (!week && !simple) items.push({ key: "longest", swatch: <Swatch kind="line" color={C.cap} dash="6 3" />, text: `Longest-run cap (${unit})` });
  if (showCross) items.push({ key: "cross", swatch: <Swatch kind="bar" color={C.cross} />, text: "Cross-training, minutes (strip below)" });
  items.push({ key: "redFlag", swatch: <Swatch kind="triangle" color={C.redFlag} />, text: "Red flag reported" });
  if (!simple) items.push({ key: "tape", swatch: <Swatch kind="square" color={C.tape} />, text: "Tape worn" });
  return (
    <ul aria-label="Chart key" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((i) => (
        <li key={i.key} className="flex items-center gap-1">
          {i.swatch}
          {i.text}
        </li>
      ))}
    </ul>
  );
}
