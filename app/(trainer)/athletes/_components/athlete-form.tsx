"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { TextareaField } from "@/app/_components/ui/textarea-field";
import type { ActionState } from "@/lib/auth/action";

type Option = { value: string; label: string };
type Values = Partial<Record<string, string>>;

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  initial: Values;
  trainers: Option[];
  statuses: Option[];
  clinicTimeZone: string;
  submitLabel: string;
};

const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

export function AthleteForm({ action, initial, trainers, statuses, clinicTimeZone, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid max-w-3xl gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      {initial.athleteId ? <input type="hidden" name="athleteId" value={initial.athleteId} /> : null}
      <Field label="Name" name="name" required defaultValue={v.name} errors={e.name} autoComplete="off" />
      <Field label="Email (needed to invite them)" name="email" type="email" defaultValue={v.email} errors={e.email} autoComplete="off" />
      <Field label="Sport or group" name="sportGroup" defaultValue={v.sportGroup} errors={e.sportGroup} description="For example: Cross country, Masters road." />
      <Field label="Birth year" name="birthYear" inputMode="numeric" defaultValue={v.birthYear} errors={e.birthYear} />
      <SelectField
        label="Injured side"
        name="injuredSide"
        defaultValue={v.injuredSide ?? ""}
        errors={e.injuredSide}
        options={[
          { value: "", label: "Not recorded" },
          { value: "left", label: "Left" },
          { value: "right", label: "Right" },
          { value: "both", label: "Both" },
        ]}
      />
      <Field label="Condition" name="condition" defaultValue={v.condition ?? "Medial knee pain"} errors={e.condition} />
      <Field label="Onset date" name="onsetDate" type="date" defaultValue={v.onsetDate} errors={e.onsetDate} />
      <SelectField label="Status" name="status" defaultValue={v.status ?? "active"} errors={e.status} options={statuses} />
      <SelectField label="Responsible trainer" name="trainerId" defaultValue={v.trainerId ?? ""} errors={e.trainerId} options={[{ value: "", label: "No one yet" }, ...trainers]} />
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={v.timeZone ?? ""}
        errors={e.timeZone}
        description="Their 'today' and check-in dates follow this."
        options={[{ value: "", label: `Clinic's (${clinicTimeZone})` }, ...TIME_ZONES.map((tz) => ({ value: tz, label: tz }))]}
      />
      <TextareaField label="Notes" name="notes" defaultValue={v.notes} errors={e.notes} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
