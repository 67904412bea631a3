import Link from "next/link";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import type { TrainerScope } from "@/lib/auth/scope";
import { listActivities } from "@/lib/data/activities";
import { getMe } from "@/lib/data/clinics";
import { formatDistance } from "@/lib/domain/units";
import { ACTIVITY_LABELS } from "@/lib/validation/reporting";
import { formatDay } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";

/** The athlete's latest activities, with the trainer's way to add or correct one. */
export async function RecentEntries({ scope, athleteId, athleteName }: { scope: TrainerScope; athleteId: string; athleteName: string }) {
  const [items, me, locale] = await Promise.all([listActivities(scope, athleteId, {}, "desc", 8), getMe(scope), requestLocale()]);
  return (
    <section id="entries" aria-labelledby="entries-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Recent activities
        </h2>
        <Link href={`/athletes/${athleteId}/log`} className={`${secondaryButton} no-print text-sm`}>
          Log an activity for {athleteName}
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">Nothing logged yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0">
                <time dateTime={a.date}>{formatDay(a.date, locale)}</time> · {ACTIVITY_LABELS[a.type]}
                {a.distanceM ? ` ${formatDistance(a.distanceM, me.unit)}` : ""} · {Math.round(a.durationSec / 60)} min · effort {a.rpe}
                {a.painDuring !== null || a.painAfter !== null ? ` · pain ${a.painDuring ?? "–"}/${a.painAfter ?? "–"}` : ""}
              </span>
              <Link href={`/athletes/${athleteId}/activities/${a.id}/edit`} className="font-semibold text-brand-700 underline">
                Correct<span className="sr-only"> the {ACTIVITY_LABELS[a.type].toLowerCase()} on {formatDay(a.date, locale)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
