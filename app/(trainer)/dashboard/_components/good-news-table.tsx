import { AthleteRowHeader, alertSpan } from "./triage-cells";
import type { GoodNewsRow, TriagePage } from "@/lib/data/triage";
import type { TriageQuery } from "@/lib/validation/triage";
import { AlertActionForm } from "./alert-action-form";
import { Pager } from "./pager";
import { GoodNewsAnnouncements, ProgressFromRow } from "./progress-from-row";
import { RtrStepAnnouncements, RtrStepFromRow } from "./rtr-step-from-row";
import { triageHref } from "./triage-url";


/** Exercises ready to progress, one row per open group: apply the step from the row, or acknowledge. */
export function GoodNewsTable({ data, query, locale }: { data: TriagePage<GoodNewsRow>; query: TriageQuery; locale: string }) {
  const { rows, total, page, pageSize } = data;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = (page - 1) * pageSize + 1;
  return (
    <GoodNewsAnnouncements>
      <RtrStepAnnouncements>
      {total === 0 && page === 1 ? (
        <p className="mt-2 text-slate-700">No exercise is waiting to progress.</p>
      ) : (
        <>
          <div role="region" aria-labelledby="good-news-caption" tabIndex={0} className="relative mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-700">
            <table className="w-full min-w-[760px] text-left text-sm">
              <caption id="good-news-caption" className="px-3 py-2 text-left text-sm text-slate-700">
                Exercises ready to progress, newest first. {rows.length ? `Rows ${first}–${first + rows.length - 1} of ${total}` : `No rows on page ${page}`}.
              </caption>
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Athlete
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Why
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Progress
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Or
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.alertIds[0]} className="border-t border-slate-100 align-top">
                    <AthleteRowHeader row={r} />
                    <td className="max-w-sm px-3 py-2">
                      {r.reason}
                      <span className="block text-xs text-slate-600">{alertSpan(r.from, r.to, locale)}</span>
                    </td>
                    <td className="px-3 py-2">
                      {r.rtrStepUp ? (
                        r.rtrStepUp.ok ? (
                          <RtrStepFromRow athleteId={r.athleteId} athleteName={r.name} direction="up" fromStage={r.rtrStepUp.fromStage} toStage={r.rtrStepUp.toStage} />
                        ) : (
                          <span className="text-slate-700">{r.rtrStepUp.message}</span>
                        )
                      ) : r.itemId && r.exerciseName && r.progress?.ok ? (
                        <ProgressFromRow itemId={r.itemId} athleteName={r.name} exerciseName={r.exerciseName} toName={r.progress.toName} />
                      ) : (
                        <span className="text-slate-700">{r.progress && !r.progress.ok ? r.progress.message : "Open the athlete's page to change the program."}</span>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <AlertActionForm alertId={r.alertIds} reason={`${r.name}: ${r.reason}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="Pages of good news" page={page} pages={pages} href={(p) => triageHref(query, { gpage: p })} />
        </>
      )}
      </RtrStepAnnouncements>
    </GoodNewsAnnouncements>
  );
}
