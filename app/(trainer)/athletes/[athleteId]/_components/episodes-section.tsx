import type { TrainerScope } from "@/lib/auth/scope";
import { getEpisodesAndLinks } from "@/lib/data/clinical-notes";
import type { EpisodeView } from "@/lib/data/episodes";
import { formatDay } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { ResolveEpisodeForm, StartEpisodeForm } from "./clinical-forms";

const SIDE: Record<string, string> = { left: "left side", right: "right side", both: "both sides" };

const describe = (e: EpisodeView) => `${e.condition}${e.side ? `, ${SIDE[e.side]}` : ""}`;

/** Staff only (issue 18): the current injury episode, resolving it, starting the next, and the history. */
export async function EpisodesSection({ scope, athleteId, today, archived }: { scope: TrainerScope; athleteId: string; today: string; archived: boolean }) {
  const [{ episodes }, locale] = await Promise.all([getEpisodesAndLinks(scope, athleteId), requestLocale()]);
  const current = episodes.find((e) => e.status === "active") ?? null;
  const past = episodes.filter((e) => e.status !== "active");
  const day = (d: string | null) => (d ? formatDay(d, locale) : "not recorded");
  return (
    <section id="episodes" aria-labelledby="episodes-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="episodes-heading" className="text-lg font-semibold">
        Injury episodes
      </h2>
      {current ? (
        <div className="mt-2 rounded-md bg-slate-50 p-3">
          <h3 className="text-base font-semibold">Current episode</h3>
          <p className="mt-1 break-words">
            <strong>{describe(current)}</strong> · onset {day(current.onsetDate)}
            {current.openedByName ? <span className="text-slate-700"> · opened by {current.openedByName}</span> : null}
          </p>
          {archived ? null : (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm font-semibold text-brand-700">Resolve this episode</summary>
              <div className="mt-2">
                <ResolveEpisodeForm athleteId={athleteId} episodeId={current.id} today={today} onsetDate={current.onsetDate} />
              </div>
            </details>
          )}
        </div>
      ) : (
        <div className="mt-2">
          <p className="text-sm text-slate-700">No active episode. Alerts and program changes from now on belong to no episode until you start one.</p>
          {archived ? null : (
            <div className="mt-3">
              <h3 className="text-base font-semibold">Start a new episode</h3>
              <StartEpisodeForm athleteId={athleteId} today={today} />
            </div>
          )}
        </div>
      )}
      {past.length ? (
        <div className="mt-4">
          <h3 className="text-base font-semibold">Earlier episodes</h3>
          <ol className="mt-1 divide-y divide-slate-100 text-sm">
            {past.map((e) => (
              <li key={e.id} className="py-2 break-words">
                <span className="font-medium">{describe(e)}</span> · {day(e.onsetDate)} to {day(e.resolvedOn)}
                {e.resolvedByName ? ` · resolved by ${e.resolvedByName}` : ""}
                {e.resolutionNote ? <span className="block whitespace-pre-line text-slate-700">{e.resolutionNote}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
