"use client";

import { useState } from "react";

type Props = {
  /** The text to copy. */
  text: string;
  /** The element showing the text (an input or a code element): selected when the clipboard cannot be written. */
  targetId: string;
  /** The button's words, say "Copy link"; the announcement then says what was copied. */
  label: string;
  className?: string;
};

type Outcome = "idle" | "copied" | "selected";

function selectTarget(id: string): boolean {
  const el = document.getElementById(id);
  if (!el) return false;
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    el.focus();
    el.select();
    return true;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}

/**
 * Copies a link or token to the clipboard and says so in a live region. Where the clipboard cannot
 * be written (no permission, an http page other than localhost, an old browser), it selects the
 * text instead and asks the person to copy it themselves, rather than claiming it was copied.
 */
export function CopyButton({ text, targetId, label, className }: Props) {
  const [outcome, setOutcome] = useState<Outcome>("idle");

  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      setOutcome(selectTarget(targetId) ? "selected" : "idle");
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className={className ?? "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100"}
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-700">
        {outcome === "copied" ? "Copied" : outcome === "selected" ? "Selected: press Ctrl+C (⌘C on a Mac) to copy" : ""}
      </span>
    </span>
  );
}
