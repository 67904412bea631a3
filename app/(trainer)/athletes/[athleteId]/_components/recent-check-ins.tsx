import type { TrainerScope } from "@/lib/auth/scope";
import { getAthleteOverview } from "@/lib/data/athlete-overview";
import { shortDate } from "@/lib/domain/change-lines";
import { RED_FLAG_LABELS } from "@/lib/domain/red-flags";

/** The latest morning check-ins, read from the same records as the summary (no query of its own). */
export async function RecentCheckIns({ scope, athleteId }: { scope: TrainerScope; athleteId: string }) {
  const { recentCheckIns, today, lookbackDays } = await getAthleteOverview(scope, athleteId);
  return (
    <section id="check-ins" aria-labelledby="check-ins-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="check-ins-heading" className="text-lg font-semibold">
        Recent check-ins
      </h2>
      {recentCheckIns.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No check-in in the last {lookbackDays} days.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {recentCheckIns.map((c) => (
            <li key={c.date} className="min-w-0 py-2 break-words">
              <span className="font-medium">{shortDate(c.date, today)}</span>
              {" · "}
              {c.morningPain !== null ? `morning pain ${c.morningPain}/10` : "morning pain not reported"}
              {c.tape ? " · taped the day before" : ""}
              {c.redFlags.length ? (
                <span className="font-semibold text-red-800"> · red flags: {c.redFlags.map((f) => RED_FLAG_LABELS[f]).join(", ")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
