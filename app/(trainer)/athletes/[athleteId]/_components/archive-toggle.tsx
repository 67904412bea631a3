"use client";

import { useActionState } from "react";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { archiveAthleteAction, restoreAthleteAction } from "../../actions";

export function ArchiveToggle({ athleteId, archived }: { athleteId: string; archived: boolean }) {
  const [state, action] = useActionState(archived ? restoreAthleteAction : archiveAthleteAction, {});
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="athleteId" value={athleteId} />
      <SubmitButton variant="secondary" pendingLabel={archived ? "Restoring…" : "Archiving…"}>{archived ? "Restore athlete" : "Archive athlete"}</SubmitButton>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </form>
  );
}
