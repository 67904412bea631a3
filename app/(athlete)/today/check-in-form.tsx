"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { ScaleField } from "@/app/_components/ui/scale-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { TextareaField } from "@/app/_components/ui/textarea-field";
import { useClientId } from "@/app/_components/ui/client-id";
import { RED_FLAG_QUESTIONS } from "@/lib/validation/red-flag-questions";
import type { CheckInView } from "@/lib/data/check-ins";
import { saveCheckInAction } from "../actions";

const PAIN_WORDS = { 0: "no pain", 5: "moderate", 10: "worst imaginable" };

export function CheckInForm({ existing }: { existing: CheckInView | null }) {
  const [state, action] = useActionState(saveCheckInAction, {});
  const clientId = useClientId();
  const v = state.values;
  const e = state.fieldErrors ?? {};
  const flagValue = (code: string) => v?.[`flag_${code}`] ?? (existing?.redFlags[code as keyof CheckInView["redFlags"]] ? "yes" : "no");
  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="clientId" value={clientId} />
      <ScaleField legend="Knee pain this morning (0–10)" name="morningPain" defaultValue={v?.morningPain ?? existing?.morningPain?.toString()} errors={e.morningPain} words={PAIN_WORDS} required />
      <div className="flex flex-col gap-3">
        <p className="text-sm font-medium text-slate-800">Since yesterday, have you had…</p>
        {RED_FLAG_QUESTIONS.map((q) => (
          <fieldset key={q.code} className="flex items-center justify-between gap-3 rounded-md border border-slate-200 px-3 py-2">
            <legend className="sr-only">{q.question}</legend>
            <span aria-hidden="true" className="text-sm">
              {q.question}
            </span>
            <span className="flex shrink-0 gap-1">
              {(["no", "yes"] as const).map((answer) => (
                <label key={answer} className="relative">
                  <input type="radio" name={`flag_${q.code}`} value={answer} defaultChecked={flagValue(q.code) === answer} className="peer sr-only" aria-label={`${q.question}: ${answer}`} />
                  <span className="flex h-9 w-12 items-center justify-center rounded-md border border-slate-400 text-sm font-semibold capitalize peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-brand-700">
                    {answer}
                  </span>
                </label>
              ))}
            </span>
            {e[`flag_${q.code}`] ? <span className="sr-only">{q.question}: answer yes or no</span> : null}
          </fieldset>
        ))}
        {RED_FLAG_QUESTIONS.some((q) => e[`flag_${q.code}`]) ? <p className="text-sm font-medium text-red-700">Answer yes or no to each question.</p> : null}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="tapeYesterday" defaultChecked={v ? v.tapeYesterday === "on" : existing?.tapeYesterday} className="h-5 w-5" />
        I wore kinesio tape yesterday
      </label>
      <TextareaField label="Anything else? (optional)" name="note" defaultValue={v?.note ?? existing?.note ?? ""} errors={e.note} rows={2} />
      <SubmitButton pendingLabel="Saving…">{existing ? "Update check-in" : "Save check-in"}</SubmitButton>
    </form>
  );
}
