import type { Metadata } from "next";
import Link from "next/link";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { SelectField } from "@/app/_components/ui/select-field";
import { requireTrainer } from "@/lib/auth/guards";
import { listGroups, listTrainers } from "@/lib/data/athletes";
import { getMe } from "@/lib/data/clinics";
import { listGoodNews, listTriage } from "@/lib/data/triage";
import { triageQuerySchema } from "@/lib/validation/triage";
import { GoodNewsTable } from "./_components/good-news-table";
import { TriageTable } from "./_components/triage-table";
import { requestLocale } from "@/lib/format/request-locale";

export const metadata: Metadata = { title: "Needs attention" };

const SEVERITY_OPTIONS = [
  { value: "", label: "All severities" },
  { value: "urgent", label: "Urgent" },
  { value: "high", label: "High" },
  { value: "moderate", label: "Moderate" },
  { value: "good_news", label: "Good news only" },
];

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireTrainer();
  const query = triageQuerySchema.parse(await searchParams);
  const [triage, goodNews, trainers, groups, me, locale] = await Promise.all([listTriage(scope, query), listGoodNews(scope, query), listTrainers(scope), listGroups(scope), getMe(scope), requestLocale()]);
  const filtered = Boolean(query.trainer || query.group || query.severity);

  return (
    <>
      <h1 className="text-2xl font-bold">Needs attention</h1>
      <p className="mt-1 text-slate-700">Welcome, {me.name}. One row per athlete with open alerts, most urgent first.</p>

      <form method="get" action="/dashboard" role="search" aria-label="Filter the triage view" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <SelectField label="Trainer" name="trainer" defaultValue={query.trainer ?? ""} options={[{ value: "", label: "All trainers" }, ...trainers.map((t) => ({ value: t.id, label: t.id === me.id ? `${t.name} (me)` : t.name }))]} />
        <SelectField label="Group" name="group" defaultValue={query.group ?? ""} options={[{ value: "", label: "All groups" }, ...groups.map((g) => ({ value: g, label: g }))]} />
        <SelectField label="Severity" name="severity" defaultValue={query.severity ?? ""} options={SEVERITY_OPTIONS} />
        {/* the sort survives a change of filters; the page starts again at 1 */}
        {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className={secondaryButton}>
          Apply filters
        </button>
        {filtered ? (
          <Link href="/dashboard" className="py-2 text-sm font-semibold text-brand-700 underline">
            Clear filters
          </Link>
        ) : null}
      </form>

      {query.severity !== "good_news" ? (
        <section aria-labelledby="open-alerts" className="mt-6">
          <h2 id="open-alerts" className="text-lg font-semibold">
            Open alerts <span className="text-base font-normal text-slate-600">({triage.total} {triage.total === 1 ? "athlete" : "athletes"})</span>
          </h2>
          <TriageTable data={triage} query={query} filtered={filtered} locale={locale} />
        </section>
      ) : null}

      {!query.severity || query.severity === "good_news" ? (
        <section aria-labelledby="good-news" className="mt-8">
          <h2 id="good-news" className="text-lg font-semibold">
            Good news <span className="text-base font-normal text-slate-600">({goodNews.total} ready to progress)</span>
          </h2>
          <GoodNewsTable data={goodNews} query={query} locale={locale} />
        </section>
      ) : null}
    </>
  );
}
