"use client";

import { useActionState } from "react";
import { CopyButton } from "@/app/_components/ui/copy-button";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { createTokenAction, revokeTokenAction, type CreateTokenState } from "./actions";

export function CreateTokenForm() {
  const [state, action] = useActionState<CreateTokenState, FormData>(createTokenAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      {state.token ? (
        <div className="flex flex-col gap-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p>
            <span className="font-semibold">Your new token: </span>
            <code id="new-token" data-testid="new-token" className="break-all">
              {state.token}
            </code>
          </p>
          <CopyButton text={state.token} targetId="new-token" label="Copy token" />
        </div>
      ) : null}
      <Field label="Token name" name="name" defaultValue={state.ok ? "" : state.values?.name} errors={state.fieldErrors?.name} />
      <SelectField
        label="Access"
        name="scope"
        defaultValue={state.values?.scope ?? "read"}
        errors={state.fieldErrors?.scope}
        options={[
          { value: "read", label: "Read only" },
          { value: "write", label: "Read and write" },
        ]}
      />
      <SelectField
        label="Expires after"
        name="expiresInDays"
        defaultValue={state.values?.expiresInDays ?? "30"}
        errors={state.fieldErrors?.expiresInDays}
        options={[
          { value: "7", label: "7 days" },
          { value: "30", label: "30 days" },
          { value: "90", label: "90 days" },
          { value: "365", label: "1 year" },
        ]}
      />
      <div>
        <SubmitButton>Create token</SubmitButton>
      </div>
    </form>
  );
}

export function RevokeTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action] = useActionState(revokeTokenAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      {state.message ? <FormMessage message={state.message} ok={state.ok} /> : null}
      <SubmitButton variant="secondary">
        Revoke<span className="sr-only"> {name}</span>
      </SubmitButton>
    </form>
  );
}
