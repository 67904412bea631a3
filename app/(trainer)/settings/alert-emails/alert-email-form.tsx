"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import type { AlertEmailChoice } from "@/lib/mail/alert-mail";
import { setAlertEmailAction } from "./actions";

const CHOICES: { value: AlertEmailChoice; label: string; description: string }[] = [
  { value: "immediate", label: "Urgent alerts at once", description: "An email within a minute of each urgent alert (an urgent red flag, or pain of 7 or more)." },
  {
    value: "digest",
    label: "Urgent alerts at once, and a daily summary",
    description: "Also one email a day listing the open high and moderate alerts, at the hour you choose.",
  },
  { value: "none", label: "No alert emails", description: "You see alerts in the app only, urgent ones too." },
];

const pad = (h: number) => String(h).padStart(2, "0");
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${pad(h)}:00` }));

export function AlertEmailForm({ alertEmail, digestHour, timeZone }: { alertEmail: AlertEmailChoice; digestHour: number; timeZone: string }) {
  const [state, action] = useActionState(setAlertEmailAction, {});
  // the radios are uncontrolled: React resets a form after its action, to each field's default, so
  // the defaults are what was just saved (the page's props) or, after a refusal, what was sent
  const saved = state.values?.alertEmail ?? alertEmail;
  const [choice, setChoice] = useState<string>(saved);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage message={state.ok ? "Saved." : state.message} ok={state.ok} />
      <fieldset aria-describedby={state.fieldErrors?.alertEmail ? "alert-email-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Email me about alerts</legend>
        <div className="mt-2 flex flex-col gap-2">
          {CHOICES.map((c) => (
            <label key={c.value} className="flex items-start gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input
                type="radio"
                name="alertEmail"
                value={c.value}
                defaultChecked={saved === c.value}
                onChange={() => setChoice(c.value)}
                aria-labelledby={`alert-email-${c.value}-label`}
                aria-describedby={`alert-email-${c.value}-description`}
                className="mt-1 h-4 w-4 accent-brand-700"
              />
              <span>
                <span id={`alert-email-${c.value}-label`} className="block text-sm font-semibold">
                  {c.label}
                </span>
                <span id={`alert-email-${c.value}-description`} className="block text-sm text-slate-600">
                  {c.description}
                </span>
              </span>
            </label>
          ))}
        </div>
        {state.fieldErrors?.alertEmail ? (
          <p id="alert-email-error" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.alertEmail.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {choice === "digest" ? (
        <SelectField
          // a select keeps the default it mounted with through a form reset: a new hour, a new select
          key={state.values?.digestHour ?? String(digestHour)}
          label="Daily summary at"
          name="digestHour"
          defaultValue={state.values?.digestHour ?? String(digestHour)}
          errors={state.fieldErrors?.digestHour}
          description={`Local time of the clinic (${timeZone}). One summary a day, only when something is open.`}
          options={HOURS}
        />
      ) : null}
      <div>
        <SubmitButton>Save alert emails</SubmitButton>
      </div>
    </form>
  );
}
