"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { TextareaField } from "@/app/_components/ui/textarea-field";
import { addNoteAction, archiveNoteAction, editNoteAction, resolveEpisodeAction, startEpisodeAction } from "./clinical-actions";

type Option = { value: string; label: string };

/** A new note, or (with `correctsNoteId`) a note that corrects an earlier one. */
export function NoteForm({ athleteId, correctsNoteId, links }: { athleteId: string; correctsNoteId?: string; links?: { alerts: Option[]; programEvents: Option[]; episodes: Option[] } }) {
  const [state, action] = useActionState(addNoteAction, {});
  const e = state.fieldErrors ?? {};
  const none = { value: "", label: "None" };
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      {correctsNoteId ? <input type="hidden" name="correctsNoteId" value={correctsNoteId} /> : null}
      <TextareaField
        label={correctsNoteId ? "Correction" : "New note"}
        name="body"
        required
        maxLength={5000}
        errors={e.body ?? e.correctsNoteId}
        defaultValue={state.ok ? "" : state.values?.body}
        description={correctsNoteId ? "The earlier note stays as written and is shown as corrected by this one." : "Staff only: the athlete never sees clinical notes."}
      />
      {links ? (
        <details>
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Tie it to an alert, a program change or an episode</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <SelectField label="About an alert" name="alertId" options={[none, ...links.alerts]} errors={e.alertId} defaultValue={state.ok ? "" : state.values?.alertId} />
          <SelectField label="About a program change" name="programEventId" options={[none, ...links.programEvents]} errors={e.programEventId} defaultValue={state.ok ? "" : state.values?.programEventId} />
          <SelectField label="Episode" name="episodeId" options={[{ value: "", label: "The current episode" }, ...links.episodes]} errors={e.episodeId} defaultValue={state.ok ? "" : state.values?.episodeId} />
          </div>
        </details>
      ) : null}
      <div>
        <SubmitButton>{correctsNoteId ? "Save correction" : "Add note"}</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? (correctsNoteId ? "Correction saved." : "Note added.") : state.message} />
    </form>
  );
}

/** The author's edit, within 24 hours of writing. */
export function EditNoteForm({ athleteId, noteId, body }: { athleteId: string; noteId: string; body: string }) {
  const [state, action] = useActionState(editNoteAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="noteId" value={noteId} />
      <TextareaField label="Edit note" name="body" required maxLength={5000} errors={state.fieldErrors?.body} defaultValue={state.ok ? body : (state.values?.body ?? body)} />
      <div>
        <SubmitButton>Save edit</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? "Note edited." : state.message} />
    </form>
  );
}

export function ArchiveNoteForm({ athleteId, noteId }: { athleteId: string; noteId: string }) {
  const [state, action] = useActionState(archiveNoteAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="noteId" value={noteId} />
      <p className="text-sm text-slate-700">Archive a note written by mistake: it leaves the timeline and stays in the record.</p>
      <div>
        <SubmitButton variant="secondary">Archive this note</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? "Note archived." : state.message} />
    </form>
  );
}

const SIDES: Option[] = [
  { value: "", label: "Not recorded" },
  { value: "left", label: "Left" },
  { value: "right", label: "Right" },
  { value: "both", label: "Both" },
];

export function StartEpisodeForm({ athleteId, today }: { athleteId: string; today: string }) {
  const [state, action] = useActionState(startEpisodeAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Condition" name="condition" required maxLength={120} errors={e.condition} defaultValue={state.values?.condition ?? "Medial knee pain"} />
        <SelectField label="Side" name="side" options={SIDES} errors={e.side} defaultValue={state.values?.side ?? ""} />
        <Field label="Onset date" name="onsetDate" type="date" max={today} errors={e.onsetDate} defaultValue={state.values?.onsetDate} />
      </div>
      <div>
        <SubmitButton>Start episode</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? "Episode started." : state.message} />
    </form>
  );
}

export function ResolveEpisodeForm({ athleteId, episodeId, today, onsetDate }: { athleteId: string; episodeId: string; today: string; onsetDate: string | null }) {
  const [state, action] = useActionState(resolveEpisodeAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="episodeId" value={episodeId} />
      <Field label="Resolution date" name="resolvedOn" type="date" required min={onsetDate ?? undefined} max={today} errors={e.resolvedOn} defaultValue={state.values?.resolvedOn ?? today} />
      <TextareaField label="Resolution note" name="note" maxLength={2000} errors={e.note} defaultValue={state.values?.note} />
      <div>
        <SubmitButton variant="secondary">Resolve episode</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? "Episode resolved." : state.message} />
    </form>
  );
}
