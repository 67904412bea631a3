"use client";

import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useLocale } from "@/app/_components/locale";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { formatDay } from "@/lib/format/dates";
import { toCsv, type Column } from "./table-data";

/** A row's heading: a calendar day in the reader's locale (the CSV keeps YYYY-MM-DD), anything else as it is. */
function RowHeading({ value }: { value: string }) {
  const locale = useLocale();
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? <time dateTime={value}>{formatDay(value, locale)}</time> : value;
}

/**
 * A chart's card: title, what it shows, a "View as table" toggle and a CSV of the same numbers.
 * The chart itself is passed in (and loaded lazily by the caller); the table needs no chart code.
 */
export function ChartFrame<R>({
  title,
  description,
  columns,
  rows,
  fileName,
  children,
  controls,
}: {
  title: string;
  description?: React.ReactNode;
  columns: readonly Column<R>[];
  rows: readonly R[];
  fileName: string;
  children: React.ReactNode;
  controls?: React.ReactNode;
}) {
  const [asTable, setAsTable] = useState(false);
  // Recharts costs ~100-400 ms of main thread per chart: a chart renders only once its card is
  // near the viewport, so the charts below the fold stay out of the page load (TBT).
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof IntersectionObserver === "undefined") return setNear(true);
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          io.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    io.observe(el);
    // printing shows every chart, scrolled to or not
    const beforePrint = () => flushSync(() => setNear(true));
    window.addEventListener("beforeprint", beforePrint);
    return () => {
      io.disconnect();
      window.removeEventListener("beforeprint", beforePrint);
    };
  }, []);
  const headingId = useId();
  const download = () => {
    const blob = new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-slate-200 p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold">
            {title}
          </h3>
          {description ? <div className="text-sm text-slate-600">{description}</div> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={`${secondaryButton} px-3 py-1 text-sm`} aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? "View as chart" : "View as table"}
          </button>
          <button type="button" className={`${secondaryButton} px-3 py-1 text-sm`} onClick={download}>
            Download CSV
          </button>
        </div>
      </div>
      {controls ? <div className="mt-2">{controls}</div> : null}
      <div className="mt-3" ref={box}>
        {asTable ? (
          <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label={`${title} as a table`}>
            <table className="w-full border-collapse text-right text-sm tabular-nums">
              <caption className="sr-only">{title}</caption>
              <thead className="sticky top-0 bg-white">
                <tr>
                  {columns.map((c, i) => (
                    <th key={c.key} scope="col" className={`border-b border-slate-300 px-2 py-1 font-semibold ${i === 0 ? "text-left" : ""}`}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, ri) => (
                  <tr key={ri} className="odd:bg-slate-50">
                    {columns.map((c, i) =>
                      i === 0 ? (
                        <th key={c.key} scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                          <RowHeading value={c.value(r)} />
                        </th>
                      ) : (
                        <td key={c.key} className="px-2 py-1">
                          {c.value(r)}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : near ? (
          children
        ) : (
          <ChartSkeleton />
        )}
      </div>
    </section>
  );
}

/** What a lazily loaded chart shows while its code arrives. */
export function ChartSkeleton({ height = 260 }: { height?: number }) {
  return <div className="animate-pulse rounded bg-slate-100" style={{ height }} aria-hidden="true" />;
}
