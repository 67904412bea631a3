"use client";

import { useActionState, useState } from "react";
import { isIsoDate } from "@/lib/domain/dates";
import { toMetres } from "@/lib/domain/units";
import { capWarning, checkDraftRun, type RunCapContext } from "@/lib/domain/week-so-far";
import { useClientId } from "@/app/_components/ui/client-id";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { ScaleField } from "@/app/_components/ui/scale-field";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { TextareaField } from "@/app/_components/ui/textarea-field";
import { ACTIVITY_LABELS, ACTIVITY_TYPES, CR10_WORDS } from "@/lib/validation/reporting-labels";
import type { ActionState } from "@/lib/auth/action";
import { useLocale } from "@/app/_components/locale";
import { formatDay } from "@/lib/format/dates";
import { useOfflineAction, type OfflineState } from "./offline/use-offline-action";
import { saveActivityAction } from "../actions";

type Props = {
  /** the athlete's own action by default; a trainer's page passes its own and the athlete's id */
  action?: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  athleteId?: string;
  unit: "km" | "mi";
  today: string;
  shoes: { id: string; name: string }[];
  initial?: Partial<Record<string, string>> & { activityId?: string };
  /** the athlete's runs and caps, to say before saving that a run passes a cap (it is still saved) */
  caps?: RunCapContext;
  /** the shoe a new run is in unless changed: the one used last, or the only active pair */
  defaultShoeId?: string | null;
};

const PAIN_WORDS = { 0: "none", 5: "moderate", 10: "worst" };

/** Runs and cross-training; what was typed stays after a failed submit, and retries reuse one id. */
/** The cap warning for what is typed now; null when the run is within the caps or cannot be read yet. */
function draftWarning(caps: RunCapContext | undefined, draft: { type: string; date: string; distance: string; id: string }, unit: "km" | "mi"): string | null {
  if (!caps || draft.type !== "run" || !isIsoDate(draft.date)) return null;
  const text = draft.distance.trim().replace(",", ".");
  const value = text ? Number(text) : NaN;
  if (!Number.isFinite(value) || value <= 0) return null;
  const check = checkDraftRun(caps, { id: draft.id, date: draft.date, distanceM: Math.round(toMetres(value, unit)) });
  return check ? capWarning(check, unit, caps.today) : null;
}

export function ActivityForm({ action: custom, athleteId, unit, today, shoes, initial = {}, caps, defaultShoeId }: Props) {
  const locale = useLocale();
  const save = custom ?? saveActivityAction;
  const offlineAction = useOfflineAction(save, "activity", { today, unit, label: (body) => `${ACTIVITY_LABELS[body.type as keyof typeof ACTIVITY_LABELS] ?? "Activity"} of ${formatDay(String(body.date), locale)}` });
  // only the athlete's own new entries can wait on the phone; a trainer's form and an edit need the server
  const [state, action] = useActionState<OfflineState, FormData>(custom || athleteId || initial.activityId ? save : offlineAction, {});
  // a report queued on the phone leaves the form open: the next one is a new submission
  const clientId = useClientId(state.queuedId);
  const v = { ...initial, ...state.values };
  const e = state.fieldErrors ?? {};
  const [type, setType] = useState(v.type ?? "run");
  const [draft, setDraft] = useState({ date: v.date ?? today, distance: v.distance ?? "" });
  const warning = draftWarning(caps, { type, ...draft, id: initial.activityId ?? "new" }, unit);
  const track = (event: React.ChangeEvent<HTMLFormElement>) => {
    const { name, value } = event.target as unknown as HTMLInputElement;
    if (name === "date" || name === "distance") setDraft((d) => ({ ...d, [name]: value }));
  };
  return (
    <form action={action} onChange={track} className="flex flex-col gap-5" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="clientId" value={v.clientId ?? clientId} />
      {initial.activityId ? <input type="hidden" name="activityId" value={initial.activityId} /> : null}
      {athleteId ? <input type="hidden" name="athleteId" value={athleteId} /> : null}
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">What did you do?</legend>
        <div className="mt-1 grid grid-cols-3 gap-2 sm:grid-cols-5">
          {ACTIVITY_TYPES.map((t) => (
            <label key={t} className="relative">
              <input type="radio" name="type" value={t} checked={type === t} onChange={() => setType(t)} className="peer sr-only" />
              <span className="flex h-11 items-center justify-center rounded-md border border-slate-400 text-sm font-semibold peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-brand-700">
                {ACTIVITY_LABELS[t]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Date" name="date" type="date" max={today} defaultValue={v.date ?? today} errors={e.date} />
        <Field label="Start time" name="startTime" type="time" defaultValue={v.startTime ?? ""} errors={e.startTime} />
        <Field label="Duration (minutes, or h:mm:ss)" name="duration" inputMode="text" placeholder="45" defaultValue={v.duration ?? ""} errors={e.duration} />
        <Field
          label={`Distance (${unit})${type === "run" ? "" : ", optional"}`}
          name="distance"
          inputMode="decimal"
          placeholder={unit === "km" ? "6.5" : "4"}
          defaultValue={v.distance ?? ""}
          errors={e.distance}
        />
      </div>
      <ScaleField legend="Session effort (0–10)" hint="How hard was the whole session?" name="rpe" defaultValue={v.rpe} errors={e.rpe} words={CR10_WORDS} />
      <ScaleField legend="Knee pain during (0–10)" name="painDuring" defaultValue={v.painDuring} errors={e.painDuring} words={PAIN_WORDS} />
      <ScaleField legend="Knee pain after (0–10)" name="painAfter" defaultValue={v.painAfter} errors={e.painAfter} words={PAIN_WORDS} />
      {type === "run" && shoes.length ? (
        <SelectField label="Shoes" name="shoeId" defaultValue={v.shoeId ?? defaultShoeId ?? ""} errors={e.shoeId} options={[{ value: "", label: "Not recorded" }, ...shoes.map((s) => ({ value: s.id, label: s.name }))]} />
      ) : null}
      <TextareaField label="Note (optional)" name="note" rows={2} defaultValue={v.note ?? ""} errors={e.note} />
      <div aria-live="polite">
        {warning ? <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900">{warning}</p> : null}
      </div>
      <SubmitButton pendingLabel="Saving…">{initial.activityId ? "Save changes" : "Save activity"}</SubmitButton>
    </form>
  );
}
