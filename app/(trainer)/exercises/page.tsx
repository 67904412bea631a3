import type { Metadata } from "next";
import Link from "next/link";
import { primaryButton, secondaryButton } from "@/app/_components/ui/button-styles";
import { requireTrainer } from "@/lib/auth/guards";
import { listExercises } from "@/lib/data/exercises";
import { listLadders } from "@/lib/data/ladders";
import { formatDosage } from "@/lib/domain/dosage";
import { libraryQuerySchema } from "@/lib/validation/exercises";
import { KIND_LABELS, REGION_LABELS } from "@/lib/validation/programs";
import { ArchiveLadderButton, LadderForm } from "./_components/library-forms";

export const metadata: Metadata = { title: "Exercises" };

const REGIONS = Object.entries(REGION_LABELS) as [keyof typeof REGION_LABELS, string][];
const KINDS = Object.entries(KIND_LABELS) as [keyof typeof KIND_LABELS, string][];

export default async function ExercisesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireTrainer();
  const raw = await searchParams;
  const parsed = libraryQuerySchema.safeParse({ q: typeof raw.q === "string" ? raw.q : undefined, region: raw.region, kind: raw.kind, ladderId: raw.ladderId });
  const filters = parsed.success ? parsed.data : {};
  const [ladders, exercises] = await Promise.all([listLadders(scope, { region: filters.region, kind: filters.kind }), listExercises(scope, { q: filters.q || undefined, region: filters.region, kind: filters.kind })]);
  const shownLadders = filters.ladderId ? ladders.filter((l) => l.id === filters.ladderId) : ladders;
  const q = filters.q?.toLowerCase();

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Exercises</h1>
        <Link href="/exercises/new" className={primaryButton}>
          Add exercise
        </Link>
      </div>

      <form role="search" className="mt-4 flex flex-wrap items-end gap-3" action="/exercises">
        <div className="flex flex-col gap-1">
          <label htmlFor="library-q" className="text-sm font-medium text-slate-800">
            Search by name
          </label>
          <input id="library-q" name="q" type="search" defaultValue={filters.q ?? ""} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="library-region" className="text-sm font-medium text-slate-800">
            Region
          </label>
          <select key={filters.region ?? ""} id="library-region" name="region" defaultValue={filters.region ?? ""} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm">
            <option value="">All regions</option>
            {REGIONS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="library-kind" className="text-sm font-medium text-slate-800">
            Kind
          </label>
          <select key={filters.kind ?? ""} id="library-kind" name="kind" defaultValue={filters.kind ?? ""} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm">
            <option value="">Strength and stretching</option>
            {KINDS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="library-ladder" className="text-sm font-medium text-slate-800">
            Ladder
          </label>
          <select key={filters.ladderId ?? ""} id="library-ladder" name="ladderId" defaultValue={filters.ladderId ?? ""} className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm">
            <option value="">All ladders</option>
            {ladders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={secondaryButton}>
          Show
        </button>
      </form>

      <section aria-labelledby="ladders-heading" className="mt-8">
        <h2 id="ladders-heading" className="text-lg font-semibold">
          Progression ladders <span className="text-sm font-normal text-slate-600">(easiest → hardest)</span>
        </h2>
        <div className="mt-3 flex flex-col gap-4">
          {shownLadders.map((l) => (
            <section key={l.id} aria-label={`${l.name} ladder`} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">
                  {l.name} <span className="text-sm font-normal text-slate-600">· {REGION_LABELS[l.region as keyof typeof REGION_LABELS] ?? l.region}{l.builtin ? " · built-in" : " · your clinic"}</span>
                </h3>
                {!l.builtin ? <ArchiveLadderButton ladderId={l.id} name={l.name} /> : null}
              </div>
              {l.steps.length === 0 ? <p className="mt-2 text-sm text-slate-700">No steps yet. Open one of your exercises to place it on this ladder.</p> : null}
              <ol className="mt-3 flex flex-wrap gap-2 pb-2">
                {l.steps.map((s, i) => (
                  <li key={s.exerciseId} className="flex shrink-0 items-center gap-2">
                    {i > 0 ? <span aria-hidden="true" className="text-slate-500">→</span> : null}
                    <Link
                      href={`/exercises/${s.exerciseId}`}
                      className={`block w-40 rounded-md border px-3 py-2 text-sm hover:bg-slate-50 ${q && s.name.toLowerCase().includes(q) ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}
                    >
                      <span className="block text-xs text-slate-600">Step {i + 1}{s.builtin ? "" : " · yours"}</span>
                      <span className="font-medium">{s.name}</span>
                    </Link>
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
        <details className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold text-brand-700">Add a ladder</summary>
          <div className="mt-3">
            <LadderForm />
          </div>
        </details>
      </section>

      <section aria-labelledby="all-heading" className="mt-8">
        <h2 id="all-heading" className="text-lg font-semibold">
          {filters.q ? `Exercises matching “${filters.q}”` : "All exercises"} ({exercises.length})
        </h2>
        {exercises.length === 0 ? <p className="mt-2 text-slate-700">No exercises match. Try another name, region or kind.</p> : null}
        <ul className="mt-3 grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {exercises.map((e) => (
            <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
              <Link href={`/exercises/${e.id}`} className="font-semibold text-brand-700 underline">
                {e.name}
              </Link>
              <p className="text-sm text-slate-700">
                {REGION_LABELS[e.region as keyof typeof REGION_LABELS] ?? e.region}
                {e.kind === "mobility" ? " · stretching and mobility" : ""}
                {e.ladder ? ` · ${e.ladder.name} step ${e.ladder.step} of ${e.ladder.of}` : " · not on a ladder"}
                {e.builtin ? "" : " · your clinic"}
              </p>
              <p className="text-sm text-slate-600">{formatDosage({ ...e.defaultDosage, perSide: e.perSide })}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
