import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton, secondaryButton } from "@/app/_components/ui/button-styles";
import { ChangeList } from "@/app/(trainer)/_components/change-list";
import { requireOwner } from "@/lib/auth/guards";
import { listAuditAthletes, listAuditPeople, listClinicAudit } from "@/lib/data/audit-trail";
import { getClinic, getMe } from "@/lib/data/clinics";
import { CHANGE_KINDS } from "@/lib/domain/change-lines";
import { todayIn } from "@/lib/domain/dates";
import { auditQuerySchema, type AuditQuery } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const control = "w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm";
const labelText = "text-sm font-medium text-slate-800";

/** The URL of a page of this log with these filters (blank ones left out). */
function hrefFor(query: AuditQuery, page: number) {
  const params = new URLSearchParams();
  for (const k of ["q", "athlete", "person", "kind", "from", "to"] as const) {
    const v = query[k];
    if (v) params.set(k, v);
  }
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/settings/audit?${s}` : "/settings/audit";
}

export default async function ClinicAuditPage({ searchParams }: Props) {
  const scope = await requireOwner();
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== "" && v !== undefined));
  const query = auditQuerySchema.parse(flat);
  const [log, people, athletes, me, clinic] = await Promise.all([listClinicAudit(scope, query), listAuditPeople(scope), listAuditAthletes(scope), getMe(scope), getClinic(scope)]);
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  const filtered = Boolean(query.athlete || query.person || query.kind || query.from || query.to || query.q);
  const view = { unit: me.unit, timeZone: clinic.timeZone, today: todayIn(clinic.timeZone) };
  const first = (log.page - 1) * log.pageSize + 1;

  return (
    <>
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="mt-1 text-slate-700">Every change in the clinic: who made it, when, and what it changed. Dates are in the clinic&apos;s time zone ({clinic.timeZone}).</p>

      <form method="get" action="/settings/audit" role="search" aria-label="Filter the audit log" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-1 sm:col-span-2 lg:col-span-3">
          <label htmlFor="audit-q" className={labelText}>
            Search
          </label>
          <input id="audit-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={120} placeholder="e.g. weekly cap, clamshell, Alex" className={control} />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-athlete" className={labelText}>
            Athlete
          </label>
          <select key={query.athlete ?? ""} id="audit-athlete" name="athlete" defaultValue={query.athlete ?? ""} className={control}>
            <option value="">All athletes</option>
            {athletes.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-person" className={labelText}>
            Changed by
          </label>
          <select key={query.person ?? ""} id="audit-person" name="person" defaultValue={query.person ?? ""} className={control}>
            <option value="">Anyone</option>
            <option value="system">The app itself (alerts)</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.role})
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-kind" className={labelText}>
            Kind of change
          </label>
          <select key={query.kind ?? ""} id="audit-kind" name="kind" defaultValue={query.kind ?? ""} className={control}>
            <option value="">All kinds</option>
            {Object.entries(CHANGE_KINDS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-from" className={labelText}>
            From
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} className={control} />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="audit-to" className={labelText}>
            To
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} className={control} />
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={primaryButton}>
            Show changes
          </button>
          {filtered ? (
            <Link href="/settings/audit" className={secondaryButton}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      <p className="mt-4 text-sm text-slate-700" aria-live="polite" data-testid="audit-count">
        {log.rows.length === 0 && log.page > 1
          ? "This page is past the end of the log."
          : log.total === 0
          ? filtered
            ? "No changes match these filters."
            : "Nothing recorded yet."
          : `${log.total} change${log.total === 1 ? "" : "s"}${filtered ? " match" : ""} · showing ${first}–${first + log.rows.length - 1}${pages > 1 ? ` · page ${log.page} of ${pages}` : ""}`}
      </p>
      {log.rows.length > 0 ? (
        <section aria-label="Changes" className="mt-2 rounded-lg border border-slate-200 bg-white px-4">
          <ChangeList rows={log.rows} view={view} showAthlete label="Changes, newest first" />
        </section>
      ) : log.page > 1 ? (
        <p className="mt-2">
          <Link href={hrefFor(query, 1)} className="font-semibold text-brand-700 underline">
            Go to the first page
          </Link>
        </p>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap items-center gap-3">
          {log.page > 1 ? (
            <Link href={hrefFor(query, log.page - 1)} className={secondaryButton} rel="prev">
              Newer changes
            </Link>
          ) : null}
          <span className="text-sm text-slate-700">
            Page {Math.min(log.page, pages)} of {pages}
          </span>
          {log.page < pages ? (
            <Link href={hrefFor(query, log.page + 1)} className={secondaryButton} rel="next">
              Older changes
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
