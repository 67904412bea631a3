import { RED_FLAG_LABELS } from "@/lib/domain/red-flags";
import { metresTo } from "@/lib/domain/units";
import { formatShortDay } from "@/lib/format/dates";
import { FALLBACK_LOCALE } from "@/lib/format/locale";
import type { DistanceUnit } from "@/lib/domain/types";
import type { SeriesRow } from "@/lib/validation/series";
import { decimal, fixed, whole, type Column } from "./table-data";

export const distanceIn = (m: number | null, unit: DistanceUnit) => (m === null ? null : Math.round(metresTo(m, unit) * 100) / 100);

export const dayLabel = (iso: string, locale: string = FALLBACK_LOCALE) => formatShortDay(iso, locale);
export const rowLabel = (r: SeriesRow, bucket: "day" | "week", locale: string = FALLBACK_LOCALE) => (bucket === "week" ? `w/c ${dayLabel(r.date, locale)}` : dayLabel(r.date, locale));

export const LIGHT_WORD = { green: "Green", amber: "Amber", red: "Red" } as const;
export const flagWords = (r: SeriesRow) => r.redFlags.map((f) => RED_FLAG_LABELS[f]).join("; ");

/** Table and CSV columns of the pain vs running load chart. */
export function painLoadColumns(unit: DistanceUnit, bucket: "day" | "week"): Column<SeriesRow>[] {
  return [
    { key: "date", label: bucket === "week" ? "Week starting" : "Date", value: (r) => r.date },
    { key: "distance", label: `Running distance (${unit})`, value: (r) => decimal(distanceIn(r.runningDistanceM, unit)) },
    { key: "cross", label: "Cross-training (min)", value: (r) => whole(r.crossTrainingMin) },
    { key: "runningPain", label: `Running pain (0–10)${bucket === "week" ? ", highest" : ""}`, value: (r) => whole(r.runningPain) },
    { key: "morningPain", label: `Morning pain (0–10)${bucket === "week" ? ", highest" : ""}`, value: (r) => whole(r.morningPain) },
    { key: "weeklyCap", label: `Weekly cap (${unit})`, value: (r) => decimal(distanceIn(r.weeklyCapM, unit)) },
    { key: "longestCap", label: `Longest-run cap (${unit})`, value: (r) => decimal(distanceIn(r.longestRunCapM, unit)) },
    { key: "tolerated", label: `Tolerated load (${unit}/week)`, value: (r) => decimal(distanceIn(r.toleratedLoadM, unit)) },
    { key: "light", label: "Light", value: (r) => (r.light ? LIGHT_WORD[r.light] : "") },
    { key: "flags", label: "Red flags", value: flagWords },
    { key: "tape", label: "Tape", value: (r) => (r.tape ? "yes" : "") },
  ];
}

export function loadColumns(bucket: "day" | "week"): Column<SeriesRow>[] {
  return [
    { key: "date", label: bucket === "week" ? "Week starting" : "Date", value: (r) => r.date },
    { key: "load", label: `Load (min × RPE)${bucket === "week" ? ", week total" : ""}`, value: (r) => fixed(r.load, 0) },
    { key: "acuteRolling", label: "Acute, rolling 7-day", value: (r) => fixed(r.acuteRolling, 1) },
    { key: "chronicRolling", label: "Chronic, rolling 28-day", value: (r) => fixed(r.chronicRolling, 1) },
    { key: "acuteEwma", label: "Acute, EWMA", value: (r) => fixed(r.acuteEwma, 1) },
    { key: "chronicEwma", label: "Chronic, EWMA", value: (r) => fixed(r.chronicEwma, 1) },
    { key: "ratio", label: "Ratio (descriptive only)", value: (r) => fixed(r.ratio, 2) },
  ];
}

/** Table and CSV columns of the return-to-run stage chart. */
export function stageColumns(bucket: "day" | "week"): Column<SeriesRow>[] {
  const week = bucket === "week";
  return [
    { key: "date", label: week ? "Week starting" : "Date", value: (r) => r.date },
    { key: "stage", label: week ? "Stage (at the week's end)" : "Stage", value: (r) => whole(r.stage) },
    { key: "runningPain", label: `Running pain (0–10)${week ? ", highest" : ""}`, value: (r) => whole(r.runningPain) },
    { key: "morningPain", label: `Morning pain (0–10)${week ? ", highest" : ""}`, value: (r) => whole(r.morningPain) },
  ];
}

/** True when the athlete was on a return-to-run stage on any day of the rows. */
export const hasStages = (rows: readonly SeriesRow[]) => rows.some((r) => r.stage !== null);

export const STAGE_CHART_DESCRIPTION =
  "The return-to-run stage each day (step line, right axis) against running pain and morning pain (left axis, 0–10). A session's next-morning pain is the morning pain of the day after it.";
