"use client";

import { useActionState, type ReactNode } from "react";
import { useClientId } from "@/app/_components/ui/client-id";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { useOfflineAction, type OfflineState } from "../_components/offline/use-offline-action";
import { logExerciseAction } from "../actions";

type Props = { today: string; itemId: string; name: string; dosage: string; sets: number; done: { setsDone: number; exercisePain: number | null; couldNotFinish: boolean } | null; media?: ReactNode };

/** Tick an exercise off: sets done, pain during it, and whether it could be finished. */
export function ExerciseTick({ today, itemId, name, dosage, sets, done, media }: Props) {
  const offlineAction = useOfflineAction(logExerciseAction, "exercise-log", { today, label: () => `${name} ticked off` });
  const [state, action] = useActionState<OfflineState, FormData>(offlineAction, {});
  const clientId = useClientId();
  const slug = itemId.slice(0, 8);
  if (state.queued && !done) {
    return (
      <li className="rounded-lg border border-amber-300 bg-amber-50 p-3">
        <p className="font-semibold">
          <span aria-hidden="true">✓ </span>
          {name}
        </p>
        <p className="text-sm text-slate-800">Done: saved on this phone, waiting to send.</p>
      </li>
    );
  }
  if (done) {
    return (
      <li className="rounded-lg border border-brand-100 bg-brand-50 p-3">
        <p className="font-semibold">
          <span aria-hidden="true">✓ </span>
          {name}
        </p>
        <p className="text-sm text-slate-700">
          Done: {done.setsDone} of {sets} sets
          {done.exercisePain !== null ? `, pain ${done.exercisePain}/10` : ""}
          {done.couldNotFinish ? ", could not finish" : ""}
        </p>
      </li>
    );
  }
  const e = state.fieldErrors ?? {};
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <form action={action} aria-label={`Tick off ${name}`} className="flex flex-col gap-2">
        <div>
          <p className="font-semibold">{name}</p>
          <p className="text-sm text-slate-700">{dosage}</p>
        </div>
        {media}
        <input type="hidden" name="clientId" value={clientId} />
        <input type="hidden" name="programItemId" value={itemId} />
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor={`sets-${slug}`} className="text-sm font-medium">
              Sets done
            </label>
            <input id={`sets-${slug}`} name="setsDone" type="number" inputMode="numeric" min={0} max={50} defaultValue={state.values?.setsDone ?? sets} className="w-20 rounded-md border border-slate-400 px-2 py-2" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`pain-${slug}`} className="text-sm font-medium">
              Pain during (0–10)
            </label>
            {/* no answer is chosen for the athlete: left blank, the pain is not reported (never 0) */}
            <select key={state.values?.exercisePain ?? ""} id={`pain-${slug}`} name="exercisePain" defaultValue={state.values?.exercisePain ?? ""} className="rounded-md border border-slate-400 bg-white px-2 py-2">
              <option value="">Not said</option>
              {Array.from({ length: 11 }, (_, n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="couldNotFinish" className="h-5 w-5" />
            Could not finish
          </label>
          <SubmitButton pendingLabel="Saving…" className="ml-auto">
            Done
          </SubmitButton>
        </div>
        {Object.values(e).flat().length ? <p className="text-sm font-medium text-red-700">{Object.values(e).flat().join(" ")}</p> : null}
        {state.ok === false && !Object.keys(e).length ? <FormMessage message={state.message} /> : null}
      </form>
    </li>
  );
}
