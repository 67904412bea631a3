"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { signUpAction } from "../actions";

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, {});
  // the clinic's time zone comes from the browser; it can be changed later in settings
  const timeZone = useSyncExternalStore(() => () => {}, browserTimeZone, () => "UTC");
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Clinic name" name="clinicName" autoComplete="organization" required defaultValue={state.values?.clinicName} errors={errors.clinicName} />
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={state.values?.name} errors={errors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        description="10 to 128 characters."
        errors={errors.password}
      />
      <input type="hidden" name="timeZone" value={timeZone} />
      <SubmitButton pendingLabel="Creating…">Create clinic</SubmitButton>
    </form>
  );
}
