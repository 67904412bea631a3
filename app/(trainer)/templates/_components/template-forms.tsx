"use client";

import { useActionState } from "react";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { DosageFields } from "@/app/(trainer)/athletes/[athleteId]/_components/dosage-fields";
import type { ActionState } from "@/lib/auth/action";
import { addTemplateItemAction, archiveTemplateAction, copyTemplateAction, removeTemplateItemAction, updateTemplateAction, updateTemplateItemAction } from "../actions";

const message = (state: ActionState, ok: string) => (state.ok ? <FormMessage ok message={ok} /> : state.ok === false ? <FormMessage message={state.message} /> : null);

export function CopyTemplateButton({ templateId, name }: { templateId: string; name: string }) {
  const [state, action] = useActionState(copyTemplateAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="templateId" value={templateId} />
      <button type="submit" className={`${secondaryButton} text-sm`} aria-label={`Copy ${name} into my clinic`}>
        Copy to edit
      </button>
      {message(state, "")}
    </form>
  );
}

export function TemplateMetaForm({ templateId, name, description }: { templateId: string; name: string; description: string }) {
  const [state, action] = useActionState(updateTemplateAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="templateId" value={templateId} />
      <Field label="Template name" name="name" defaultValue={name} errors={state.fieldErrors?.name} required maxLength={120} />
      <Field label="Description" name="description" defaultValue={description} errors={state.fieldErrors?.description} maxLength={500} />
      <div>
        <SubmitButton>Save name</SubmitButton>
      </div>
      {message(state, "Template saved.")}
    </form>
  );
}

export function ArchiveTemplateButton({ templateId }: { templateId: string }) {
  const [state, action] = useActionState(archiveTemplateAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="templateId" value={templateId} />
      <button type="submit" className={secondaryButton}>
        Archive template
      </button>
      {message(state, "")}
    </form>
  );
}

type ItemDefaults = { sets: number; reps?: number; holdSec?: number; daysPerWeek: number; load?: string; note?: string };

export function TemplateItemForm({ templateItemId, exerciseName, defaults }: { templateItemId: string; exerciseName: string; defaults: ItemDefaults }) {
  const [state, action] = useActionState(updateTemplateItemAction, {});
  const [removeState, remove] = useActionState(removeTemplateItemAction, {});
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="templateItemId" value={templateItemId} />
        <DosageFields idPrefix={`tpl-${templateItemId}`} errors={state.fieldErrors} values={state.ok ? undefined : state.values} defaults={defaults} />
        <div>
          <SubmitButton>Save {exerciseName}</SubmitButton>
        </div>
        {message(state, "Saved.")}
      </form>
      <form action={remove}>
        <input type="hidden" name="templateItemId" value={templateItemId} />
        <button type="submit" className={`${secondaryButton} text-sm`}>
          Remove {exerciseName} from template
        </button>
        {message(removeState, "")}
      </form>
    </div>
  );
}

export function AddTemplateItemForm({ templateId, exercises }: { templateId: string; exercises: { value: string; label: string }[] }) {
  const [state, action] = useActionState(addTemplateItemAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="templateId" value={templateId} />
      <SelectField label="Exercise" name="exerciseId" options={exercises} errors={state.fieldErrors?.exerciseId} />
      <DosageFields idPrefix="tpl-add" errors={state.fieldErrors} values={state.ok ? undefined : state.values} defaults={{ sets: 3, reps: 12, daysPerWeek: 3 }} />
      <div>
        <SubmitButton>Add to template</SubmitButton>
      </div>
      {message(state, "Added.")}
    </form>
  );
}
