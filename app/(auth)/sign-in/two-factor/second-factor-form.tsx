"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { verifySecondFactorAction } from "../../actions";

export function SecondFactorForm() {
  const [state, action] = useActionState(verifySecondFactorAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field
        label="Code from your app or a recovery code"
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        autoCapitalize="none"
        spellCheck={false}
        required
        description="6 digits, or a recovery code like k7m2q-9xr4t (each recovery code works once)."
        errors={state.fieldErrors?.code}
      />
      <SubmitButton pendingLabel="Checking…">Verify and sign in</SubmitButton>
    </form>
  );
}
