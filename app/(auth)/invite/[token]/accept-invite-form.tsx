"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { acceptInviteAction } from "../../actions";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(acceptInviteAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="token" value={token} />
      <p className="text-sm">
        Your login email: <strong>{email}</strong>
      </p>
      <Field label="Choose a password" name="password" type="password" autoComplete="new-password" required description="10 to 128 characters." errors={e.password} />
      <SubmitButton pendingLabel="Saving…">Set password and continue</SubmitButton>
    </form>
  );
}
