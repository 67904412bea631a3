"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { ChartFrame, ChartSkeleton } from "@/app/_components/charts/chart-frame";
import { RangePicker, presetRange, type Range } from "@/app/_components/charts/range-picker";
import { STAGE_CHART_DESCRIPTION, distanceIn, hasStages, stageColumns } from "@/app/_components/charts/series-format";
import { fixed, whole, type Column } from "@/app/_components/charts/table-data";
import { useSeries } from "@/app/_components/charts/use-series";
import type { DistanceUnit } from "@/lib/domain/types";
import type { SeriesRow } from "@/lib/validation/series";

const PainLoadChart = dynamic(() => import("@/app/_components/charts/pain-load-chart"), { ssr: false, loading: () => <ChartSkeleton height={240} /> });

const StageChart = dynamic(() => import("@/app/_components/charts/stage-chart"), { ssr: false, loading: () => <ChartSkeleton height={240} /> });

/** The runner's own pain and running chart: fewer lines, weeks for the longer range. */
export function ProgressChart({ athleteId, today, unit }: { athleteId: string; today: string; unit: DistanceUnit }) {
  const [range, setRange] = useState<Range>(() => presetRange("4w", today));
  const bucket = range.preset === "4w" ? "day" : "week";
  const { data, error } = useSeries({ athleteId, from: range.from, to: range.to, bucket });
  const columns: Column<SeriesRow>[] = [
    { key: "date", label: bucket === "week" ? "Week starting" : "Date", value: (r) => r.date },
    { key: "distance", label: `Running (${unit})`, value: (r) => fixed(distanceIn(r.runningDistanceM, unit), 2) },
    { key: "runningPain", label: "Pain running (0–10)", value: (r) => whole(r.runningPain) },
    { key: "morningPain", label: "Pain next morning (0–10)", value: (r) => whole(r.morningPain) },
  ];
  return (
    <div className="flex flex-col gap-3">
      <RangePicker value={range} onChange={setRange} today={today} presets={["4w", "12w"]} allowCustom={false} />
      {error ? (
        <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      ) : null}
      {data && hasStages(data.rows) ? (
        <ChartFrame title="Your return to run: stage and pain" description={STAGE_CHART_DESCRIPTION} columns={stageColumns(data.bucket)} rows={data.rows} fileName={`my-return-to-run-${range.from}-to-${range.to}.csv`}>
          <StageChart rows={data.rows} bucket={data.bucket} />
        </ChartFrame>
      ) : null}
      {data ? (
        <ChartFrame
          title="Your knee pain and running"
          description={bucket === "week" ? "Each week: how far you ran and your highest pain." : "Each day: how far you ran and how your knee felt."}
          columns={columns}
          rows={data.rows}
          fileName={`my-running-${range.from}-to-${range.to}.csv`}
        >
          <PainLoadChart rows={data.rows} bucket={data.bucket} unit={unit} simple height={240} />
        </ChartFrame>
      ) : (
        <ChartSkeleton height={240} />
      )}
    </div>
  );
}
