"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/app/_components/locale";
import type { SeriesRow } from "@/lib/validation/series";
import { PAIN_TICKS } from "./pain-load-data";
import { rowLabel } from "./series-format";

const C = { stage: "#0f766e", runningPain: "#c2410c", morningPain: "#1e3a8a" };

/**
 * Return to run (DESIGN §2c): the stage in force as a step line on an axis of its own ("Stage",
 * right), against running pain and next-morning pain on a 0–10 axis (left). No distance here: a
 * pain never sits on a km axis, and a stage is not a distance either.
 */
export default function StageChart({ rows, bucket, height = 240 }: { rows: SeriesRow[]; bucket: "day" | "week"; height?: number }) {
  const locale = useLocale();
  const data = rows.map((r) => ({ label: rowLabel(r, bucket, locale), stage: r.stage, runningPain: r.runningPain, morningPain: r.morningPain }));
  const top = Math.max(2, ...rows.map((r) => r.stage ?? 0));
  const stageTicks = Array.from({ length: top }, (_, i) => i + 1);
  // a step line needs two days to draw: mark each day's stage while there are few, so a first day on the ladder shows
  const stageDays = rows.filter((r) => r.stage !== null).length;
  const fmt = (v: unknown, name: unknown) => [v === null || v === undefined ? "—" : String(name) === "Stage" ? `stage ${v}` : `${v}/10`, String(name)] as [string, string];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} yAxisId="pain" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={18} />
        <YAxis yAxisId="pain" domain={[0, 10]} ticks={[...PAIN_TICKS]} tick={{ fontSize: 11 }} width={44} label={{ value: "Pain 0–10", angle: -90, position: "insideLeft", fontSize: 11, dy: 30 }} />
        <YAxis
          yAxisId="stage"
          orientation="right"
          domain={[0.5, top + 0.5]}
          ticks={stageTicks}
          allowDecimals={false}
          tick={{ fontSize: 11 }}
          width={44}
          label={{ value: "Stage", angle: 90, position: "insideRight", fontSize: 11, dy: -16 }}
        />
        <Tooltip formatter={fmt} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line yAxisId="stage" type="stepAfter" dataKey="stage" name="Stage" stroke={C.stage} strokeWidth={3} dot={stageDays <= 3 ? { r: 4, fill: C.stage } : false} connectNulls={false} isAnimationActive={false} />
        <Line yAxisId="pain" dataKey="runningPain" name="Running pain" stroke={C.runningPain} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        <Line yAxisId="pain" dataKey="morningPain" name="Morning pain" stroke={C.morningPain} strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
