"use client";

import { createContext, useActionState, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/auth/action";
import { stageStepAction } from "../../athletes/[athleteId]/_components/return-to-run-actions";

/**
 * Return-to-run rows (rtr_ready in good news, rtr_step_down in the triage table): apply the stage
 * step from the row, with a reason, through the same action, schema and data function as the
 * athlete page (DESIGN §2c). As with exercise steps (progress-from-row.tsx), the step resolves the
 * row's alerts and the row may leave the table, so the action's state and the live region that
 * says what was done live in the section around the table.
 */
type Submitted = { athleteId: string; message: string };
type Section = { action: (formData: FormData) => void; state: ActionState; last: Submitted | null; submitted: (s: Submitted) => void };

const SectionContext = createContext<Section | null>(null);

export function RtrStepAnnouncements({ children }: { children: React.ReactNode }) {
  const [state, action] = useActionState<ActionState, FormData>(stageStepAction, {});
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
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium text-slate-800 empty:min-h-0">
        {message}
      </p>
      {children}
    </SectionContext.Provider>
  );
}

export function RtrStepFromRow({ athleteId, athleteName, direction, fromStage, toStage }: { athleteId: string; athleteName: string; direction: "up" | "down"; fromStage: number; toStage: number }) {
  const section = useContext(SectionContext);
  if (!section) throw new Error("RtrStepFromRow must sit inside <RtrStepAnnouncements>.");
  const { action, state, last, submitted } = section;
  const failed = last?.athleteId === athleteId && state.ok === false;
  const errors = failed ? state.fieldErrors?.reason : undefined;
  const reasonId = `rtr-step-reason-${direction}-${athleteId}`;
  const verb = direction === "up" ? "Step up" : "Step down";

  return (
    <form action={action} onSubmit={() => submitted({ athleteId, message: `${athleteName}: stepped ${direction} from stage ${fromStage} to stage ${toStage}.` })} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="direction" value={direction} />
      <div className="flex min-w-0 flex-col">
        <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
          Reason <span className="sr-only">for stepping {athleteName} {direction} to stage {toStage}</span>
        </label>
        <input
          id={reasonId}
          name="reason"
          required
          minLength={3}
          maxLength={500}
          defaultValue={failed ? state.values?.reason : undefined}
          placeholder={direction === "up" ? "e.g. two clean sessions" : "e.g. sore the next morning"}
          aria-invalid={errors ? true : undefined}
          aria-describedby={failed ? `${reasonId}-error` : undefined}
          className="mt-1 w-56 max-w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm"
        />
      </div>
      <StepButton label={`${verb} to stage ${toStage}`} athleteName={athleteName} />
      {failed ? (
        <p id={`${reasonId}-error`} className="basis-full text-sm font-medium text-red-700">
          {errors?.join(" ") ?? state.message}
        </p>
      ) : null}
    </form>
  );
}

function StepButton({ label, athleteName }: { label: string; athleteName: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={`${label} (${athleteName})`}
      className="inline-flex items-center justify-center rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {pending ? "Stepping…" : label}
    </button>
  );
}
