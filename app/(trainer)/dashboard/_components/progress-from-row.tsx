"use client";

import { createContext, useActionState, useContext, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/auth/action";
import { stepItemAction } from "../../athletes/[athleteId]/_components/program-actions";

/**
 * Good news rows: apply the suggested progression from the row, with a reason, through the same
 * action, schema and data function as the athlete page's step form. A step resolves the row's
 * alerts, so the row leaves the table; the section's live region (outside the table) says what was done.
 */
const Announce = createContext<(message: string) => void>(() => {});

export function GoodNewsAnnouncements({ children }: { children: React.ReactNode }) {
  const [message, setMessage] = useState("");
  return (
    <Announce.Provider value={setMessage}>
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium text-slate-800">
        {message}
      </p>
      {children}
    </Announce.Provider>
  );
}

export function ProgressFromRow({ itemId, athleteName, exerciseName, toName }: { itemId: string; athleteName: string; exerciseName: string; toName: string }) {
  const [state, action] = useActionState<ActionState, FormData>(stepItemAction, {});
  const announce = useContext(Announce);
  const last = useRef(state);
  const reasonId = `progress-reason-${itemId}`;
  const errors = state.fieldErrors?.reason;

  useEffect(() => {
    if (state === last.current) return;
    last.current = state;
    if (state.ok) announce(`${athleteName}: ${exerciseName} progressed to ${toName}.`);
  }, [state, announce, athleteName, exerciseName, toName]);

  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="direction" value="progress" />
      <div className="flex min-w-0 flex-col">
        <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
          Reason <span className="sr-only">for progressing {athleteName}&apos;s {exerciseName}</span>
        </label>
        <input
          id={reasonId}
          name="reason"
          required
          minLength={3}
          maxLength={300}
          defaultValue={state.ok ? "" : state.values?.reason}
          placeholder="e.g. two clean sessions"
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? `${reasonId}-error` : undefined}
          className="mt-1 w-56 max-w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm"
        />
      </div>
      <ProgressButton toName={toName} athleteName={athleteName} />
      {errors?.length || state.ok === false ? (
        <p id={`${reasonId}-error`} className="basis-full text-sm font-medium text-red-700">
          {errors?.join(" ") ?? state.message}
        </p>
      ) : null}
    </form>
  );
}

function ProgressButton({ toName, athleteName }: { toName: string; athleteName: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={`Progress to ${toName} (${athleteName})`}
      className="inline-flex items-center justify-center rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? "Progressing…" : `Progress to ${toName}`}
    </button>
  );
}
