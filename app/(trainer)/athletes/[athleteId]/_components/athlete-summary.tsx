import { LIGHT_TEXT } from "@/app/_components/charts/traffic-light";
import type { TrainerScope } from "@/lib/auth/scope";
import { getAthleteOverview } from "@/lib/data/athlete-overview";
import type { AthleteProfile } from "@/lib/data/athletes";
import { getMe } from "@/lib/data/clinics";
import { shortDate } from "@/lib/domain/change-lines";
import { daysBetween } from "@/lib/domain/dates";
import type { LightCause } from "@/lib/domain/pain";
import { formatDistance } from "@/lib/domain/units";
import { STATUS_LABELS } from "@/lib/validation/athletes";

const CAUSE_WORDS: Record<LightCause, string> = {
  running_pain: "running pain above 5",
  morning_pain: "morning pain above 5",
  rise_2: "morning pain 2 or more above baseline",
  rise_1: "morning pain 1 above baseline",
  weekly_trend: "morning pain rising week on week",
};

const ago = (date: string, today: string) => {
  const n = daysBetween(date, today);
  return n === 0 ? "today" : n === 1 ? "yesterday" : `${n} days ago`;
};

function Tile({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{term}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** What a trainer reads first: the light, status, the caps in force and the latest reports. */
export async function AthleteSummary({ scope, athlete }: { scope: TrainerScope; athlete: AthleteProfile }) {
  const [overview, me] = await Promise.all([getAthleteOverview(scope, athlete.id), getMe(scope)]);
  const { light, lastCheckIn, lastRun, prescription, today } = overview;
  const rx = prescription && prescription.weeklyDistanceCapM !== null ? prescription : null;
  return (
    <section id="summary" aria-labelledby="summary-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="summary-heading" className="text-lg font-semibold">
        Summary
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Tile term="Running light">
          {light ? (
            <>
              <span className="inline-flex items-center gap-1.5 font-semibold">
                <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${LIGHT_TEXT[light.light].dot}`} />
                {LIGHT_TEXT[light.light].label}: {LIGHT_TEXT[light.light].advice}
              </span>
              <span className="block text-slate-700">
                {shortDate(light.date, today)}
                {light.causes.length ? ` · ${light.causes.map((c) => CAUSE_WORDS[c]).join("; ")}` : ""}
              </span>
            </>
          ) : (
            `No check-in in the last ${overview.lookbackDays} days`
          )}
        </Tile>
        <Tile term="Status">{STATUS_LABELS[athlete.status]}</Tile>
        <Tile term="Running prescription">
          {rx ? `Up to ${formatDistance(rx.weeklyDistanceCapM!, me.unit)} a week${rx.longestRunCapM !== null ? `, longest run ${formatDistance(rx.longestRunCapM, me.unit)}` : ""}` : "None set"}
        </Tile>
        <Tile term="Last check-in">
          {lastCheckIn ? (
            <>
              {shortDate(lastCheckIn.date, today)} ({ago(lastCheckIn.date, today)})
              {lastCheckIn.morningPain !== null ? ` · morning pain ${lastCheckIn.morningPain}/10` : " · morning pain not reported"}
            </>
          ) : (
            `None in the last ${overview.lookbackDays} days`
          )}
        </Tile>
        <Tile term="Last run">
          {lastRun ? (
            <>
              {shortDate(lastRun.date, today)}
              {lastRun.distanceM !== null ? ` · ${formatDistance(lastRun.distanceM, me.unit)}` : ""}
              {lastRun.runningPain !== null ? ` · running pain ${lastRun.runningPain}/10` : ""}
            </>
          ) : (
            `None in the last ${overview.lookbackDays} days`
          )}
        </Tile>
        <Tile term="Trainer">{athlete.trainerName ?? "None assigned"}</Tile>
      </dl>
      {athlete.notes ? (
        <div className="mt-3">
          <h3 className="text-sm font-semibold text-slate-700">Notes</h3>
          <p className="text-sm whitespace-pre-line break-words text-slate-800">{athlete.notes}</p>
        </div>
      ) : null}
    </section>
  );
}
