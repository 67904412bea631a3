"use client";

import { createContext, useActionState, useContext, useEffect, useId, useMemo, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { primaryButton } from "@/app/_components/ui/button-styles";
import type { ActionState } from "@/lib/auth/action";
import { alertAction } from "../actions";

/**
 * Row selection for the triage table: the only client state of the view. Rows are server-rendered;
 * each row's checkbox belongs (through its `form` attribute) to the bulk-acknowledge form, so
 * selecting and acknowledging also works before the page's script has loaded.
 */
export const BULK_FORM_ID = "triage-acknowledge";

type Selection = { selected: ReadonlySet<string>; rows: readonly string[]; toggle: (id: string, on: boolean) => void; setAll: (on: boolean) => void; clear: () => void };

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error("Triage selection controls must sit inside <TriageSelection>.");
  return s;
}

/**
 * `rows`: the row tokens on this page (athlete and the open alerts the row shows), in order. A
 * selection never outlives the rows it named: when a refresh brings an athlete a new alert, the row's
 * token changes and its tick goes, so an alert the trainer had not seen when ticking is never
 * acknowledged with the others.
 */
export function TriageSelection({ rows, children }: { rows: string[]; children: React.ReactNode }) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const value = useMemo<Selection>(() => {
    const onPage = new Set(rows);
    const selected = new Set([...picked].filter((id) => onPage.has(id)));
    return {
      selected,
      rows,
      toggle: (id, on) =>
        setPicked((prev) => {
          const next = new Set(prev);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      setAll: (on) => setPicked(on ? new Set(rows) : new Set()),
      clear: () => setPicked(new Set()),
    };
  }, [picked, rows]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** One row's checkbox; its value names the row's open alerts (the athlete and their fingerprint), which acknowledging acts on. */
export function RowCheckbox({ name, token }: { name: string; token: string }) {
  const { selected, toggle } = useSelection();
  return (
    <input
      type="checkbox"
      form={BULK_FORM_ID}
      name="row"
      value={token}
      checked={selected.has(token)}
      onChange={(e) => toggle(token, e.target.checked)}
      aria-label={`Select ${name}`}
      className="h-5 w-5 accent-brand-700"
    />
  );
}

export function SelectAllCheckbox() {
  const { selected, rows, setAll } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = rows.length > 0 && selected.size === rows.length;
  const some = selected.size > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      checked={all}
      onChange={(e) => setAll(e.target.checked)}
      aria-label="Select all athletes on this page"
      className="h-5 w-5 accent-brand-700"
    />
  );
}

/**
 * Acknowledge the selected rows together (one transaction), with an optional note. The result is
 * announced in a live region that stays on the page while the rows it acted on leave the table.
 */
export function BulkAcknowledge() {
  const { selected, clear } = useSelection();
  const [state, action] = useActionState<ActionState, FormData>(alertAction, {});
  const [announcement, setAnnouncement] = useState("");
  const submitted = useRef(0);
  const lastState = useRef(state);
  const noteId = useId();

  useEffect(() => {
    if (state === lastState.current) return;
    lastState.current = state;
    if (state.ok) {
      const n = submitted.current;
      setAnnouncement(`Acknowledged the open alerts of ${n} ${n === 1 ? "athlete" : "athletes"}.`);
      clear();
    } else if (state.ok === false) {
      setAnnouncement(state.fieldErrors?.alertId?.join(" ") ?? state.fieldErrors?.row?.join(" ") ?? state.fieldErrors?.note?.join(" ") ?? state.message ?? "The alerts were not acknowledged.");
    }
  }, [state, clear]);

  return (
    <form
      id={BULK_FORM_ID}
      action={action}
      onSubmit={(e) => {
        if (selected.size === 0) {
          e.preventDefault();
          setAnnouncement("Select at least one athlete first.");
          return;
        }
        submitted.current = selected.size;
        setAnnouncement("");
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="intent" value="acknowledge" />
      <div className="flex min-w-0 flex-col">
        <label htmlFor={noteId} className="text-sm font-medium text-slate-800">
          Note for the selected (optional)
        </label>
        <input id={noteId} name="note" maxLength={1000} className="mt-1 w-64 max-w-full rounded-md border border-slate-400 px-2 py-1.5 text-sm" />
      </div>
      <AcknowledgeButton count={selected.size} />
      <p role="status" aria-live="polite" className="self-center text-sm font-medium text-slate-800">
        {announcement}
      </p>
    </form>
  );
}

function AcknowledgeButton({ count }: { count: number }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={`${primaryButton} px-3 py-1.5 text-sm`}>
      {pending ? "Acknowledging…" : count > 0 ? `Acknowledge selected (${count})` : "Acknowledge selected"}
    </button>
  );
}
