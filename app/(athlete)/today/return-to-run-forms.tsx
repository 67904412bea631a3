"use client";

import { useActionState, useMemo, useState } from "react";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { ScaleField } from "@/app/_components/ui/scale-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { CR10_WORDS } from "@/lib/validation/reporting-labels";
import { useLocale } from "@/app/_components/locale";
import { formatDay } from "@/lib/format/dates";
import { useOfflineAction, type OfflineState } from "../_components/offline/use-offline-action";
import { athleteStageStepAction, logStageSessionAction } from "./return-to-run-actions";

const PAIN_WORDS = { 0: "none", 5: "moderate", 10: "worst" };

/** What the interval timer fills in: the timed minutes, the outcome, the repeats done and the running time. */
export type TimerPrefill = { minutes: string; outcome: "completed" | "stopped_early"; stoppedAtRepeat: string; runningSec: string };

/**
 * A stage session: completed or stopped early (the repeat reached, whether pain was why); pain during
 * and after. Without a signal it is checked on the phone and waits in the outbox (sent once, by its clientId).
 */
export function StageSessionForm({ stageId, stageNumber, repeats, walking, today, prefill }: { stageId: string; stageNumber: number; repeats: number; walking: boolean; today: string; prefill?: TimerPrefill }) {
  const locale = useLocale();
  const offlineAction = useOfflineAction(logStageSessionAction, "stage-session", { today, label: (body) => `Stage ${stageNumber} session of ${formatDay(String(body.date), locale)}` });
  const [state, action] = useActionState<OfflineState, FormData>(offlineAction, {});
  // one id per submission: a retry of a failed one reuses it, a saved (or queued) one makes way for a new one
  const clientId = useMemo(() => (state.ok || !state.values?.clientId ? crypto.randomUUID() : state.values.clientId), [state]);
  const v: Record<string, string | undefined> = state.ok ? {} : (state.values ?? prefill ?? {});
  const e = state.fieldErrors ?? {};
  const [outcome, setOutcome] = useState(v.outcome ?? "completed");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage ok={state.ok} message={state.queued ? state.message : state.ok ? "Session saved." : state.message} />
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="stageId" value={stageId} />
      {v.runningSec ? <input type="hidden" name="runningSec" value={v.runningSec} /> : null}
      <div className="grid grid-cols-2 gap-3">
        <Field label="Date" name="date" type="date" max={today} defaultValue={v.date ?? today} errors={e.date} />
        <Field label="Minutes" name="minutes" inputMode="numeric" placeholder="30" defaultValue={v.minutes ?? ""} errors={e.durationSec ?? e.minutes} />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">How did stage {stageNumber} go?</legend>
        <div className="mt-1 flex flex-col gap-1">
          <label className="flex items-center gap-2">
            <input type="radio" name="outcome" value="completed" checked={outcome === "completed"} onChange={() => setOutcome("completed")} />
            Completed the whole session
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="outcome" value="stopped_early" checked={outcome === "stopped_early"} onChange={() => setOutcome("stopped_early")} />
            Stopped early
          </label>
        </div>
        {e.outcome ? <p className="text-sm font-medium text-red-700">{e.outcome.join(" ")}</p> : null}
      </fieldset>
      {outcome === "stopped_early" ? (
        <div className="flex flex-col gap-3">
          {walking ? null : <Field label={`Repeats done (of ${repeats})`} name="stoppedAtRepeat" inputMode="numeric" defaultValue={v.stoppedAtRepeat ?? ""} errors={e.stoppedAtRepeat} />}
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Why did you stop?</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="stopReason" value="pain" defaultChecked={v.stopReason === "pain"} />
              Knee pain
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="stopReason" value="other" defaultChecked={v.stopReason === "other"} />
              Something else
            </label>
            {e.stopReason ? <p className="text-sm font-medium text-red-700">{e.stopReason.join(" ")}</p> : null}
          </fieldset>
        </div>
      ) : null}
      <ScaleField legend="Knee pain during (0–10)" name="painDuring" defaultValue={v.painDuring} errors={e.painDuring} words={PAIN_WORDS} />
      <ScaleField legend="Knee pain after (0–10)" name="painAfter" defaultValue={v.painAfter} errors={e.painAfter} words={PAIN_WORDS} />
      <ScaleField legend="Session effort (0–10)" name="rpe" defaultValue={v.rpe} errors={e.rpe} words={CR10_WORDS} />
      <Field label="Distance (km), optional" name="distanceKm" inputMode="decimal" defaultValue={v.distanceKm ?? ""} errors={e.distanceM} />
      <SubmitButton pendingLabel="Saving…">Save session</SubmitButton>
    </form>
  );
}

/** The athlete's own step (§2c): down one stage any time, up only when the trainer allowed it. */
export function StageStepButton({ direction, label }: { direction: "up" | "down"; label: string }) {
  const [state, action] = useActionState(athleteStageStepAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" className={secondaryButton}>
        {label}
      </button>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}
