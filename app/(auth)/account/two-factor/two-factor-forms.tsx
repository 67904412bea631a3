"use client";

import Link from "next/link";
import { useActionState } from "react";
import { linkStyle } from "@/app/_components/ui/button-styles";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { confirmTwoFactorAction, disableTwoFactorAction, regenerateRecoveryCodesAction, startTwoFactorSetupAction, type RecoveryCodesState } from "./actions";

export function StartSetupForm({ again }: { again: boolean }) {
  const [state, action] = useActionState(startTwoFactorSetupAction, {});
  return (
    <form action={action} className="flex flex-col gap-3">
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pendingLabel="Preparing…" variant={again ? "secondary" : "primary"}>
        {again ? "Start again with a new QR code" : "Set up two-factor sign-in"}
      </SubmitButton>
    </form>
  );
}

function RecoveryCodes({ state, home }: { state: RecoveryCodesState; home: string }) {
  if (!state.recoveryCodes) return null;
  return (
    <div className="flex flex-col gap-3">
      <FormMessage message={state.message} ok />
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md border border-slate-300 bg-slate-50 p-3 font-mono text-base">
        {state.recoveryCodes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <p className="text-sm text-slate-600">Each code signs you in once when you do not have your phone. Keep them somewhere safe, away from your phone.</p>
      <Link href={home} className={linkStyle}>
        I have saved them: continue
      </Link>
    </div>
  );
}

export function ConfirmSetupForm({ home }: { home: string }) {
  const [state, action] = useActionState(confirmTwoFactorAction, {});
  if (state.recoveryCodes) return <RecoveryCodes state={state} home={home} />;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Code from your app" name="code" autoComplete="one-time-code" inputMode="numeric" required description="The 6 digits the app shows now for Stride Clinic." errors={state.fieldErrors?.code} />
      <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
    </form>
  );
}

export function RegenerateCodesForm() {
  const [state, action] = useActionState(regenerateRecoveryCodesAction, {});
  if (state.recoveryCodes) return <RecoveryCodes state={state} home="/account/two-factor" />;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Code to make new recovery codes" name="code" autoComplete="one-time-code" required description="A code from your app (or an unused recovery code). The old recovery codes stop working." errors={state.fieldErrors?.code} />
      <SubmitButton pendingLabel="Making codes…" variant="secondary">
        Make new recovery codes
      </SubmitButton>
    </form>
  );
}

export function DisableForm() {
  const [state, action] = useActionState(disableTwoFactorAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <Field label="Your password" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <Field label="Code to turn it off" name="code" autoComplete="one-time-code" required description="A code from your app, or an unused recovery code." errors={state.fieldErrors?.code} />
      <SubmitButton pendingLabel="Turning off…" variant="secondary">
        Turn off two-factor sign-in
      </SubmitButton>
    </form>
  );
}
