"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { createInviteAction, sendResetLinkAction, type InviteState } from "../../actions";

type Props = { athleteId: string; hasLogin: boolean; pendingUntil: string | null; archived: boolean; hasEmail: boolean };

export function InvitePanel({ athleteId, hasLogin, pendingUntil, archived, hasEmail }: Props) {
  const [state, action] = useActionState<InviteState, FormData>(createInviteAction, {});
  if (hasLogin) return <ResetLinkPanel athleteId={athleteId} archived={archived} />;
  if (archived) return null;
  return (
    <div>
      <h3 className="font-semibold">Athlete login</h3>
      <p className="mt-1 text-sm text-slate-700">
        {pendingUntil
          ? `An invitation is waiting (valid until ${new Date(pendingUntil).toLocaleDateString()}). A new one replaces it.`
          : hasEmail
            ? "Email them a one-time link to open on their phone and choose a password."
            : "Add their email address to the profile first: the invitation is emailed, and opening it proves the address is theirs."}
      </p>
      {hasEmail ? (
        <form action={action} className="mt-3">
          <input type="hidden" name="athleteId" value={athleteId} />
          <SubmitButton pendingLabel="Sending…">{pendingUntil ? "Email a new invitation" : "Email an invitation"}</SubmitButton>
        </form>
      ) : null}
      <div className="mt-3">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
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
