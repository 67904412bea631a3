"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, Legend } from "recharts";
import { useLocale } from "@/app/_components/locale";
import type { SeriesRow } from "@/lib/validation/series";
import { rowLabel } from "./series-format";

/** Acute and chronic load plotted separately (rolling or EWMA), and the ratio in its own panel. */
export default function LoadChart({ rows, bucket, form }: { rows: SeriesRow[]; bucket: "day" | "week"; form: "rolling" | "ewma" }) {
  const locale = useLocale();
  const data = rows.map((r) => ({
    label: rowLabel(r, bucket, locale),
    acute: form === "rolling" ? round(r.acuteRolling) : round(r.acuteEwma),
    chronic: form === "rolling" ? round(r.chronicRolling) : round(r.chronicEwma),
    ratio: r.ratio === null ? null : Math.round(r.ratio * 100) / 100,
  }));
  const fmt = (v: unknown, name: unknown) => [v === null || v === undefined ? "—" : `${v} AU/day`, String(name)] as [string, string];
  return (
    <div className="flex flex-col gap-4">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis tick={{ fontSize: 11 }} width={44} />
          <Tooltip formatter={fmt} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line dataKey="acute" name="Acute (7-day)" stroke="#c2410c" strokeWidth={2} dot={false} />
          <Line dataKey="chronic" name="Chronic (28-day)" stroke="#1e3a8a" strokeWidth={2} dot={false} />
        </LineChart>
      </ResponsiveContainer>
      <div>
        <p className="text-sm font-semibold text-slate-800">Acute:chronic ratio — descriptive only, not used for alerts</p>
        <p className="text-xs text-slate-600">Shown only once 21 of the last 28 days have data. The shaded band is 0.8–1.3.</p>
        <ResponsiveContainer width="100%" height={120}>
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
            <YAxis tick={{ fontSize: 11 }} width={44} domain={[0, "auto"]} />
            <ReferenceArea y1={0.8} y2={1.3} fill="#e2e8f0" fillOpacity={0.6} />
            <Tooltip formatter={(v) => [v === null || v === undefined ? "not shown" : String(v), "Ratio (descriptive)"]} />
            <Line dataKey="ratio" name="Ratio (descriptive)" stroke="#475569" dot={false} connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
