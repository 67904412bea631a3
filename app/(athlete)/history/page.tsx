import type { Metadata } from "next";
import Link from "next/link";
import { requireAthlete } from "@/lib/auth/guards";
import { getClinic, getMe } from "@/lib/data/clinics";
import { getHistory } from "@/lib/data/history";
import { getRunCapNotice } from "@/lib/data/running-caps";
import { todayIn } from "@/lib/domain/dates";
import { formatDistance } from "@/lib/domain/units";
import { formatDay } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { ACTIVITY_LABELS } from "@/lib/validation/reporting";
import { RED_FLAG_QUESTIONS } from "@/lib/validation/red-flag-questions";
import { ArchiveEntryButton } from "./archive-entry-button";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ saved?: string; run?: string }> }) {
  const scope = await requireAthlete();
  const [days, me, sp, clinic, locale] = await Promise.all([getHistory(scope, scope.athleteId), getMe(scope), searchParams, getClinic(scope), requestLocale()]);
  // the year is left out for days of this year (the clinic's: a few hours either side of New Year do not matter here)
  const today = todayIn(clinic.timeZone);
  const capNotice = sp.saved === "activity" && sp.run ? await getRunCapNotice(scope, sp.run) : null;
  return (
    <>
      <h1 className="text-2xl font-bold">History</h1>
      <p className="text-sm text-slate-700">Check-ins and exercises from the last 90 days and your recent activities, newest first. You can change entries from the last 7 days.</p>
      {sp.saved ? (
        <p role="status" className="mt-3 rounded-md bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          Saved.{capNotice ? ` ${capNotice}` : ""}
        </p>
      ) : null}
      {days.length === 0 ? <p className="mt-6 text-slate-700">Nothing logged yet. Your check-ins, runs and exercises will appear here.</p> : null}
      <ol className="mt-4 flex flex-col gap-4">
        {days.map((d) => (
          <li key={d.date} className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{formatDay(d.date, locale, today)}</h2>
            <ul className="mt-2 flex flex-col gap-2 text-sm">
              {d.checkIn ? (
                <li>
                  Morning pain {d.checkIn.morningPain}/10
                  {RED_FLAG_QUESTIONS.filter((q) => d.checkIn!.redFlags[q.code]).map((q) => (
                    <span key={q.code} className="ml-2 inline-block rounded bg-red-50 px-1.5 text-red-800">
                      {q.question.replace(/\?$/, "")}
                    </span>
                  ))}
                  {d.checkIn.tapeYesterday ? <span className="ml-2 text-slate-600">tape</span> : null}
                </li>
              ) : null}
              {d.activities.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {ACTIVITY_LABELS[a.type]}
                    {a.distanceM ? ` ${formatDistance(a.distanceM, me.unit)}` : ""} · {Math.round(a.durationSec / 60)} min · effort {a.rpe}
                    {a.painDuring !== null || a.painAfter !== null ? ` · pain ${a.painDuring ?? "–"} during, ${a.painAfter ?? "–"} after` : ""}
                    {a.shoeName ? ` · ${a.shoeName}` : ""}
                    {a.source === "file" ? " · from a file" : ""}
                  </span>
                  {d.editable ? (
                    <span className="flex gap-3">
                      <Link href={`/history/activities/${a.id}/edit`} className="font-semibold text-brand-700 underline">
                        Edit<span className="sr-only"> {ACTIVITY_LABELS[a.type].toLowerCase()} on {formatDay(d.date, locale, today)}</span>
                      </Link>
                      <ArchiveEntryButton id={a.id} label={`${ACTIVITY_LABELS[a.type].toLowerCase()} on ${formatDay(d.date, locale, today)}`} />
                    </span>
                  ) : null}
                </li>
              ))}
              {d.exercises.map((l) => (
                <li key={l.id}>
                  {l.exerciseName}: {l.setsDone}/{l.setsPrescribed} sets{l.exercisePain !== null ? `, pain ${l.exercisePain}` : ""}
                  {l.couldNotFinish ? ", could not finish" : ""}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
