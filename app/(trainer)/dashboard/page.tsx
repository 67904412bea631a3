import type { Metadata } from "next";
import Link from "next/link";
import { SEVERITY_LABEL } from "@/app/_components/charts/severity";
import { Sparkline } from "@/app/_components/charts/sparkline";
import { TrafficLightBadge } from "@/app/_components/charts/traffic-light";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { SelectField } from "@/app/_components/ui/select-field";
import { requireTrainer } from "@/lib/auth/guards";
import { listNeedsAttention } from "@/lib/data/alerts";
import { groupAlerts } from "@/lib/domain/alert-groups";
import { listGroups, listTrainers } from "@/lib/data/athletes";
import { getMe } from "@/lib/data/clinics";
import { attentionQuerySchema } from "@/lib/validation/alerts";
import { AlertActionForm } from "./_components/alert-action-form";

export const metadata: Metadata = { title: "Needs attention" };


export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireTrainer();
  const raw = await searchParams;
  const filters = attentionQuerySchema.parse({ trainer: raw.trainer, group: raw.group });
  const [rows, trainers, groups, me] = await Promise.all([
    listNeedsAttention(scope, { trainerId: filters.trainer, group: filters.group }),
    listTrainers(scope),
    listGroups(scope),
    getMe(scope),
  ]);
  const filtered = Boolean(filters.trainer || filters.group);

  return (
    <>
      <h1 className="text-2xl font-bold">Needs attention</h1>
      <p className="mt-1 text-slate-700">Welcome, {me.name}. Athletes with open alerts, most urgent first.</p>

      <form method="get" action="/dashboard" role="search" aria-label="Filter the list" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <SelectField label="Trainer" name="trainer" defaultValue={filters.trainer ?? ""} options={[{ value: "", label: "All trainers" }, ...trainers.map((t) => ({ value: t.id, label: t.id === me.id ? `${t.name} (me)` : t.name }))]} />
        <SelectField label="Group" name="group" defaultValue={filters.group ?? ""} options={[{ value: "", label: "All groups" }, ...groups.map((g) => ({ value: g, label: g }))]} />
        <button type="submit" className={secondaryButton}>
          Apply filters
        </button>
        {filtered ? (
          <Link href="/dashboard" className="py-2 text-sm font-semibold text-brand-700 underline">
            Clear filters
          </Link>
        ) : null}
      </form>

      {rows.length === 0 ? (
        <section aria-labelledby="all-clear" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="all-clear" className="text-lg font-semibold">
            All clear
          </h2>
          <p className="mt-1 text-slate-700">{filtered ? "No open alerts for these filters." : "No open alerts right now."}</p>
        </section>
      ) : (
        <ol aria-label="Athletes needing attention" className="mt-6 flex flex-col gap-4">
          {rows.map((row) => {
            const sev = SEVERITY_LABEL[row.severity];
            return (
              <li key={row.athleteId} aria-label={row.name} className="rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h2 className="text-lg font-semibold">
                      <Link href={`/athletes/${row.athleteId}`} className="hover:underline">
                        {row.name}
                      </Link>
                      <span className={`ml-2 rounded px-2 py-0.5 align-middle text-xs font-semibold ${sev.className}`}>{sev.label}</span>
                    </h2>
                    <p className="text-sm text-slate-600">
                      {[row.sportGroup, row.trainerName ? `Trainer: ${row.trainerName}` : null].filter(Boolean).join(" · ") || "No group"}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-3">
                    <div className="flex flex-col items-end">
                      <span className="text-xs text-slate-600">Morning pain, 14 days</span>
                      <Sparkline points={row.sparkline} label={`${row.name}'s morning pain over 14 days, oldest first`} />
                    </div>
                    <TrafficLightBadge light={row.light?.light ?? null} />
                  </div>
                </div>
                <ul className="mt-3 flex flex-col gap-3" aria-label={`Open alerts for ${row.name}`}>
                  {groupAlerts(row.alerts).map(({ key, newest: a, ids, from, to, severity }) => (
                    <li key={key} className="flex flex-wrap items-start justify-between gap-3 border-t border-slate-100 pt-3">
                      <p className="min-w-0 flex-1 text-sm">
                        <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-semibold ${SEVERITY_LABEL[severity].className}`}>{SEVERITY_LABEL[severity].label}</span>
                        <span className="font-medium">{a.reason}</span>
                        <span className="text-slate-600"> · {from === to ? to : `${from} to ${to}`}</span>
                      </p>
                      <AlertActionForm alertId={ids} reason={a.reason} />
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
