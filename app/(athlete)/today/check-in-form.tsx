"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { ScaleField } from "@/app/_components/ui/scale-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { TextareaField } from "@/app/_components/ui/textarea-field";
import { useClientId } from "@/app/_components/ui/client-id";
import { RED_FLAG_QUESTIONS } from "@/lib/validation/red-flag-questions";
import type { CheckInView } from "@/lib/data/check-ins";
import { useLocale } from "@/app/_components/locale";
import { formatDay } from "@/lib/format/dates";
import { useOfflineAction, type OfflineState } from "../_components/offline/use-offline-action";
import { saveCheckInAction } from "../actions";

const PAIN_WORDS = { 0: "no pain", 5: "moderate", 10: "worst imaginable" };

const choice =
  "flex h-9 items-center justify-center rounded-md border border-slate-400 px-3 text-sm font-semibold peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-brand-700";

/**
 * The morning check-in. Nothing is answered for the athlete: "Any of these today?" (None / Yes)
 * must be chosen, and Yes asks each warning sign with neither answer preselected.
 */
export function CheckInForm({ existing, today }: { existing: CheckInView | null; today: string }) {
  const locale = useLocale();
  const offlineAction = useOfflineAction(saveCheckInAction, "check-in", { today, label: (body) => `Check-in of ${formatDay(String(body.date), locale)}` });
  const [state, action] = useActionState<OfflineState, FormData>(offlineAction, {});
  // a check-in queued on the phone leaves the form open: the next one is a new submission
  const clientId = useClientId(state.queuedId);
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const existingAny = existing ? (RED_FLAG_QUESTIONS.some((q) => existing.redFlags[q.code]) ? "yes" : "none") : undefined;
  // uncontrolled like the other fields: React resets a form after its action, back to the defaults
  const answered = v?.redFlagsAny ?? existingAny;
  const [any, setAny] = useState<string | undefined>(answered);
  const flagValue = (code: string) => v?.[`flag_${code}`] ?? (existingAny === "yes" ? (existing!.redFlags[code as keyof CheckInView["redFlags"]] ? "yes" : "no") : undefined);
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="clientId" value={clientId} />
      <ScaleField legend="Knee pain this morning (0–10)" name="morningPain" defaultValue={v?.morningPain ?? existing?.morningPain?.toString()} errors={e.morningPain} words={PAIN_WORDS} required />
      <fieldset aria-describedby={e.redFlagsAny ? "red-flags-any-error" : undefined} className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">Any of these today?</legend>
        {any === "yes" ? null : (
          <ul className="list-disc pl-5 text-sm text-slate-800">
            {RED_FLAG_QUESTIONS.map((q) => (
              <li key={q.code}>{q.question.replace(/\?$/, "")}</li>
            ))}
          </ul>
        )}
        <div className="flex gap-2">
          {(
            [
              ["none", "None"],
              ["yes", "Yes"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="relative">
              <input type="radio" name="redFlagsAny" value={value} defaultChecked={answered === value} onChange={() => setAny(value)} required className="peer sr-only" />
              <span className={`${choice} w-20`}>{label}</span>
            </label>
          ))}
        </div>
        {e.redFlagsAny ? (
          <p id="red-flags-any-error" className="text-sm font-medium text-red-700">
            {e.redFlagsAny.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {any === "yes" ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm font-medium text-slate-800">Answer each one: since yesterday, have you had…</p>
          {RED_FLAG_QUESTIONS.map((q) => {
            const error = e[`flag_${q.code}`];
            return (
              <fieldset key={q.code} aria-describedby={error ? `flag-${q.code}-error` : undefined} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2">
                <legend className="sr-only">{q.question}</legend>
                <span aria-hidden="true" className="min-w-0 flex-1 text-sm">
                  {q.question}
                </span>
                <span className="flex shrink-0 gap-1">
                  {(["no", "yes"] as const).map((answer) => (
                    <label key={answer} className="relative">
                      <input type="radio" name={`flag_${q.code}`} value={answer} defaultChecked={flagValue(q.code) === answer} className="peer sr-only" aria-label={`${q.question}: ${answer}`} />
                      <span className={`${choice} w-12 capitalize`}>{answer}</span>
                    </label>
                  ))}
                </span>
                {error ? (
                  <p id={`flag-${q.code}-error`} className="w-full text-sm font-medium text-red-700">
                    {error.join(" ")}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
        </div>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="tapeYesterday" defaultChecked={v ? v.tapeYesterday === "on" : existing?.tapeYesterday} className="h-5 w-5" />
        I wore kinesio tape yesterday
      </label>
      <TextareaField label="Anything else? (optional)" name="note" defaultValue={v?.note ?? existing?.note ?? ""} errors={e.note} rows={2} />
      <SubmitButton pendingLabel="Saving…">{existing ? "Update check-in" : "Save check-in"}</SubmitButton>
    </form>
  );
}
