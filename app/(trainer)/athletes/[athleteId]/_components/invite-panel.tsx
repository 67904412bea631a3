"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { createInviteAction, sendResetLinkAction, type InviteState } from "../../actions";

type Props = { athleteId: string; hasLogin: boolean; pendingUntil: string | null; archived: boolean };

export function InvitePanel({ athleteId, hasLogin, pendingUntil, archived }: Props) {
  const [state, action] = useActionState<InviteState, FormData>(createInviteAction, {});
  const [copied, setCopied] = useState(false);
  if (hasLogin) return <ResetLinkPanel athleteId={athleteId} archived={archived} />;
  if (archived) return null;
  return (
    <div>
      <h3 className="font-semibold">Athlete login</h3>
      <p className="mt-1 text-sm text-slate-700">
        {pendingUntil
          ? `An invitation is waiting (valid until ${new Date(pendingUntil).toLocaleDateString()}). A new link replaces it.`
          : "Create a one-time link they open on their phone to choose a password."}
      </p>
      <form action={action} className="mt-3">
        <input type="hidden" name="athleteId" value={athleteId} />
        <SubmitButton pendingLabel="Creating…">{pendingUntil ? "Create a new invitation link" : "Create invitation link"}</SubmitButton>
      </form>
      <div className="mt-3">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      {state.link ? (
        <div className="mt-3 flex flex-col gap-2">
          <label htmlFor="invite-link" className="text-sm font-medium">
            Invitation link
          </label>
          <input id="invite-link" readOnly value={state.link} className="rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="self-start rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold"
            onClick={async () => {
              await navigator.clipboard?.writeText(state.link!).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </button>
          <span aria-live="polite" className="sr-only">
            {copied ? "Link copied to the clipboard" : ""}
          </span>
        </div>
      ) : null}
    </div>
  );
}

/** An athlete who has a login but lost their password: the trainer emails them a reset link. */
function ResetLinkPanel({ athleteId, archived }: { athleteId: string; archived: boolean }) {
  const [state, action] = useActionState<InviteState, FormData>(sendResetLinkAction, {});
  return (
    <div>
      <p className="text-sm text-slate-700">Has a login and checks in from their phone.</p>
      {archived ? null : (
        <form action={action} className="mt-3 flex flex-col gap-3">
          <FormMessage message={state.message} ok={state.ok} />
          <input type="hidden" name="athleteId" value={athleteId} />
          <div>
            <SubmitButton variant="secondary" pendingLabel="Sending…">
              Email a password reset link
            </SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}
