"use client";

import { useActionState } from "react";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { archiveActivityAction } from "../actions";

export function ArchiveEntryButton({ id, label }: { id: string; label: string }) {
  const [state, action] = useActionState(archiveActivityAction, {});
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmDialog
        trigger={
          <>
            Delete<span className="sr-only"> {label}</span>
          </>
        }
        triggerClassName="font-semibold text-red-800 underline"
        title="Delete this entry?"
        body={<p>The {label} will be removed from your history and charts. Your trainer can still see that it was deleted.</p>}
        confirm={
          <form action={action}>
            <input type="hidden" name="id" value={id} />
            <SubmitButton pendingLabel="Deleting…">Delete</SubmitButton>
          </form>
        }
      />
      {state.ok === false ? <span className="text-red-800">{state.message}</span> : null}
    </span>
  );
}
