"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { requestResetAction } from "../actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestResetAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <SubmitButton pendingLabel="Sending…">Send me a reset link</SubmitButton>
    </form>
  );
}
