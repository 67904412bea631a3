"use client";

import { useActionState } from "react";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { archiveAthleteAction, restoreAthleteAction } from "../../actions";

/** Archiving asks first (it hides the athlete from lists and alerts); restoring is one click. */
export function ArchiveToggle({ athleteId, archived, name }: { athleteId: string; archived: boolean; name: string }) {
  const [state, action] = useActionState(archived ? restoreAthleteAction : archiveAthleteAction, {});
  const form = (
    <form action={action}>
      <input type="hidden" name="athleteId" value={athleteId} />
      <SubmitButton variant={archived ? "secondary" : "primary"} pendingLabel={archived ? "Restoring…" : "Archiving…"}>
        {archived ? "Restore athlete" : "Archive athlete"}
      </SubmitButton>
    </form>
  );
  return (
    <div className="flex flex-col items-end gap-1">
      {archived ? (
        form
      ) : (
        <ConfirmDialog
          trigger="Archive athlete"
          title={`Archive ${name}?`}
          body={
            <p>
              {name} will drop out of the roster and the alerts list. Every record is kept, and you can restore them at any
              time.
            </p>
          }
          confirm={form}
        />
      )}
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </div>
  );
}
