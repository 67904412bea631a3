"use client";

import { useActionState, useId } from "react";
import { primaryButton, secondaryButton } from "@/app/_components/ui/button-styles";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { finishReturnToRunAction, mayStepUpAction, stageStepAction, startReturnToRunAction, stopReturnToRunAction } from "./return-to-run-actions";

type Ladder = { id: string; name: string; stages: { id: string; number: number; words: string }[] };

/** Put the athlete on a ladder at a chosen stage, or set (and so resume at) another stage. */
export function StartStageForm({ athleteId, ladders, current, label }: { athleteId: string; ladders: Ladder[]; current: string | null; label: string }) {
  const [state, action] = useActionState(startReturnToRunAction, {});
  const selectId = useId();
  const errors = state.fieldErrors?.placement;
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
          Stage
        </label>
        <select
          // keyed by its default: after a step the plan's new stage shows (see SelectField)
          key={state.values?.placement ?? current ?? ""}
          id={selectId}
          name="placement"
          required
          defaultValue={state.values?.placement ?? current ?? ""}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${selectId}-error` : undefined}
          className="max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm"
        >
          <option value="" disabled>
            Choose…
          </option>
          {ladders.map((l) => (
            <optgroup key={l.id} label={l.name}>
              {l.stages.map((s) => (
                <option key={s.id} value={`${l.id}:${s.id}`}>
                  {s.words}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {errors?.length ? (
          <p id={`${selectId}-error`} className="text-sm font-medium text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <Field label="Reason" name="reason" required maxLength={500} errors={state.fieldErrors?.reason} defaultValue={state.ok ? "" : state.values?.reason} placeholder="e.g. walking 30 min is pain-free" />
      <div>
        <SubmitButton>{label}</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? "Stage set." : state.message} />
    </form>
  );
}

type Move = { ok: true; to: number } | { ok: false; why: string };

/** One click and a reason: a stage up or down. */
export function StageStepForm({ athleteId, up, down }: { athleteId: string; up: Move; down: Move }) {
  const [state, action] = useActionState(stageStepAction, {});
  const noteId = useId();
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="athleteId" value={athleteId} />
      <Field label="Reason for the step" name="reason" required maxLength={500} errors={state.fieldErrors?.reason} defaultValue={state.ok ? "" : state.values?.reason} placeholder="e.g. two clean sessions, mornings settled" />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="direction" value="down" disabled={!down.ok} aria-describedby={noteId} className={secondaryButton}>
          {down.ok ? `Step down to stage ${down.to}` : "Step down"}
        </button>
        <button type="submit" name="direction" value="up" disabled={!up.ok} aria-describedby={noteId} className={primaryButton}>
          {up.ok ? `Step up to stage ${up.to}` : "Step up"}
        </button>
      </div>
      <p id={noteId} className="text-sm text-slate-600">
        {[!down.ok ? down.why : null, !up.ok ? up.why : null].filter(Boolean).join(" ")}
      </p>
      <FormMessage ok={state.ok} message={state.ok ? "Step applied." : state.message} />
    </form>
  );
}

/** At the last stage: a distance prescription finishes the plan (status active). */
export function FinishForm({ athleteId, unit }: { athleteId: string; unit: "km" | "mi" }) {
  const [state, action] = useActionState(finishReturnToRunAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="unit" value={unit} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={`Weekly distance cap (${unit})`} name="weeklyDistance" inputMode="decimal" required errors={e.weeklyDistance} defaultValue={state.values?.weeklyDistance} />
        <Field label={`Longest run cap (${unit})`} name="longestRun" inputMode="decimal" required errors={e.longestRun} defaultValue={state.values?.longestRun} />
      </div>
      <Field label="Reason for finishing" name="reason" required maxLength={500} errors={e.reason} defaultValue={state.values?.reason} />
      <div>
        <SubmitButton>Finish the plan and set running</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? "Return to run finished." : state.message} />
    </form>
  );
}

export function StopPlanForm({ athleteId }: { athleteId: string }) {
  const [state, action] = useActionState(stopReturnToRunAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="athleteId" value={athleteId} />
      <Field label="Reason for taking them off the plan" name="reason" required maxLength={500} errors={state.fieldErrors?.reason} defaultValue={state.values?.reason} />
      <div>
        <SubmitButton variant="secondary">Take off the return-to-run plan</SubmitButton>
      </div>
      <FormMessage ok={state.ok} message={state.ok ? "Taken off the plan." : state.message} />
    </form>
  );
}

export function MayStepUpForm({ athleteId, allowed }: { athleteId: string; allowed: boolean }) {
  const [state, action] = useActionState(mayStepUpAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="allowed" value={allowed ? "false" : "true"} />
      <p className="text-sm text-slate-800">{allowed ? "The athlete may step up alone when ready." : "Only a trainer steps the athlete up."}</p>
      <SubmitButton variant="secondary">{allowed ? "Stop letting them step up alone" : "Let them step up alone"}</SubmitButton>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}
