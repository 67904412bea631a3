import type { TrafficLight } from "@/lib/domain/types";

export const LIGHT_TEXT: Record<TrafficLight, { label: string; advice: string; dot: string; box: string }> = {
  green: { label: "Green", advice: "continue, may build", dot: "bg-emerald-600", box: "border-emerald-300 bg-emerald-50 text-emerald-900" },
  amber: { label: "Amber", advice: "hold running", dot: "bg-amber-500", box: "border-amber-300 bg-amber-50 text-amber-900" },
  red: { label: "Red", advice: "reduce running", dot: "bg-red-600", box: "border-red-300 bg-red-50 text-red-900" },
};

/** The running light with its word and advice, so colour is never the only signal. */
export function TrafficLightBadge({ light, compact = false }: { light: TrafficLight | null; compact?: boolean }) {
  if (!light) {
    return <span className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 px-2 py-0.5 text-xs font-semibold text-slate-700">No recent check-in</span>;
  }
  const t = LIGHT_TEXT[light];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-semibold ${t.box}`}>
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${t.dot}`} />
      {compact ? t.label : `${t.label}: ${t.advice}`}
    </span>
  );
}
