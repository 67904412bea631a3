"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useLocale } from "@/app/_components/locale";
import type { ExerciseWeek } from "@/lib/validation/series";
import { dayLabel } from "./series-format";

/** Per week: the share of planned exercise sessions logged, and exercise pain (0–10). */
export default function ExerciseChart({ weeks }: { weeks: ExerciseWeek[] }) {
  const locale = useLocale();
  const data = weeks.map((w) => ({ label: `w/c ${dayLabel(w.weekStart, locale)}`, adherence: w.adherencePct, maxPain: w.maxExercisePain, meanPain: w.meanExercisePain }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
        <YAxis yAxisId="pct" domain={[0, 100]} tick={{ fontSize: 11 }} width={44} unit="%" />
        <YAxis yAxisId="pain" orientation="right" domain={[0, 10]} ticks={[0, 2, 5, 10]} tick={{ fontSize: 11 }} width={28} />
        <Tooltip
          formatter={(v, name) => [v === null || v === undefined ? "—" : String(name).includes("pain") ? `${v}/10` : `${v}%`, String(name)]}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="pct" dataKey="adherence" name="Sessions done (% of planned)" fill="#5eada0" />
        <Line yAxisId="pain" dataKey="maxPain" name="Highest exercise pain" stroke="#c2410c" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} />
        <Line yAxisId="pain" dataKey="meanPain" name="Mean exercise pain" stroke="#1e3a8a" strokeDasharray="4 2" dot={{ r: 2 }} connectNulls={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
