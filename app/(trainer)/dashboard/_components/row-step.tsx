"use client";

import { createContext, useActionState, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/auth/action";

/**
 * A step applied from a table row (an exercise progression, a return-to-run stage), with a reason,
 * through the same action as the athlete page. A step resolves the row's alerts, so the row may
 * leave the table in the same render that carries the action's result: the action's state
 * therefore lives in the section around the table (one useActionState, still a plain server-action
 * form without JavaScript), whose live region outside the table says what was done. Each kind of
 * step has its own section (`rowStepSection`), so two kinds can share one table.
 */
type Submitted = { rowKey: string; message: string };
type Section = { action: (formData: FormData) => void; state: ActionState; last: Submitted | null; submitted: (s: Submitted) => void };
type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function rowStepSection(name: string, serverAction: ServerAction, statusClassName: string) {
  const SectionContext = createContext<Section | null>(null);

  function Announcements({ children }: { children: React.ReactNode }) {
    const [state, action] = useActionState<ActionState, FormData>(serverAction, {});
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
        <p role="status" aria-live="polite" className={statusClassName}>
          {message}
        </p>
        {children}
      </SectionContext.Provider>
    );
  }

  function useSection(): Section {
    const section = useContext(SectionContext);
    if (!section) throw new Error(`A row step must sit inside <${name}>.`);
    return section;
  }

  return { Announcements, useSection };
}

type RowStepFormProps = {
  section: Section;
  /** which row submitted: the section's one state belongs to the last row sent */
  rowKey: string;
  hidden: Record<string, string>;
  reasonId: string;
  /** what the reason is for, for screen readers ("for progressing Alex's Clamshell") */
  reasonFor: string;
  reasonMax: number;
  placeholder: string;
  label: string;
  pendingLabel: string;
  ariaLabel: string;
  /** what the live region says once the step is done */
  doneMessage: string;
};

export function RowStepForm({ section, rowKey, hidden, reasonId, reasonFor, reasonMax, placeholder, label, pendingLabel, ariaLabel, doneMessage }: RowStepFormProps) {
  const { action, state, last, submitted } = section;
  const failed = last?.rowKey === rowKey && state.ok === false;
  const errors = failed ? state.fieldErrors?.reason : undefined;
  return (
    <form action={action} onSubmit={() => submitted({ rowKey, message: doneMessage })} className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex min-w-0 flex-col">
        <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
          Reason <span className="sr-only">{reasonFor}</span>
        </label>
        <input
          id={reasonId}
          name="reason"
          required
          minLength={3}
          maxLength={reasonMax}
          defaultValue={failed ? state.values?.reason : undefined}
          placeholder={placeholder}
          aria-invalid={errors ? true : undefined}
          aria-describedby={failed ? `${reasonId}-error` : undefined}
          className="mt-1 w-56 max-w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm"
        />
      </div>
      <StepButton label={label} pendingLabel={pendingLabel} ariaLabel={ariaLabel} />
      {failed ? (
        <p id={`${reasonId}-error`} className="basis-full text-sm font-medium text-red-700">
          {errors?.join(" ") ?? state.message}
        </p>
      ) : null}
    </form>
  );
}

function StepButton({ label, pendingLabel, ariaLabel }: { label: string; pendingLabel: string; ariaLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={ariaLabel}
      className="inline-flex items-center justify-center rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
