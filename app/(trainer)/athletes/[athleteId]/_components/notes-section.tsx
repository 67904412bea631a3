import Link from "next/link";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import type { TrainerScope } from "@/lib/auth/scope";
import { listNoteLinks, listNotes, type NoteView } from "@/lib/data/clinical-notes";
import { formatDateTime, formatDay } from "@/lib/format/dates";
import { requestLocale } from "@/lib/format/request-locale";
import { ArchiveNoteForm, EditNoteForm, NoteForm } from "./clinical-forms";

const KIND: Record<string, string> = { added: "Added", dosage_changed: "Dosage changed", progressed: "Progressed", regressed: "Regressed", paused: "Paused", resumed: "Resumed", removed: "Removed" };

/**
 * Staff only (issue 18): the athlete's clinical notes, newest first, filtered on the server by the
 * ?notes= text. The author edits or archives a note for 24 hours; after that a note is corrected by
 * a new note, and the old one is shown as corrected, never rewritten.
 */
export async function NotesSection({ scope, athleteId, q, timeZone, archived }: { scope: TrainerScope; athleteId: string; q: string | undefined; timeZone: string; archived: boolean }) {
  const [notes, links, locale] = await Promise.all([listNotes(scope, athleteId, { q }), listNoteLinks(scope, athleteId), requestLocale()]);
  const at = (d: Date) => formatDateTime(d, locale, timeZone);
  const options = {
    alerts: links.alerts.map((a) => ({ value: a.id, label: `${formatDay(a.date, locale)}: ${a.reason}` })),
    programEvents: links.programEvents.map((e) => ({ value: e.id, label: `${at(e.at)}: ${KIND[e.kind] ?? e.kind}${e.exercise ? ` ${e.exercise}` : ""}` })),
    episodes: links.episodes.map((e) => ({ value: e.id, label: `${e.condition}${e.onsetDate ? ` (from ${formatDay(e.onsetDate, locale)})` : ""}${e.status === "resolved" ? ", resolved" : ""}` })),
  };
  return (
    <section id="notes" aria-labelledby="notes-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="notes-heading" className="text-lg font-semibold">
        Clinical notes <span className="text-sm font-normal text-slate-600">(staff only)</span>
      </h2>
      {archived ? null : (
        <div className="mt-2">
          <NoteForm athleteId={athleteId} links={options} />
        </div>
      )}
      <form method="get" action={`/athletes/${athleteId}#notes`} role="search" aria-label="Clinical notes" className="mt-3 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="notes-filter" className="text-sm font-medium text-slate-800">
            Search notes
          </label>
          <input id="notes-filter" name="notes" type="search" maxLength={200} defaultValue={q ?? ""} className="max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm" />
        </div>
        <button type="submit" className={secondaryButton}>
          Search
        </button>
        {q ? (
          <Link href={`/athletes/${athleteId}#notes`} className="py-2 text-sm font-semibold text-brand-700 underline">
            Show all notes
          </Link>
        ) : null}
      </form>
      {notes.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">{q ? `No note contains “${q}”.` : "No clinical notes yet."}</p>
      ) : (
        <ol className="mt-3 flex flex-col gap-3" aria-label="Clinical notes, newest first">
          {notes.map((n) => (
            <NoteItem key={n.id} note={n} athleteId={athleteId} at={at} locale={locale} archived={archived} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteItem({ note: n, athleteId, at, locale, archived }: { note: NoteView; athleteId: string; at: (d: Date) => string; locale: string; archived: boolean }) {
  const isCorrected = n.correctedByNoteId !== null;
  return (
    <li id={`note-${n.id}`} className={`min-w-0 rounded-md border p-3 ${isCorrected ? "border-amber-300 bg-amber-50" : "border-slate-200"}`}>
      <article aria-label={`Note by ${n.authorName ?? "a former staff member"}, ${at(n.createdAt)}`}>
        <p className="text-sm text-slate-700">
          <span className="font-semibold text-slate-900">{n.authorName ?? "A former staff member"}</span> · <time dateTime={n.createdAt.toISOString()}>{at(n.createdAt)}</time>
          {n.editedAt ? <> · edited {at(n.editedAt)}</> : null}
        </p>
        {isCorrected ? (
          <p className="mt-1 text-sm font-semibold text-amber-900">
            Corrected by a <a href={`#note-${n.correctedByNoteId}`} className="underline">later note</a>
          </p>
        ) : null}
        {n.correctsNoteId ? (
          <p className="mt-1 text-sm font-semibold text-slate-800">
            Corrects <a href={`#note-${n.correctsNoteId}`} className="underline">the note of {n.correctsWrittenAt ? at(n.correctsWrittenAt) : "an earlier date"}</a>
          </p>
        ) : null}
        <p className="mt-1 whitespace-pre-line break-words">{n.body}</p>
        {n.alert || n.programEvent || n.episode ? (
          <ul className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
            {n.alert ? <li>Alert: {formatDay(n.alert.date, locale)}, {n.alert.reason}</li> : null}
            {n.programEvent ? <li>Program change: {KIND[n.programEvent.kind] ?? n.programEvent.kind}{n.programEvent.exercise ? ` ${n.programEvent.exercise}` : ""}, {at(n.programEvent.at)}</li> : null}
            {n.episode ? <li>Episode: {n.episode.condition}</li> : null}
          </ul>
        ) : null}
        {archived ? null : (
          <div className="mt-2 flex flex-col gap-2">
            {n.editable ? (
              <>
                <details>
                  <summary className="cursor-pointer text-sm font-semibold text-brand-700">Edit (you wrote this less than 24 hours ago)</summary>
                  <div className="mt-2">
                    <EditNoteForm athleteId={athleteId} noteId={n.id} body={n.body} />
                  </div>
                </details>
                <details>
                  <summary className="cursor-pointer text-sm font-semibold text-brand-700">Archive</summary>
                  <div className="mt-2">
                    <ArchiveNoteForm athleteId={athleteId} noteId={n.id} />
                  </div>
                </details>
              </>
            ) : null}
            {!isCorrected ? (
              <details>
                <summary className="cursor-pointer text-sm font-semibold text-brand-700">Correct this note</summary>
                <div className="mt-2">
                  <NoteForm athleteId={athleteId} correctsNoteId={n.id} />
                </div>
              </details>
            ) : null}
          </div>
        )}
      </article>
    </li>
  );
}
