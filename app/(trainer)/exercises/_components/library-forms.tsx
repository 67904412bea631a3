"use client";

import { useActionState, useId } from "react";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { TextareaField } from "@/app/_components/ui/textarea-field";
import { archiveExerciseAction, archiveLadderAction, copyExerciseAction, insertStepAction, saveExerciseAction, saveLadderAction } from "../actions";

const REGION_OPTIONS = [
  { value: "hip", label: "Hip" },
  { value: "foot", label: "Foot" },
  { value: "knee", label: "Knee" },
  { value: "core", label: "Core" },
];

const KIND_OPTIONS = [
  { value: "strength", label: "Strength" },
  { value: "mobility", label: "Stretching and mobility" },
];

export type ExerciseDefaults = {
  id?: string;
  name: string;
  region: string;
  kind: string;
  perSide: boolean;
  howTo: string[];
  cues: string[];
  equipment: string[];
  sets: number;
  reps: number | null;
  holdSec: number | null;
  daysPerWeek: number;
};

export function ExerciseForm({ initial }: { initial?: ExerciseDefaults }) {
  const [state, action] = useActionState(saveExerciseAction, {});
  const e = state.fieldErrors;
  const v = (k: string, d: string) => state.values?.[k] ?? d;
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-4">
      <input type="hidden" name="exerciseId" value={initial?.id ?? ""} />
      <Field label="Name" name="name" defaultValue={v("name", initial?.name ?? "")} errors={e?.name} required maxLength={120} />
      <SelectField label="Region" name="region" options={REGION_OPTIONS} defaultValue={v("region", initial?.region ?? "hip")} errors={e?.region} />
      <SelectField label="Kind" name="kind" options={KIND_OPTIONS} defaultValue={v("kind", initial?.kind ?? "strength")} errors={e?.kind} />
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name="perSide" className="h-5 w-5" defaultChecked={state.values ? state.values.perSide === "on" : (initial?.perSide ?? false)} />
          One side at a time (reps and holds are per side)
        </label>
        {e?.perSide?.length ? <p className="text-sm font-medium text-red-700">{e.perSide.join(" ")}</p> : null}
      </div>
      <TextareaField label="How to (one step per line)" name="howTo" defaultValue={v("howTo", initial?.howTo.join("\n") ?? "")} errors={e?.howTo} />
      <TextareaField label="Coaching cues (one per line)" name="cues" defaultValue={v("cues", initial?.cues.join("\n") ?? "")} errors={e?.cues} />
      <Field label="Equipment (comma-separated)" name="equipment" defaultValue={v("equipment", initial?.equipment.join(", ") ?? "")} errors={e?.equipment} />
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <legend className="mb-1 text-sm font-semibold">Default dosage (reps or a hold)</legend>
        <Field label="Sets" name="sets" type="number" min={1} max={50} defaultValue={v("sets", String(initial?.sets ?? 3))} errors={e?.sets} required />
        <Field label="Reps" name="reps" type="number" min={1} max={200} defaultValue={v("reps", initial?.reps?.toString() ?? (initial ? "" : "12"))} errors={e?.reps} />
        <Field label="Hold (seconds)" name="holdSec" type="number" min={1} max={600} defaultValue={v("holdSec", initial?.holdSec?.toString() ?? "")} errors={e?.holdSec} />
        <Field label="Days per week" name="daysPerWeek" type="number" min={1} max={7} defaultValue={v("daysPerWeek", String(initial?.daysPerWeek ?? 3))} errors={e?.daysPerWeek} required />
      </fieldset>
      <div>
        <SubmitButton>{initial?.id ? "Save exercise" : "Add exercise"}</SubmitButton>
      </div>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}

export function LadderForm({ initial }: { initial?: { id: string; name: string; region: string; description: string } }) {
  const [state, action] = useActionState(saveLadderAction, {});
  const e = state.fieldErrors;
  const prefix = useId();
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="ladderId" value={initial?.id ?? ""} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-name`} label="Ladder name" name="name" defaultValue={state.ok ? initial?.name : (state.values?.name ?? initial?.name)} errors={e?.name} required maxLength={120} />
        <SelectField id={`${prefix}-region`} label="Region" name="region" options={REGION_OPTIONS} defaultValue={initial?.region ?? "hip"} errors={e?.region} />
      </div>
      <Field id={`${prefix}-desc`} label="Description (optional)" name="description" defaultValue={initial?.description ?? ""} errors={e?.description} maxLength={500} />
      <div>
        <SubmitButton>{initial ? "Save ladder" : "Add ladder"}</SubmitButton>
      </div>
      {state.ok ? <FormMessage ok message="Ladder saved." /> : state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}

export function ArchiveLadderButton({ ladderId, name }: { ladderId: string; name: string }) {
  const [state, action] = useActionState(archiveLadderAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="ladderId" value={ladderId} />
      <button type="submit" className={`${secondaryButton} text-sm`} aria-label={`Archive ladder ${name}`}>
        Archive
      </button>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}

export function ArchiveExerciseButton({ exerciseId, archived }: { exerciseId: string; archived: boolean }) {
  const [state, action] = useActionState(archiveExerciseAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <button type="submit" className={secondaryButton}>
        {archived ? "Restore exercise" : "Archive exercise"}
      </button>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}

export function CopyExerciseButton({ exerciseId }: { exerciseId: string }) {
  const [state, action] = useActionState(copyExerciseAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <SubmitButton pendingLabel="Copying…">Copy into my clinic</SubmitButton>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}

/** Place the clinic's exercise on a ladder, just above a chosen step. */
export function PlaceOnLadderForm({ exerciseId, ladders }: { exerciseId: string; ladders: { id: string; name: string; steps: { exerciseId: string; name: string }[] }[] }) {
  const [state, action] = useActionState(insertStepAction, {});
  const stepOptions = [
    { value: "", label: "At the bottom (easiest)" },
    ...ladders.flatMap((l) => l.steps.filter((s) => s.exerciseId !== exerciseId).map((s, i) => ({ value: s.exerciseId, label: `${l.name}: after step ${i + 1}, ${s.name}` }))),
  ];
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3">
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <SelectField label="Ladder" name="ladderId" options={ladders.map((l) => ({ value: l.id, label: l.name }))} errors={state.fieldErrors?.ladderId} />
      <SelectField label="Place it" name="afterExerciseId" options={stepOptions} errors={state.fieldErrors?.afterExerciseId} description="Choose a step on the same ladder; the exercise goes just above it." />
      <div>
        <SubmitButton>Place on ladder</SubmitButton>
      </div>
      {state.ok ? <FormMessage ok message="Placed on the ladder." /> : state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}
