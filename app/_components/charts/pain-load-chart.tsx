"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import type { DistanceUnit } from "@/lib/domain/types";
import type { SeriesRow } from "@/lib/validation/series";
import { distanceIn, flagWords, rowLabel } from "./series-format";

type Props = { rows: SeriesRow[]; bucket: "day" | "week"; unit: DistanceUnit; simple?: boolean; height?: number };

/**
 * Running distance (bars) and cross-training minutes against running and morning pain on a 0–10
 * axis, with the prescription and tolerated load as stepped lines (they change over time) and
 * markers for red flags and tape. Weekly caps only make sense against weekly bars.
 */
export default function PainLoadChart({ rows, bucket, unit, simple = false, height = 300 }: Props) {
  const data = rows.map((r) => ({
    label: rowLabel(r, bucket),
    distance: distanceIn(r.runningDistanceM, unit),
    cross: Math.round(r.crossTrainingMin),
    runningPain: r.runningPain,
    morningPain: r.morningPain,
    weeklyCap: bucket === "week" ? distanceIn(r.weeklyCapM, unit) : null,
    tolerated: bucket === "week" ? distanceIn(r.toleratedLoadM, unit) : null,
    longestCap: bucket === "day" ? distanceIn(r.longestRunCapM, unit) : null,
    redFlag: r.redFlags.length > 0 ? 10 : null,
    redFlagText: flagWords(r),
    tape: r.tape ? 9 : null,
  }));
  const showCross = !simple && data.some((d) => d.cross > 0);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
        <YAxis yAxisId="distance" tick={{ fontSize: 11 }} width={44} label={{ value: unit, angle: -90, position: "insideLeft", offset: 20, fontSize: 11 }} />
        <YAxis yAxisId="pain" orientation="right" domain={[0, 10]} ticks={[0, 2, 5, 7, 10]} tick={{ fontSize: 11 }} width={28} />
        {showCross ? <YAxis yAxisId="minutes" orientation="right" hide /> : null}
        <Tooltip
          formatter={(value, name) => {
            if (value === null || value === undefined) return ["—", name];
            if (name === "Red flag") return ["reported", name];
            if (name === "Tape") return ["worn", name];
            if (String(name).includes("pain")) return [`${value}/10`, name];
            if (name === "Cross-training") return [`${value} min`, name];
            return [`${value} ${unit}`, name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="distance" dataKey="distance" name="Running distance" fill="#5eada0" />
        {showCross ? <Bar yAxisId="minutes" dataKey="cross" name="Cross-training" fill="#a5b4fc" /> : null}
        {bucket === "week" ? <Line yAxisId="distance" dataKey="weeklyCap" name="Weekly cap" type="stepAfter" stroke="#7c3aed" strokeDasharray="6 3" dot={false} connectNulls={false} /> : null}
        {bucket === "week" && !simple ? <Line yAxisId="distance" dataKey="tolerated" name="Tolerated load" type="stepAfter" stroke="#0369a1" strokeDasharray="2 3" dot={false} /> : null}
        {bucket === "day" && !simple ? <Line yAxisId="distance" dataKey="longestCap" name="Longest-run cap" type="stepAfter" stroke="#7c3aed" strokeDasharray="6 3" dot={false} /> : null}
        <Line yAxisId="pain" dataKey="runningPain" name="Running pain" stroke="#c2410c" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} />
        <Line yAxisId="pain" dataKey="morningPain" name="Morning pain" stroke="#1e3a8a" strokeWidth={2} strokeDasharray="4 2" dot={{ r: 3 }} connectNulls />
        <Scatter yAxisId="pain" dataKey="redFlag" name="Red flag" fill="#b91c1c" shape="triangle" />
        {!simple ? <Scatter yAxisId="pain" dataKey="tape" name="Tape" fill="#0f766e" shape="square" /> : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
