"use client";

import { useActionState } from "react";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { archiveAthleteActivityAction } from "../../../entry-actions";

/** The trainer's delete of a wrong entry: confirmed first, archived, and kept in the audit log. */
export function DeleteActivityButton({ id, athleteName }: { id: string; athleteName: string }) {
  const [state, action] = useActionState(archiveAthleteActivityAction, {});
  return (
    <div className="mt-6 border-t border-slate-200 pt-4">
      <ConfirmDialog
        trigger="Delete this activity"
        triggerClassName="font-semibold text-red-800 underline"
        title="Delete this activity?"
        body={
          <p>
            It leaves {athleteName}&apos;s history, charts and load, and the alerts are worked out again without it. The audit log keeps who
            deleted it and when.
          </p>
        }
        confirm={
          <form action={action}>
            <input type="hidden" name="id" value={id} />
            <SubmitButton pendingLabel="Deleting…">Delete</SubmitButton>
          </form>
        }
      />
      {state.ok === false ? (
        <p role="status" className="mt-2 text-red-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
