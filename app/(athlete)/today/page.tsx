import type { Metadata } from "next";
import Link from "next/link";
import { AdviceCard } from "@/app/(athlete)/_components/advice-card";
import { primaryButton, secondaryButton } from "@/app/_components/ui/button-styles";
import { requireAthlete } from "@/lib/auth/guards";
import { getRunCapNotice } from "@/lib/data/running-caps";
import { ExerciseMedia } from "@/app/_components/media/exercise-media";
import { mediaForProgram } from "@/lib/data/exercise-media";
import { getToday } from "@/lib/data/today";
import { formatDosage, formatRunWalk } from "@/lib/domain/dosage";
import { formatDistance } from "@/lib/domain/units";
import { formatWeekSoFar } from "@/lib/domain/week-so-far";
import { ACTIVITY_LABELS } from "@/lib/validation/reporting";
import { RED_FLAG_QUESTIONS } from "@/lib/validation/red-flag-questions";
import { CheckInForm } from "./check-in-form";
import { ExerciseTick } from "./exercise-tick";
import { formatLongDay } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { ReturnToRunCard } from "./return-to-run-card";

export const metadata: Metadata = { title: "Today" };

const SAVED: Record<string, string> = { "check-in": "Check-in saved. Thank you!", activity: "Activity saved." };

export default async function TodayPage({ searchParams }: { searchParams: Promise<{ saved?: string; edit?: string; run?: string }> }) {
  const scope = await requireAthlete();
  const [t, sp, locale, media] = await Promise.all([getToday(scope), searchParams, requestLocale(), mediaForProgram(scope, scope.athleteId)]);
  const dateLabel = formatLongDay(t.today, locale);
  const editing = sp.edit === "check-in" || !t.checkIn;
  const flagsYes = t.checkIn ? RED_FLAG_QUESTIONS.filter((q) => t.checkIn!.redFlags[q.code]) : [];
  const rx = t.prescription;
  const runWalk = rx ? formatRunWalk(rx.runIntervalSec, rx.walkIntervalSec) : null;
  const done = t.items.filter((i) => i.doneToday).length;
  const week = t.weekSoFar;
  const weekLine = formatWeekSoFar(week, t.unit);
  const over = week.caps ? [week.distanceM > week.caps.weeklyM ? "weekly distance" : null, week.longestM !== null && week.longestM > week.caps.longestM ? "longest run" : null].filter((x) => x !== null) : [];
  const capNotice = sp.saved === "activity" && sp.run ? await getRunCapNotice(scope, sp.run) : null;

  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">Today</h1>
        <p className="text-slate-700">{dateLabel}</p>
        <p className="mt-2 text-sm text-slate-800">{t.yesterday}</p>
      </div>
      {sp.saved && SAVED[sp.saved] ? (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
          {SAVED[sp.saved]}
          {capNotice ? ` ${capNotice}` : ""}
        </p>
      ) : null}

      <AdviceCard advice={t.advice} today={t.today} />

      <section aria-labelledby="checkin-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="checkin-heading" className="mb-3 text-lg font-semibold">
          Morning check-in
        </h2>
        {editing ? (
          <CheckInForm existing={t.checkIn} today={t.today} />
        ) : (
          <div className="text-sm">
            <p>
              Knee pain this morning: <strong>{t.checkIn!.morningPain}/10</strong>
            </p>
            <p>{flagsYes.length ? `You reported: ${flagsYes.map((q) => q.question.replace(/\?$/, "").toLowerCase()).join("; ")}. Your trainer will see this.` : "No warning signs."}</p>
            <Link href="/today?edit=check-in" className="mt-2 inline-block font-semibold text-brand-700 underline">
              Change today&apos;s check-in
            </Link>
          </div>
        )}
      </section>

      <ReturnToRunCard scope={scope} today={t.today} />

      <section aria-labelledby="running-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="running-heading" className="text-lg font-semibold">
          Running this week
        </h2>
        {t.onLadder ? (
          <p className="mt-1 text-sm text-slate-800">
            While you are on the return-to-run plan, your stage sets your running (see Return to run above); the distance limits are paused.
          </p>
        ) : weekLine ? (
          <>
            <p className="mt-1 text-sm text-slate-800">
              <strong>{weekLine}.</strong>
              {over.length ? ` Over your trainer's limit (${over.join(" and ")}): your trainer will see it.` : ""}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              This week means the last 7 days, today included.
              {runWalk ? ` ${runWalk}.` : ""}
              {rx?.note ? ` ${rx.note}` : ""}
            </p>
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-800">
            {rx
              ? `Up to ${formatDistance(rx.weeklyDistanceM, t.unit)} in total this week, no single run longer than ${formatDistance(rx.longestRunM, t.unit)}${runWalk ? `, ${runWalk.toLowerCase()}` : ""}.`
              : "Your trainer has not set running limits yet. Run only as much as keeps your knee calm by the next morning."}
            {rx?.note ? ` ${rx.note}` : ""}
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <Link href="/log" className={primaryButton}>
            Log a run or cross-training
          </Link>
          <Link href="/log/import" className={secondaryButton}>
            Import from a watch
          </Link>
        </div>
        {t.activities.length ? (
          <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label="Today's activities">
            {t.activities.map((a) => (
              <li key={a.id} className="py-2">
                {ACTIVITY_LABELS[a.type]}
                {a.distanceM ? ` ${formatDistance(a.distanceM, t.unit)}` : ""} · {Math.round(a.durationSec / 60)} min · effort {a.rpe}
                {a.painDuring !== null || a.painAfter !== null ? ` · pain ${a.painDuring ?? "–"}/${a.painAfter ?? "–"}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="exercises-heading">
        <h2 id="exercises-heading" className="text-lg font-semibold">
          Exercises {t.items.length ? `(${done} of ${t.items.length} done)` : ""}
        </h2>
        {t.items.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">Your trainer has not assigned exercises yet.</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-3">
            {t.items.map((i) => (
              <ExerciseTick
                // a new day is a new tick (with a new submission id), even if the page stayed open overnight
                key={`${i.id}:${t.today}`}
                today={t.today}
                itemId={i.id}
                name={i.exerciseName}
                dosage={formatDosage(i)}
                sets={i.sets}
                done={i.doneToday}
                media={<ExerciseMedia name={i.exerciseName} media={media.get(i.exerciseId)} />}
              />
            ))}
          </ul>
        )}
        <Link href="/program" className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
          How to do each exercise
        </Link>
      </section>
    </div>
  );
}
