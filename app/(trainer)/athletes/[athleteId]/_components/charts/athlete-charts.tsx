"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ChartFrame, ChartSkeleton } from "@/app/_components/charts/chart-frame";
import { RangePicker, bucketFor, presetRange, type Range } from "@/app/_components/charts/range-picker";
import { STAGE_CHART_DESCRIPTION, distanceIn, hasStages, loadColumns, painLoadColumns, stageColumns } from "@/app/_components/charts/series-format";
import { fixed, whole, type Column } from "@/app/_components/charts/table-data";
import { useSeries } from "@/app/_components/charts/use-series";
import type { DistanceUnit } from "@/lib/domain/types";
import type { ExerciseWeek, SeriesResponse } from "@/lib/validation/series";

// Recharts is only fetched when a chart is on screen, keeping it out of the page's first load.
const loading = () => <ChartSkeleton />;
const PainLoadChart = dynamic(() => import("@/app/_components/charts/pain-load-chart"), { ssr: false, loading });
const LoadChart = dynamic(() => import("@/app/_components/charts/load-chart"), { ssr: false, loading });
const ExerciseChart = dynamic(() => import("@/app/_components/charts/exercise-chart"), { ssr: false, loading });
const StageChart = dynamic(() => import("@/app/_components/charts/stage-chart"), { ssr: false, loading });
const ShoeChart = dynamic(() => import("@/app/_components/charts/shoe-chart"), { ssr: false, loading });

const exerciseColumns: Column<ExerciseWeek>[] = [
  { key: "week", label: "Week starting", value: (w) => w.weekStart },
  { key: "logged", label: "Sessions logged", value: (w) => String(w.sessionsLogged) },
  { key: "planned", label: "Sessions planned", value: (w) => String(w.sessionsPlanned) },
  { key: "adherence", label: "Adherence (%)", value: (w) => whole(w.adherencePct) },
  { key: "sets", label: "Sets done / prescribed", value: (w) => (w.setsPrescribed ? `${w.setsDone}/${w.setsPrescribed}` : "") },
  { key: "max", label: "Highest exercise pain (0–10)", value: (w) => whole(w.maxExercisePain) },
  { key: "mean", label: "Mean exercise pain (0–10)", value: (w) => fixed(w.meanExercisePain, 1) },
];

const shoeColumns = (unit: DistanceUnit): Column<SeriesResponse["shoes"][number]>[] => [
  { key: "name", label: "Shoe", value: (s) => (s.retired ? `${s.name} (retired)` : s.name) },
  { key: "total", label: `Total (${unit})`, value: (s) => fixed(distanceIn(s.distanceM, unit), 2) },
  { key: "range", label: `In this range (${unit})`, value: (s) => fixed(distanceIn(s.rangeDistanceM, unit), 2) },
  { key: "reminder", label: `Reminder at (${unit})`, value: (s) => fixed(distanceIn(s.reminderM, unit), 0) },
  { key: "due", label: "Due for replacement", value: (s) => (s.due ? "yes" : "") },
];

/** The trainer's charts for one athlete, fed by the series endpoint. */
export function AthleteCharts({ athleteId, athleteName, today, unit, dataVersion }: { athleteId: string; athleteName: string; today: string; unit: DistanceUnit; dataVersion: number }) {
  const [range, setRange] = useState<Range>(() => presetRange("12w", today));
  const [bucketChoice, setBucketChoice] = useState<"auto" | "day" | "week">("auto");
  const [form, setForm] = useState<"rolling" | "ewma">("rolling");
  const bucket = bucketChoice === "auto" ? bucketFor(range) : bucketChoice;
  const { data, error, isPending, isFetching } = useSeries({ athleteId, from: range.from, to: range.to, bucket, version: dataVersion });
  const slug = `${athleteName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${range.from}-to-${range.to}`;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <RangePicker value={range} onChange={setRange} today={today} />
        <div className="flex flex-col gap-1">
          <label htmlFor="chart-bucket" className="text-sm font-medium">
            Group by
          </label>
          <select id="chart-bucket" value={bucketChoice} onChange={(e) => setBucketChoice(e.target.value as typeof bucketChoice)} className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm">
            <option value="auto">Automatic ({bucketFor(range) === "day" ? "days" : "weeks"})</option>
            <option value="day">Days</option>
            <option value="week">Weeks</option>
          </select>
        </div>
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {range.from} to {range.to}
        {isFetching ? " · loading…" : ""}
      </p>
      {error ? (
        <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
      {isPending || !data ? (
        <ChartSkeleton height={300} />
      ) : (
        <>
          <ChartFrame
            title="Pain vs running load"
            description={
              bucket === "week"
                ? `Each week: running distance in ${unit} (bars, left axis) with the weekly cap and tolerated load, and the week's highest running and morning pain (lines, right axis 0–10). Cross-training minutes have their own strip below.`
                : `Each day: running distance in ${unit} (bars, left axis) with the longest-run cap, and running and morning pain (lines, right axis 0–10); a morning's pain sits on the day it was reported, so a rise after a long run shows on the next day. Group by weeks to compare with the weekly cap.`
            }
            columns={painLoadColumns(unit, data.bucket)}
            rows={data.rows}
            fileName={`pain-and-running-${slug}.csv`}
          >
            <PainLoadChart rows={data.rows} bucket={data.bucket} unit={unit} />
          </ChartFrame>
          {hasStages(data.rows) ? (
            <ChartFrame title="Return to run: stage and pain" description={STAGE_CHART_DESCRIPTION} columns={stageColumns(data.bucket)} rows={data.rows} fileName={`return-to-run-${slug}.csv`}>
              <StageChart rows={data.rows} bucket={data.bucket} />
            </ChartFrame>
          ) : null}
          {/* the pain-vs-load chart is the one read at every visit; the others open on demand */}
          <details className="min-w-0">
            <summary className="cursor-pointer font-semibold text-brand-700">More charts: training load, exercise adherence, shoe distance</summary>
            <div className="mt-3 flex min-w-0 flex-col gap-4">
          <ChartFrame
            title="Training load"
            description="Session load = minutes × effort (CR-10), runs and cross-training together. Acute and chronic are daily averages."
            columns={loadColumns(data.bucket)}
            rows={data.rows}
            fileName={`training-load-${slug}.csv`}
            controls={
              <div role="group" aria-label="Load form" className="flex gap-1">
                {(["rolling", "ewma"] as const).map((f) => (
                  <button
                    key={f}
                    type="button"
                    aria-pressed={form === f}
                    onClick={() => setForm(f)}
                    className={`rounded-md border px-3 py-1 text-sm font-semibold ${form === f ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-slate-800"}`}
                  >
                    {f === "rolling" ? "Rolling average" : "EWMA"}
                  </button>
                ))}
              </div>
            }
          >
            <LoadChart rows={data.rows} bucket={data.bucket} form={form} />
          </ChartFrame>
          <ChartFrame
            title="Exercise adherence and pain"
            description="Per week: exercise sessions logged as a share of those planned by the current program, and exercise pain (0–10)."
            columns={exerciseColumns}
            rows={data.exerciseWeeks}
            fileName={`exercise-adherence-${slug}.csv`}
          >
            <ExerciseChart weeks={data.exerciseWeeks} />
          </ChartFrame>
          <ChartFrame
            title="Shoe distance"
            description="A reminder to check shoes, not an injury flag: the evidence for any cut-off is weak."
            columns={shoeColumns(unit)}
            rows={data.shoes}
            fileName={`shoes-${slug}.csv`}
          >
            {data.shoes.length === 0 ? <p className="text-sm text-slate-700">No shoes recorded yet.</p> : <ShoeChart shoes={data.shoes} unit={unit} />}
          </ChartFrame>
            </div>
          </details>
        </>
      )}
    </div>
  );
}
