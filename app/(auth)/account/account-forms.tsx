"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { changePasswordAction, signOutEverywhereAction } from "./actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={state.fieldErrors?.currentPassword} />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        description="At least 10 characters. Your other sessions are signed out."
        errors={state.fieldErrors?.newPassword}
      />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm() {
  return (
    <form action={signOutEverywhereAction}>
      <SubmitButton pendingLabel="Signing out…">Sign out everywhere</SubmitButton>
    </form>
  );
}
