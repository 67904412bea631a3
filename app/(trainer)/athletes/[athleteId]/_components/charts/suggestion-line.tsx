import type { ItemSuggestion } from "@/lib/data/series";

const WORDS = {
  progress: { label: "Suggest: progress", className: "bg-emerald-100 text-emerald-900" },
  regress: { label: "Suggest: regress", className: "bg-red-100 text-red-900" },
  hold: { label: "Suggest: hold", className: "bg-slate-100 text-slate-800" },
} as const;

/** The engine's suggestion for one program item and why; the trainer decides (DESIGN §2). */
export function SuggestionLine({ suggestion }: { suggestion: ItemSuggestion | undefined }) {
  if (!suggestion) return null;
  const w = WORDS[suggestion.suggestion];
  return (
    <p className="mt-1 text-sm" data-testid="suggestion">
      <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-semibold ${w.className}`}>{w.label}</span>
      <span className="text-slate-700">{suggestion.reason}</span>
    </p>
  );
}
