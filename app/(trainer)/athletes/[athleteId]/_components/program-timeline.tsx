import { formatDosage } from "@/lib/domain/dosage";
import type { DosageSnapshot, ProgramEventView } from "@/lib/data/programs";

const VERB: Record<ProgramEventView["kind"], string> = {
  added: "added",
  dosage_changed: "changed the dosage of",
  progressed: "progressed",
  regressed: "regressed",
  paused: "paused",
  resumed: "resumed",
  removed: "removed",
};

const dose = (d: DosageSnapshot | null) => (d ? formatDosage(d) : "");

function describe(e: ProgramEventView): { title: string; detail: string | null } {
  const who = e.actorName ?? "Someone";
  switch (e.kind) {
    case "progressed":
    case "regressed":
      return {
        title: `${who} ${VERB[e.kind]} ${e.fromExercise} (step ${e.fromStep}) → ${e.toExercise} (step ${e.toStep})`,
        detail: `${dose(e.before)} → ${dose(e.after)}`,
      };
    case "dosage_changed":
      return { title: `${who} ${VERB[e.kind]} ${e.toExercise ?? e.fromExercise}`, detail: `${dose(e.before)} → ${dose(e.after)}` };
    case "added":
      return { title: `${who} added ${e.toExercise}`, detail: dose(e.after) };
    default:
      return { title: `${who} ${VERB[e.kind]} ${e.fromExercise}`, detail: null };
  }
}

const SHOWN = 5;

function Events({ events, fmt, label }: { events: ProgramEventView[]; fmt: Intl.DateTimeFormat; label: string }) {
  return (
    <ol className="flex flex-col gap-3 border-l-2 border-slate-200 pl-4" aria-label={label}>
      {events.map((e) => {
        const { title, detail } = describe(e);
        return (
          <li key={e.id} className="min-w-0 text-sm break-words">
            <p className="font-medium">{title}</p>
            <p className="text-slate-600">
              <time dateTime={e.at.toISOString()}>{fmt.format(e.at)}</time>
              {detail ? ` · ${detail}` : null}
            </p>
            {e.reason ? <p className="text-slate-800">Why: {e.reason}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Every program change, newest first: who, when, from what to what, and why; the latest few in view. */
export function ProgramTimeline({ events, timeZone, locale }: { events: ProgramEventView[]; timeZone: string; locale: string }) {
  if (!events.length) return <p className="text-sm text-slate-700">No changes yet.</p>;
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <>
      <Events events={events.slice(0, SHOWN)} fmt={fmt} label="Program history" />
      {events.length > SHOWN ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Earlier program changes ({events.length - SHOWN})</summary>
          <div className="mt-3">
            <Events events={events.slice(SHOWN)} fmt={fmt} label="Older program changes" />
          </div>
        </details>
      ) : null}
    </>
  );
}
