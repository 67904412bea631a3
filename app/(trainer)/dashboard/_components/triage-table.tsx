import Link from "next/link";
import { AthleteRowHeader, alertSpan } from "./triage-cells";
import { SEVERITY_LABEL } from "@/app/_components/charts/severity";
import { Sparkline } from "@/app/_components/charts/sparkline";
import { TrafficLightBadge } from "@/app/_components/charts/traffic-light";
import type { TriagePage, TriageRow } from "@/lib/data/triage";
import type { TriageQuery, TriageSort } from "@/lib/validation/triage";
import { Pager } from "./pager";
import { RtrStepAnnouncements, RtrStepFromRow } from "./rtr-step-from-row";
import { BulkAcknowledge, RowCheckbox, SelectAllCheckbox, TriageSelection } from "./triage-selection";
import { triageHref } from "./triage-url";
import { formatDay } from "@/lib/format/dates";


/**
 * Athletes with open alerts, one row each: server-rendered HTML whose sort links and pages are
 * URLs; only the checkboxes and the bulk form are client code. At 375 px the table scrolls inside
 * its own labelled, focusable region instead of widening the page.
 */
export function TriageTable({ data, query, filtered, locale }: { data: TriagePage<TriageRow>; query: TriageQuery; filtered: boolean; locale: string }) {
  const { rows, total, page, pageSize } = data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  const caption = `Athletes with open alerts, ${describeSort(query)}. ${rows.length ? `Rows ${first}–${first + rows.length - 1} of ${total}` : `No rows on page ${page}`}.`;

  if (total === 0) {
    return (
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-6">
        <h3 className="font-semibold">All clear</h3>
        <p className="mt-1 text-slate-700">{filtered ? "No open alerts for these filters." : "No open alerts right now."}</p>
      </div>
    );
  }

  return (
    <TriageSelection rows={rows.map((r) => r.rowToken)}>
      <RtrStepAnnouncements>
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-3">
        <BulkAcknowledge />
      </div>
      <div role="region" aria-labelledby="triage-caption" tabIndex={0} className="relative mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-700">
        <table className="w-full min-w-[860px] text-left text-sm">
          <caption id="triage-caption" className="px-3 py-2 text-left text-sm text-slate-700">
            {caption}
          </caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <SelectAllCheckbox />
              </th>
              <SortHeader query={query} sort="name" label="Athlete" />
              <th scope="col" className="px-3 py-2 font-semibold whitespace-nowrap">
                Running light
              </th>
              <SortHeader query={query} sort="severity" label="Most severe open alert" />
              <th scope="col" className="px-3 py-2 font-semibold">
                Others
              </th>
              <SortHeader query={query} sort="last_check_in" label="Last check-in" />
              <th scope="col" className="px-3 py-2 font-semibold">
                Morning pain, 14 days
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const sev = SEVERITY_LABEL[r.severity];
              return (
                <tr key={r.athleteId} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <RowCheckbox name={r.name} token={r.rowToken} />
                  </td>
                  <AthleteRowHeader row={r} />
                  <td className="px-3 py-2">
                    <TrafficLightBadge light={r.light?.light ?? null} compact />
                  </td>
                  <td className="max-w-md px-3 py-2">
                    <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-semibold ${sev.className}`}>{sev.label}</span>
                    <span>{r.reason}</span>
                    <span className="block text-xs text-slate-600">{alertSpan(r.from, r.to, locale)}</span>
                    {r.rtrStepDown ? (
                      <div className="mt-2 border-t border-slate-100 pt-2">
                        <p className="text-xs font-semibold text-slate-800">Return to run: step down suggested</p>
                        {r.rtrStepDown.ok ? (
                          <RtrStepFromRow athleteId={r.athleteId} athleteName={r.name} direction="down" fromStage={r.rtrStepDown.fromStage} toStage={r.rtrStepDown.toStage} />
                        ) : (
                          <p className="text-xs text-slate-700">{r.rtrStepDown.message}</p>
                        )}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{r.otherGroups === 0 ? "None" : `${r.otherGroups} more`}</td>
                  <td className="px-3 py-2">{r.lastCheckIn ? <time dateTime={r.lastCheckIn}>{formatDay(r.lastCheckIn, locale)}</time> : "Never"}</td>
                  <td className="px-3 py-2">
                    <Sparkline points={r.sparkline} label={`${r.name}'s morning pain over 14 days, oldest first`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager label="Pages of athletes with open alerts" page={page} pages={pages} href={(p) => triageHref(query, { page: p })} />
      </RtrStepAnnouncements>
    </TriageSelection>
  );
}

const SORT_WORDS: Record<TriageSort, [string, string]> = {
  severity: ["most severe first", "least severe first"],
  name: ["by name, A to Z", "by name, Z to A"],
  last_check_in: ["longest without a check-in first", "most recent check-in first"],
};

function describeSort(query: TriageQuery): string {
  return SORT_WORDS[query.sort ?? "severity"][query.dir === "desc" ? 1 : 0];
}

/** A sortable column: the header is a link to the other direction; aria-sort says the current one. */
function SortHeader({ query, sort, label }: { query: TriageQuery; sort: TriageSort; label: string }) {
  const current = (query.sort ?? "severity") === sort;
  const dir = query.dir ?? "asc";
  // "ascending" means the order the column's words name first (most severe, A to Z, longest silent)
  const ariaSort = current ? (dir === "asc" ? "ascending" : "descending") : undefined;
  const next = current && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={ariaSort} className="px-3 py-2 font-semibold">
      <Link href={triageHref(query, { sort, dir: next, page: undefined })} className="inline-flex items-center gap-1 whitespace-nowrap underline decoration-slate-400 underline-offset-2">
        {label}
        <span aria-hidden="true">{current ? (dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{current ? ` (sorted ${SORT_WORDS[sort][dir === "desc" ? 1 : 0]}; activate to reverse)` : " (activate to sort)"}</span>
      </Link>
    </th>
  );
}
