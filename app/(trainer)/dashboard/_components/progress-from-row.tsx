"use client";

import { createContext, useActionState, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/auth/action";
import { stepItemAction } from "../../athletes/[athleteId]/_components/program-actions";

/**
 * Good news rows: apply the suggested progression from the row, with a reason, through the same
 * action, schema and data function as the athlete page's step form. A step resolves the row's
 * alerts, so the row leaves the table in the same render that carries the action's result: the
 * action's state therefore lives in the section (one useActionState, still a plain server-action
 * form without JavaScript), whose live region outside the table says what was done.
 */
type Submitted = { itemId: string; message: string };
type Section = { action: (formData: FormData) => void; state: ActionState; last: Submitted | null; submitted: (s: Submitted) => void };

const SectionContext = createContext<Section | null>(null);

export function GoodNewsAnnouncements({ children }: { children: React.ReactNode }) {
  const [state, action] = useActionState<ActionState, FormData>(stepItemAction, {});
  const [last, setLast] = useState<Submitted | null>(null);
  const [message, setMessage] = useState("");
  const seen = useRef(state);
  useEffect(() => {
    if (state === seen.current) return;
    seen.current = state;
    setMessage(state.ok && last ? last.message : "");
  }, [state, last]);
  const value = useMemo<Section>(() => ({ action, state, last, submitted: setLast }), [action, state, last]);
  return (
    <SectionContext.Provider value={value}>
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium text-slate-800">
        {message}
      </p>
      {children}
    </SectionContext.Provider>
  );
}

export function ProgressFromRow({ itemId, athleteName, exerciseName, toName }: { itemId: string; athleteName: string; exerciseName: string; toName: string }) {
  const section = useContext(SectionContext);
  if (!section) throw new Error("ProgressFromRow must sit inside <GoodNewsAnnouncements>.");
  const { action, state, last, submitted } = section;
  const mine = last?.itemId === itemId;
  const failed = mine && state.ok === false;
  const errors = failed ? state.fieldErrors?.reason : undefined;
  const reasonId = `progress-reason-${itemId}`;

  return (
    <form action={action} onSubmit={() => submitted({ itemId, message: `${athleteName}: ${exerciseName} progressed to ${toName}.` })} className="flex flex-wrap items-end gap-2">
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
          defaultValue={failed ? state.values?.reason : undefined}
          placeholder="e.g. two clean sessions"
          aria-invalid={errors ? true : undefined}
          aria-describedby={failed ? `${reasonId}-error` : undefined}
          className="mt-1 w-56 max-w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm"
        />
      </div>
      <ProgressButton toName={toName} athleteName={athleteName} />
      {failed ? (
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
