import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton, secondaryButton } from "@/app/_components/ui/button-styles";
import { requireTrainer } from "@/lib/auth/guards";
import { listAthletes, listGroups, listTrainers } from "@/lib/data/athletes";
import { rosterQuerySchema, STATUS_LABELS } from "@/lib/validation/athletes";
import { RosterFilters } from "../_components/roster-filters";
import { RosterTable } from "../_components/roster-table";

export const metadata: Metadata = { title: "Athletes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AthletesPage({ searchParams }: Props) {
  const scope = await requireTrainer();
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== ""));
  const query = rosterQuerySchema.parse(flat);
  const pageSize = query.pageSize ?? 25;
  const [roster, trainers, groups] = await Promise.all([listAthletes(scope, { ...query, pageSize }), listTrainers(scope), listGroups(scope)]);
  const filtered = Boolean(query.q || query.status || query.group || query.trainer);
  const pages = Math.max(1, Math.ceil(roster.total / pageSize));

  const pageHref = (page: number) => {
    const params = new URLSearchParams(flat as Record<string, string>);
    params.set("page", String(page));
    return `/athletes?${params.toString()}`;
  };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Athletes</h1>
        <div className="flex gap-2">
          <Link href="/athletes/import" className={secondaryButton}>
            Import CSV
          </Link>
          <Link href="/athletes/new" className={primaryButton}>
            Add athlete
          </Link>
        </div>
      </div>

      <RosterFilters
        query={query}
        trainers={trainers.map((t) => ({ value: t.id, label: t.name }))}
        groups={groups}
        statuses={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
      />

      {roster.total === 0 ? (
        <section className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          {filtered ? (
            <>
              <h2 className="text-lg font-semibold">No athletes match these filters</h2>
              <p className="mt-1 text-slate-700">
                Try a shorter search, or{" "}
                <Link href="/athletes" className="font-semibold text-brand-700 underline">
                  clear the filters
                </Link>
                .
              </p>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold">Your roster is empty</h2>
              <p className="mx-auto mt-1 max-w-md text-slate-700">
                Add your first athlete, or import your roster from a spreadsheet. Then create an invitation link so they can
                check in from their phone.
              </p>
              <div className="mt-4 flex justify-center gap-2">
                <Link href="/athletes/new" className={primaryButton}>
                  Add athlete
                </Link>
                <Link href="/athletes/import" className={secondaryButton}>
                  Import CSV
                </Link>
              </div>
            </>
          )}
        </section>
      ) : (
        <>
          <p className="mt-4 text-sm text-slate-700" aria-live="polite">
            {roster.total} athlete{roster.total === 1 ? "" : "s"}
            {filtered ? " match" : ""}
            {pages > 1 ? ` · page ${roster.page} of ${pages}` : ""}
          </p>
          <RosterTable rows={roster.items} />
          {pages > 1 ? (
            <nav aria-label="Pages" className="mt-4 flex items-center gap-3">
              {roster.page > 1 ? (
                <Link href={pageHref(roster.page - 1)} className={secondaryButton}>
                  Previous page
                </Link>
              ) : null}
              {roster.page < pages ? (
                <Link href={pageHref(roster.page + 1)} className={secondaryButton}>
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
