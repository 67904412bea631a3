// How a prescription reads to a person ("3 × 15 reps · 3 days a week"). Plain data in, text out.
import type { DosageLike } from "./ladder";

/**
 * `perSide` is the exercise's, not the prescription's: a one-sided exercise's reps or hold are per
 * side ("3 × 30 s each side"); otherwise a hold reads "3 × 30 s hold".
 */
export function formatDosage(d: DosageLike & { load?: string | null; perSide?: boolean }): string {
  const side = d.perSide ? " each side" : "";
  const amount =
    d.reps != null ? `${d.sets} × ${d.reps} reps${side}` : d.holdSec != null ? `${d.sets} × ${d.holdSec} s${side || " hold"}` : `${d.sets} sets`;
  const days = d.daysPerWeek === 7 ? "every day" : `${d.daysPerWeek} day${d.daysPerWeek === 1 ? "" : "s"} a week`;
  return [amount, d.load?.trim() || null, days].filter(Boolean).join(" · ");
}

/** "Run 4 min / walk 1 min", or null when no ratio is set. */
export function formatRunWalk(runSec: number | null, walkSec: number | null): string | null {
  if (runSec == null || walkSec == null) return null;
  const m = (s: number) => (s % 60 === 0 ? `${s / 60} min` : s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`);
  return `Run ${m(runSec)} / walk ${m(walkSec)}`;
}

/** Whether two prescriptions are the same amount of work (for "no change" checks). */
export function sameDosage(a: DosageLike, b: DosageLike): boolean {
  return a.sets === b.sets && (a.reps ?? null) === (b.reps ?? null) && (a.holdSec ?? null) === (b.holdSec ?? null) && a.daysPerWeek === b.daysPerWeek;
}
