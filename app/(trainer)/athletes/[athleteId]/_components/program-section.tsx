import Link from "next/link";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { requireTrainer } from "@/lib/auth/guards";
import { getClinic, getMe } from "@/lib/data/clinics";
import { listExercises } from "@/lib/data/exercises";
import { getProgramPage } from "@/lib/data/program-page";
import { listTemplates } from "@/lib/data/templates";
import { formatDosage, formatRunWalk } from "@/lib/domain/dosage";
import { formatDistance, metresTo } from "@/lib/domain/units";
import { exerciseGroup } from "@/lib/validation/programs";
import { AddItemForm, ApplyTemplateForm, DosageForm, PrescriptionForm, SaveTemplateForm, StatusButton, StepForm } from "./program-forms";
import { ProgramTimeline } from "./program-timeline";
import { SuggestionLine } from "./charts/suggestion-line";
import { getAthleteOverview } from "@/lib/data/athlete-overview";
import { formatDate } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";

const card = "min-w-0 rounded-lg border border-slate-200 bg-white p-4";
const round1 = (n: number) => String(Math.round(n * 10) / 10);

/**
 * The athlete's program on the trainer's athlete page: items with one-click progress/regress,
 * dosage, pause and remove; apply or save a template and add an exercise behind one disclosure.
 */
export async function ProgramSection({ athleteId }: { athleteId: string }) {
  const scope = await requireTrainer();
  const [{ program }, templates, exercises, overview] = await Promise.all([getProgramPage(scope, athleteId), listTemplates(scope), listExercises(scope), getAthleteOverview(scope, athleteId)]);
  const suggestions = overview.suggestions;
  const exerciseOptions = exercises.map((e) => ({
    value: e.id,
    label: e.ladder ? `${e.name} (${e.ladder.name} ${e.ladder.step}/${e.ladder.of})` : e.name,
    group: exerciseGroup(e),
    dosage: e.defaultDosage,
  }));
  const templateOptions = templates.map((t) => ({ value: t.id, label: `${t.name} (${t.itemCount})`, group: t.builtin ? "Built-in" : "Your clinic" }));
  const empty = program.items.length === 0;

  return (
    <section id="program" aria-labelledby="program-heading" className={card}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="program-heading" className="text-lg font-semibold">
          Program
        </h2>
        <Link href={`/athletes/${athleteId}/print`} className={`${secondaryButton} no-print text-sm`}>
          Print home program
        </Link>
      </div>
      {program.items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No exercises yet. Apply a template or add an exercise below.</p>
      ) : (
        <ul className="mt-4 flex flex-col gap-4" aria-label="Program exercises">
          {program.items.map((item) => (
            <li key={item.id} className="min-w-0 rounded-md border border-slate-200 p-4" aria-label={item.exerciseName}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <h3 className="font-semibold">
                    <Link href={`/exercises/${item.exerciseId}`} className="hover:underline">
                      {item.exerciseName}
                    </Link>
                    {item.status === "paused" ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Paused</span> : null}
                  </h3>
                  <p className="text-sm text-slate-600">{item.ladder ? `${item.ladder.name} · step ${item.ladder.step} of ${item.ladder.of}` : "Not on a ladder"}</p>
                  <p className="mt-1 font-medium" data-testid="dosage">
                    {formatDosage(item)}
                  </p>
                  {item.note ? <p className="text-sm text-slate-700">{item.note}</p> : null}
                  <SuggestionLine suggestion={suggestions.get(item.id)} />
                </div>
                <div className="flex gap-2">
                  <StatusButton itemId={item.id} status={item.status === "paused" ? "active" : "paused"} label={item.status === "paused" ? "Resume" : "Pause"} exerciseName={item.exerciseName} />
                  <StatusButton itemId={item.id} status="removed" label="Remove" exerciseName={item.exerciseName} />
                </div>
              </div>
              <div className="mt-3">
                <StepForm itemId={item.id} exerciseName={item.exerciseName} progress={item.progress} regress={item.regress} />
              </div>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">Change dosage</summary>
                <div className="mt-3">
                  <DosageForm itemId={item.id} defaults={item} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {/* open while the program is empty: applying a template is then the first thing to do */}
      <details className="mt-4 min-w-0" open={empty}>
        <summary className="cursor-pointer font-semibold text-brand-700">Change the program: apply a template, save it as one, add an exercise</summary>
        <div className="mt-3 grid min-w-0 gap-6 md:grid-cols-2">
          <div className="min-w-0">
            <h3 className="mb-2 font-semibold">Apply a template</h3>
            <ApplyTemplateForm athleteId={athleteId} templates={templateOptions} />
          </div>
          <div className="min-w-0">
            <h3 className="mb-2 font-semibold">Save this program as a template</h3>
            <SaveTemplateForm athleteId={athleteId} />
          </div>
          <div className="min-w-0 md:col-span-2">
            <h3 className="mb-2 font-semibold">Add an exercise</h3>
            <AddItemForm athleteId={athleteId} exercises={exerciseOptions} />
          </div>
        </div>
      </details>
    </section>
  );
}

/** The running caps in force, the form to change them, and the earlier ones. */
export async function RunningPrescriptionSection({ athleteId }: { athleteId: string }) {
  const scope = await requireTrainer();
  const [{ prescriptions }, me, clinic, locale] = await Promise.all([getProgramPage(scope, athleteId), getMe(scope), getClinic(scope), requestLocale()]);
  const current = prescriptions[0] ?? null;
  const unit = me.unit;
  return (
    <section id="running" aria-labelledby="running-heading" className={card}>
      <h2 id="running-heading" className="text-lg font-semibold">
        Running prescription
      </h2>
      {current ? (
        <p className="mt-1 text-sm text-slate-800">
          Up to {formatDistance(current.weeklyDistanceM, unit)} a week, longest run {formatDistance(current.longestRunM, unit)}
          {formatRunWalk(current.runIntervalSec, current.walkIntervalSec) ? ` · ${formatRunWalk(current.runIntervalSec, current.walkIntervalSec)}` : ""}
          {current.note ? ` · ${current.note}` : ""}
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-700">No running prescription yet.</p>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">{current ? "Change the running prescription" : "Set a running prescription"}</summary>
        <div className="mt-3">
          <PrescriptionForm
            athleteId={athleteId}
            unit={unit}
            current={
              current
                ? {
                    weekly: round1(metresTo(current.weeklyDistanceM, unit)),
                    longest: round1(metresTo(current.longestRunM, unit)),
                    runMinutes: current.runIntervalSec ? String(current.runIntervalSec / 60) : "",
                    walkMinutes: current.walkIntervalSec ? String(current.walkIntervalSec / 60) : "",
                    note: current.note ?? "",
                  }
                : null
            }
          />
        </div>
      </details>
      {prescriptions.length > 1 ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Earlier prescriptions ({prescriptions.length - 1})</summary>
          <ul className="mt-2 flex flex-col gap-1 text-sm text-slate-700">
            {prescriptions.slice(1).map((p) => (
              <li key={p.id}>
                {formatDate(p.setAt, locale, clinic.timeZone)}: {formatDistance(p.weeklyDistanceM, unit)} a week, longest{" "}
                {formatDistance(p.longestRunM, unit)}
                {p.setByName ? ` (${p.setByName})` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** Every program change, the latest few in view. */
export async function ProgramHistorySection({ athleteId }: { athleteId: string }) {
  const scope = await requireTrainer();
  const [{ history }, clinic, locale] = await Promise.all([getProgramPage(scope, athleteId), getClinic(scope), requestLocale()]);
  return (
    <section id="program-history" aria-labelledby="program-history-heading" className={card}>
      <h2 id="program-history-heading" className="text-lg font-semibold">
        Program history
      </h2>
      <div className="mt-3">
        <ProgramTimeline events={history} timeZone={clinic.timeZone} locale={locale} />
      </div>
    </section>
  );
}
