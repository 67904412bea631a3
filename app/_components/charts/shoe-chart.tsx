"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DistanceUnit } from "@/lib/domain/types";
import type { SeriesResponse } from "@/lib/validation/series";
import { distanceIn } from "./series-format";

/** Each shoe's total distance against its reminder (a reminder, not an injury flag). */
export default function ShoeChart({ shoes, unit }: { shoes: SeriesResponse["shoes"]; unit: DistanceUnit }) {
  const data = shoes.map((s) => ({ name: s.retired ? `${s.name} (retired)` : s.name, total: distanceIn(s.distanceM, unit), range: distanceIn(s.rangeDistanceM, unit), reminder: distanceIn(s.reminderM, unit) }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, 48 * data.length + 60)}>
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" tick={{ fontSize: 11 }} unit={` ${unit}`} />
        <YAxis type="category" dataKey="name" tick={{ fontSize: 11 }} width={110} />
        <Tooltip formatter={(v, name) => [v === null || v === undefined ? "—" : `${v} ${unit}`, String(name)]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="total" name="Total distance" fill="#5eada0" />
        <Bar dataKey="range" name="In this range" fill="#a5b4fc" />
        <Bar dataKey="reminder" name="Reminder at" fill="#e2e8f0" stroke="#94a3b8" />
      </BarChart>
    </ResponsiveContainer>
  );
}
