import Link from "next/link";
import type { AuditRow } from "@/lib/data/audit-trail";
import { describeChange, shortDate, type ChangeView } from "@/lib/domain/change-lines";

/**
 * Stored changes as sentences a person reads ("Running prescription set · Weekly cap 30 → 32 km ·
 * by Sam Rivera, 2 Dec"), newest first. With `showAthlete`, each names the athlete it is about.
 */
export function ChangeList({ rows, view, showAthlete = false, label }: { rows: AuditRow[]; view: ChangeView; showAthlete?: boolean; label: string }) {
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: view.timeZone });
  return (
    <ol aria-label={label} className="flex flex-col divide-y divide-slate-100" data-testid="change-list">
      {rows.map((r) => {
        const subjectDate = r.subjectDate ? shortDate(r.subjectDate, view.today) : null;
        const subject = r.subject && subjectDate ? `${r.subject}, ${subjectDate}` : (r.subject ?? subjectDate);
        const line = describeChange({ ...r, at: r.createdAt, subject }, view);
        return (
          <li key={r.id} className="min-w-0 py-3 text-sm">
            <p className="font-medium break-words">
              {line.title}
              {showAthlete && r.athleteId && r.athleteName ? (
                <>
                  {" · "}
                  <Link href={`/athletes/${r.athleteId}`} className="font-semibold text-brand-700 underline">
                    {r.athleteName}
                  </Link>
                </>
              ) : null}
            </p>
            {line.details.length ? (
              <ul className="mt-0.5 text-slate-800">
                {line.details.map((d, i) => (
                  <li key={i} className="break-words">
                    {d}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="mt-0.5 text-slate-600">
              {line.byline} <time dateTime={r.createdAt.toISOString()}>{time.format(r.createdAt)}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
