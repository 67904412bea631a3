"use client";

import { useActionState } from "react";
import { archiveActivityAction } from "../actions";

export function ArchiveEntryButton({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState(archiveActivityAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="font-semibold text-red-800 underline">
        Delete<span className="sr-only"> {label}</span>
      </button>
      {state.ok === false ? <span className="ml-2 text-red-800">{state.message}</span> : null}
    </form>
  );
}
