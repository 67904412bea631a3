"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { inviteTrainerAction, setTrainerActiveAction, setTwoFactorRequiredAction, updateClinicAction, type TrainerInviteState } from "./actions";

const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

export function ClinicSettingsForm({ name, timeZone }: { name: string; timeZone: string }) {
  const [state, action] = useActionState(updateClinicAction, {});
  const zones = TIME_ZONES.includes(timeZone) ? TIME_ZONES : [timeZone, ...TIME_ZONES];
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.ok ? "Saved." : state.message} ok={state.ok} />
      <Field label="Clinic name" name="name" defaultValue={state.values?.name ?? name} errors={state.fieldErrors?.name} />
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={state.values?.timeZone ?? timeZone}
        errors={state.fieldErrors?.timeZone}
        description="Athletes' dates follow this unless their own profile says otherwise."
        options={zones.map((z) => ({ value: z, label: z }))}
      />
      <div>
        <SubmitButton>Save settings</SubmitButton>
      </div>
    </form>
  );
}

export function TrainerInviteForm() {
  const [state, action] = useActionState<TrainerInviteState, FormData>(inviteTrainerAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Trainer's name" name="name" defaultValue={state.ok ? "" : state.values?.name} errors={state.fieldErrors?.name} />
      <Field label="Trainer's email" name="email" type="email" defaultValue={state.ok ? "" : state.values?.email} errors={state.fieldErrors?.email} />
      <div>
        <SubmitButton pendingLabel="Sending…">Email an invitation</SubmitButton>
      </div>
    </form>
  );
}

/** Deactivate (their sessions end at once; their records stay) or reactivate one trainer. */
export function TrainerActiveForm({ userId, name, active }: { userId: string; name: string; active: boolean }) {
  const [state, action] = useActionState(setTrainerActiveAction, {});
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <SubmitButton variant="secondary" pendingLabel="Saving…" className="px-2 py-1 text-xs">
        <span>{active ? "Deactivate" : "Reactivate"}</span>
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      {state.ok === false && state.message ? (
        <span role="status" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

/** The owner's rule: every trainer signs in with a code from an app (they set it up at their next visit). */
export function TwoFactorRequiredForm({ required }: { required: boolean }) {
  const [state, action] = useActionState(setTwoFactorRequiredAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage message={state.ok ? (required ? "Required: trainers without it set it up before anything else." : "No longer required.") : state.message} ok={state.ok} />
      <input type="hidden" name="required" value={required ? "false" : "true"} />
      <div>
        <SubmitButton variant={required ? "secondary" : "primary"} pendingLabel="Saving…">
          {required ? "Stop requiring two-factor sign-in" : "Require two-factor sign-in for every trainer"}
        </SubmitButton>
      </div>
    </form>
  );
}
