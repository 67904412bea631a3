"use client";

import { useActionState, useId, useState } from "react";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { DosageFields } from "./dosage-fields";
import {
  addItemAction,
  applyTemplateAction,
  itemStatusAction,
  prescriptionAction,
  saveTemplateAction,
  stepItemAction,
  updateDosageAction,
} from "./program-actions";

type Move = { ok: true; toName: string } | { ok: false; message: string };
type Option = { value: string; label: string; group?: string };
type DefaultDosage = { sets: number; reps?: number; holdSec?: number; daysPerWeek: number };
type ExerciseOption = Option & { dosage?: DefaultDosage };

function NativeSelect({
  label,
  name,
  options,
  errors,
  defaultValue,
  onChange,
}: {
  label: string;
  name: string;
  options: Option[];
  errors?: string[];
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  const id = useId();
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        // keyed by its default: React applies a select's defaultValue only at mount (see SelectField)
        key={defaultValue ?? ""}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className="w-full min-w-0 max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm"
        onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        required
      >
        <option value="" disabled>
          Choose…
        </option>
        {groups.map((g) =>
          g ? (
            <optgroup key={g} label={g}>
              {options.filter((o) => o.group === g).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ) : (
            options.filter((o) => !o.group).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))
          ),
        )}
      </select>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const done = (state: ActionState, okMessage: string) =>
  state.ok ? <FormMessage ok message={okMessage} /> : state.ok === false ? <FormMessage message={state.message} /> : null;

/** Progress or regress one item: a short reason, then one click. The ends of the ladder say why not. */
export function StepForm({ itemId, exerciseName, progress, regress }: { itemId: string; exerciseName: string; progress: Move; regress: Move }) {
  const [state, action] = useActionState(stepItemAction, {});
  const noteId = useId();
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="itemId" value={itemId} />
      <Field
        id={`reason-${itemId}`}
        label={`Reason for changing ${exerciseName}`}
        name="reason"
        errors={state.fieldErrors?.reason}
        defaultValue={state.ok ? "" : state.values?.reason}
        placeholder="e.g. two sessions at full dosage, pain 1/10"
        maxLength={300}
      />
      <div className="flex flex-wrap items-start gap-2">
        <button type="submit" name="direction" value="regress" disabled={!regress.ok} aria-describedby={noteId} className={secondaryButton}>
          {regress.ok ? `Regress to ${regress.toName}` : "Regress"}
        </button>
        <button
          type="submit"
          name="direction"
          value="progress"
          disabled={!progress.ok}
          aria-describedby={noteId}
          className="inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {progress.ok ? `Progress to ${progress.toName}` : "Progress"}
        </button>
      </div>
      <p id={noteId} className="text-sm text-slate-600">
        {[!regress.ok ? `Regress: ${regress.message}.` : null, !progress.ok ? `Progress: ${progress.message}.` : null].filter(Boolean).join(" ")}
      </p>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}

export function DosageForm({ itemId, defaults }: { itemId: string; defaults: { sets: number; reps: number | null; holdSec: number | null; daysPerWeek: number; load: string | null; note: string | null } }) {
  const [state, action] = useActionState(updateDosageAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="itemId" value={itemId} />
      <DosageFields idPrefix={`dose-${itemId}`} errors={state.fieldErrors} values={state.ok ? undefined : state.values} defaults={defaults} />
      <Field id={`dose-reason-${itemId}`} label="Reason (optional)" name="reason" errors={state.fieldErrors?.reason} maxLength={300} />
      <div>
        <SubmitButton>Save dosage</SubmitButton>
      </div>
      {done(state, "Dosage saved.")}
    </form>
  );
}

export function StatusButton({ itemId, status, label, exerciseName }: { itemId: string; status: "active" | "paused" | "removed"; label: string; exerciseName: string }) {
  const [state, action] = useActionState(itemStatusAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" className={`${secondaryButton} text-sm`} aria-label={`${label} ${exerciseName}`}>
        {label}
      </button>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}

export function ApplyTemplateForm({ athleteId, templates }: { athleteId: string; templates: Option[] }) {
  const [state, action] = useActionState(applyTemplateAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <NativeSelect label="Template" name="templateId" options={templates} errors={state.fieldErrors?.templateId} />
      <div>
        <SubmitButton pendingLabel="Applying…">Apply template</SubmitButton>
      </div>
      {done(state, "Template applied. Exercises already in the program were left as they were.")}
    </form>
  );
}

/** Choosing an exercise fills in its default dosage (a stretch's hold, a strength exercise's reps); the trainer can still change it. */
export function AddItemForm({ athleteId, exercises }: { athleteId: string; exercises: ExerciseOption[] }) {
  const [state, action] = useActionState(addItemAction, {});
  // the exercise chosen since the last submit (a submit resets the form, so an older choice no longer shows)
  const [choice, setChoice] = useState<{ exerciseId: string; after: ActionState } | null>(null);
  const chosen = choice?.after === state ? choice.exerciseId : "";
  const defaults = exercises.find((e) => e.value === chosen)?.dosage ?? { sets: 3, reps: 12, daysPerWeek: 3 };
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <NativeSelect label="Exercise" name="exerciseId" options={exercises} errors={state.fieldErrors?.exerciseId} defaultValue={state.ok ? "" : state.values?.exerciseId} onChange={(exerciseId) => setChoice({ exerciseId, after: state })} />
      <DosageFields key={chosen} idPrefix="add-item" errors={state.fieldErrors} values={state.ok || chosen ? undefined : state.values} defaults={defaults} />
      <div>
        <SubmitButton>Add exercise</SubmitButton>
      </div>
      {done(state, "Exercise added.")}
    </form>
  );
}

export function SaveTemplateForm({ athleteId }: { athleteId: string }) {
  const [state, action] = useActionState(saveTemplateAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <Field label="Template name" name="name" errors={state.fieldErrors?.name} defaultValue={state.ok ? "" : state.values?.name} maxLength={120} />
      <Field label="Description (optional)" name="description" errors={state.fieldErrors?.description} maxLength={500} />
      <div>
        <SubmitButton>Save as template</SubmitButton>
      </div>
      {done(state, "Saved to your clinic's templates.")}
    </form>
  );
}

export function PrescriptionForm({
  athleteId,
  unit,
  current,
}: {
  athleteId: string;
  unit: "km" | "mi";
  current: { weekly: string; longest: string; runMinutes: string; walkMinutes: string; note: string } | null;
}) {
  const [state, action] = useActionState(prescriptionAction, {});
  const v = (k: string, d: string | undefined) => (state.ok ? d : (state.values?.[k] ?? d)) ?? "";
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="unit" value={unit} />
      <div className="grid grid-cols-2 gap-3">
        <Field label={`Weekly distance cap (${unit})`} name="weeklyDistance" type="number" step="0.1" min={0} inputMode="decimal" defaultValue={v("weeklyDistance", current?.weekly)} errors={state.fieldErrors?.weeklyDistance} required />
        <Field label={`Longest run cap (${unit})`} name="longestRun" type="number" step="0.1" min={0} inputMode="decimal" defaultValue={v("longestRun", current?.longest)} errors={state.fieldErrors?.longestRun} required />
        <Field label="Run interval (min, optional)" name="runMinutes" type="number" step="0.25" min={0.25} inputMode="decimal" defaultValue={v("runMinutes", current?.runMinutes)} errors={state.fieldErrors?.runMinutes} />
        <Field label="Walk interval (min, optional)" name="walkMinutes" type="number" step="0.25" min={0.25} inputMode="decimal" defaultValue={v("walkMinutes", current?.walkMinutes)} errors={state.fieldErrors?.walkMinutes} />
      </div>
      <Field label="Running note" name="note" defaultValue={v("note", current?.note)} errors={state.fieldErrors?.note} maxLength={500} />
      <div>
        <SubmitButton>Save running prescription</SubmitButton>
      </div>
      {done(state, "Running prescription saved.")}
    </form>
  );
}
