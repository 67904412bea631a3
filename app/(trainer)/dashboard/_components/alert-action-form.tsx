"use client";

import { useActionState, useId } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/app/_components/ui/form-message";
import { primaryButton, secondaryButton } from "@/app/_components/ui/button-styles";
import type { ActionState } from "@/lib/auth/action";
import { alertAction } from "../actions";

/**
 * Acknowledge (and, where offered, resolve) one alert with an optional note. The note sits in a
 * disclosure so a busy list stays a list; the buttons name the alert for screen readers.
 */
type Props = { alertId: string | string[]; reason: string; allowResolve?: boolean; acknowledged?: boolean };

/** One alert, or a group of the same alert on several days (acted on together). */
export function AlertActionForm({ alertId, reason, allowResolve = false, acknowledged = false }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(alertAction, {});
  const noteId = useId();
  return (
    <form action={action} className="flex flex-col gap-2">
      {(Array.isArray(alertId) ? alertId : [alertId]).map((id) => (
        <input key={id} type="hidden" name="alertId" value={id} />
      ))}
      <details>
        <summary className="cursor-pointer text-sm font-semibold text-brand-700">Add a note</summary>
        <label htmlFor={noteId} className="mt-2 block text-sm font-medium text-slate-800">
          Note (optional)
        </label>
        <textarea id={noteId} name="note" maxLength={1000} rows={2} className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1 text-sm" defaultValue={state.values?.note ?? ""} />
      </details>
      <div className="flex flex-wrap gap-2">
        {acknowledged ? null : (
          <SubmitButtonFor intent="acknowledge" label="Acknowledge" reason={reason} />
        )}
        {allowResolve ? <SubmitButtonFor intent="resolve" label="Resolve" reason={reason} secondary /> : null}
      </div>
      {state.ok === false ? <FormMessage message={state.fieldErrors?.note?.join(" ") ?? state.message} /> : null}
    </form>
  );
}

function SubmitButtonFor({ intent, label, reason, secondary = false }: { intent: string; label: string; reason: string; secondary?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      aria-label={`${label}: ${reason}`}
      className={`${secondary ? secondaryButton : primaryButton} px-3 py-1 text-sm`}
    >
      {pending ? `${label}…` : label}
    </button>
  );
}
