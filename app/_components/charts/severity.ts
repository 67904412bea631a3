import type { AlertSeverity } from "@/lib/domain/types";

/** Severity chips: the word is always shown, the colour only reinforces it. */
export const SEVERITY_LABEL: Record<AlertSeverity, { label: string; className: string }> = {
  urgent: { label: "Urgent", className: "bg-red-700 text-white" },
  high: { label: "High", className: "bg-red-100 text-red-900" },
  moderate: { label: "Moderate", className: "bg-amber-100 text-amber-900" },
  good_news: { label: "Good news", className: "bg-emerald-100 text-emerald-900" },
};
