"use client";

import { useId, useState } from "react";
import { addDays, daysBetween, isIsoDate } from "@/lib/domain/dates";

export const PRESETS = [
  { id: "4w", label: "4 weeks", days: 28 },
  { id: "12w", label: "12 weeks", days: 84 },
  { id: "6m", label: "6 months", days: 182 },
  { id: "1y", label: "1 year", days: 365 },
] as const;
export type PresetId = (typeof PRESETS)[number]["id"] | "custom";

export type Range = { preset: PresetId; from: string; to: string };

export function presetRange(id: Exclude<PresetId, "custom">, today: string): Range {
  const days = PRESETS.find((p) => p.id === id)!.days;
  return { preset: id, from: addDays(today, -(days - 1)), to: today };
}

/** Day bars up to about three months, week bars beyond. */
export const bucketFor = (r: Range): "day" | "week" => (daysBetween(r.from, r.to) + 1 <= 91 ? "day" : "week");

/** Preset ranges as a radio-like group, plus labelled custom dates checked before they are sent. */
export function RangePicker({ value, onChange, today, presets = PRESETS.map((p) => p.id), allowCustom = true }: { value: Range; onChange: (r: Range) => void; today: string; presets?: readonly Exclude<PresetId, "custom">[]; allowCustom?: boolean }) {
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    if (!isIsoDate(from) || !isIsoDate(to)) return setError("Enter both dates.");
    if (from > to) return setError("The start date must be on or before the end date.");
    if (daysBetween(from, to) + 1 > 3 * 366) return setError("Choose a range of 3 years or less.");
    setError(null);
    onChange({ preset: "custom", from, to });
  };
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Date range" className="flex flex-wrap gap-1">
        {PRESETS.filter((p) => presets.includes(p.id)).map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={value.preset === p.id}
            onClick={() => onChange(presetRange(p.id, today))}
            className={`rounded-md border px-3 py-1 text-sm font-semibold ${value.preset === p.id ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            {p.label}
          </button>
        ))}
        {allowCustom ? (
          <button
            type="button"
            aria-pressed={value.preset === "custom"}
            onClick={() => {
              // the date fields start from the range on screen, not the one the picker was first shown with
              setFrom(value.from);
              setTo(value.to);
              setError(null);
              onChange({ ...value, preset: "custom" });
            }}
            className={`rounded-md border px-3 py-1 text-sm font-semibold ${value.preset === "custom" ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-800 hover:bg-slate-100"}`}
          >
            Custom
          </button>
        ) : null}
      </div>
      {allowCustom && value.preset === "custom" ? (
        <form onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label="Custom date range">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-from`} className="text-sm font-medium">
              From
            </label>
            <input id={`${id}-from`} type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} className="rounded-md border border-slate-400 px-2 py-1" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-to`} className="text-sm font-medium">
              To
            </label>
            <input id={`${id}-to`} type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} className="rounded-md border border-slate-400 px-2 py-1" />
          </div>
          <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100">
            Show range
          </button>
          {error ? (
            <p role="status" className="w-full text-sm font-medium text-red-700">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
