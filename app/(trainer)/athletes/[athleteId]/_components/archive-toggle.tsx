"use client";

import { useActionState } from "react";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { archiveAthleteAction, restoreAthleteAction } from "../../actions";

type Props = { athleteId: string; archived: boolean; name: string };

/**
 * Archiving asks first (it hides the athlete from lists and alerts); restoring is one click.
 *
 * Each direction is its own component with its own `useActionState`: React 19.3 keeps the action a
 * hook was first rendered with as the one it compares against, so a single hook switched from archive
 * to restore and back went on dispatching restore (the second archive of a page did nothing).
 */
export function ArchiveToggle({ athleteId, archived, name }: Props) {
  return archived ? <RestoreButton athleteId={athleteId} /> : <ArchiveButton athleteId={athleteId} name={name} />;
}

function ArchiveButton({ athleteId, name }: { athleteId: string; name: string }) {
  const [state, action] = useActionState(archiveAthleteAction, {});
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        trigger="Archive athlete"
        title={`Archive ${name}?`}
        body={
          <p>
            {name} will drop out of the roster and the alerts list. Every record is kept, and you can restore them at any
            time.
          </p>
        }
        confirm={
          <form action={action}>
            <input type="hidden" name="athleteId" value={athleteId} />
            <SubmitButton pendingLabel="Archiving…">Archive athlete</SubmitButton>
          </form>
        }
      />
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </div>
  );
}

function RestoreButton({ athleteId }: { athleteId: string }) {
  const [state, action] = useActionState(restoreAthleteAction, {});
  return (
    <div className="flex flex-col items-end gap-1">
      <form action={action}>
        <input type="hidden" name="athleteId" value={athleteId} />
        <SubmitButton variant="secondary" pendingLabel="Restoring…">
          Restore athlete
        </SubmitButton>
      </form>
      {state.ok === false ? <FormMessage message={state.message} /> : null}
    </div>
  );
}
