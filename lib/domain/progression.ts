// Progression suggestions per program item (DESIGN §2 "Suggestions", §2a Progress/Regress). The
// app only suggests; the trainer applies a change with one click and it is recorded there.
//
// Noted while implementing §2a as written:
// - Progress needs exercise pain ≤ 2 on both logs; a log with no exercise pain reported is
//   treated as not meeting it (the morning clause says "where reported", this one does not), so
//   an athlete who never fills in exercise pain is never suggested to progress.
// - "Not above baseline" the morning after a log is only checkable when that morning has a
//   baseline; with fewer than 3 earlier mornings it cannot be judged and does not block.
// - A red flag blocks progress but not regress, which keeps a warning from hiding a regression.
// - "Its logs" are the logs of the step in force on d: a step up or down starts the count again.
// - At either end of a ladder the move the buttons cannot make becomes a hold that says so.
import { addDays } from "./dates";
import { ladderEnds, type LadderRung } from "./ladder";
import { rise } from "./pain";
import { RED_FLAG_LABELS, redFlagsBetween } from "./red-flags";
import type { ExerciseLog, History, IsoDate } from "./types";
import { formatNumber } from "./units";

export type Suggestion = "progress" | "regress" | "hold";
export type ProgressionResult = { suggestion: Suggestion; reason: string };

/** §2: exercise pain 0–2 is "safe", > 5 "too much". */
export const EXERCISE_PAIN_SAFE = 2;
export const EXERCISE_PAIN_TOO_MUCH = 5;
const RED_FLAG_DAYS = 7;

/**
 * One step of a program item: the exercise it was on from a step (progress or regress) until the
 * next one. The first step has no start: it covers everything before the item's first step.
 * `from` is the step's local date, `startedAtMs` its moment.
 */
export type ItemStep = { exerciseId: string; name: string; from: IsoDate | null; startedAtMs: number | null };

/** The step in force on d: the latest one that started on or before d (oldest-first input). */
export function stepOn(steps: readonly ItemStep[], d: IsoDate): ItemStep | null {
  let found: ItemStep | null = null;
  for (const s of steps) if (s.from === null || s.from <= d) found = s;
  return found;
}

/**
 * Whether a log was done at this step: stored while the item was on the step's exercise (after the
 * step started and before the next one), and dated on or after the step's date. A log without a
 * stored moment (built by hand) is placed by its date alone. A log entered after a step for a date
 * before it counts for neither step: which exercise it was is not known.
 */
export function loggedAtStep(steps: readonly ItemStep[], step: ItemStep, log: ExerciseLog): boolean {
  if (step.from !== null && log.date < step.from) return false;
  const at = log.loggedAtMs;
  if (at === undefined) return stepOn(steps, log.date) === step;
  const i = steps.indexOf(step);
  const next = steps[i + 1];
  return (step.startedAtMs === null || at >= step.startedAtMs) && (next?.startedAtMs == null || at < next.startedAtMs);
}

/** Logs of one item on or before d, most recent first; same-day logs keep their input order reversed. */
function recentLogs(logs: readonly ExerciseLog[], itemId: string, d: IsoDate, at?: { steps: readonly ItemStep[]; step: ItemStep }): ExerciseLog[] {
  return logs
    .map((log, index) => ({ log, index }))
    .filter(({ log }) => log.itemId === itemId && log.date <= d && (!at || loggedAtStep(at.steps, at.step, log)))
    .sort((a, b) => (a.log.date === b.log.date ? b.index - a.index : a.log.date < b.log.date ? 1 : -1))
    .map(({ log }) => log);
}

function regressReason(
  log: ExerciseLog,
  morning: History["morningPain"],
): string | null {
  if (log.exercisePain !== null && log.exercisePain > EXERCISE_PAIN_TOO_MUCH) {
    return `Exercise pain ${log.exercisePain}/10 on ${log.date} is over 5`;
  }
  if (log.couldNotFinish) return `Could not finish the session on ${log.date}`;
  const nextDay = addDays(log.date, 1);
  const r = rise(morning, nextDay);
  if (r !== null && r >= 2) {
    return `Morning pain on ${nextDay} rose ${formatNumber(r)} above baseline after the session`;
  }
  return null;
}

/** Why one log does not count toward progress, or null when it does. */
function notReadyReason(log: ExerciseLog, morning: History["morningPain"]): string | null {
  if (log.setsDone < log.setsPrescribed) {
    return `${log.date}: ${log.setsDone} of ${log.setsPrescribed} sets done`;
  }
  if (log.couldNotFinish) return `${log.date}: could not finish`;
  if (log.exercisePain === null) return `${log.date}: exercise pain not reported`;
  if (log.exercisePain > EXERCISE_PAIN_SAFE) return `${log.date}: exercise pain ${log.exercisePain}/10 is above 2`;
  const nextDay = addDays(log.date, 1);
  const r = rise(morning, nextDay);
  if (r !== null && r > 0) return `Morning pain on ${nextDay} was above baseline`;
  return null;
}

export const EASIEST_STEP_HOLD = "Hold — already the easiest step; consider another exercise";
export const HARDEST_STEP_HOLD = "Hold — already the hardest step; consider another exercise";

/**
 * A regress at the easiest step, or a progress at the hardest, has no step to move to: it becomes
 * a hold that says so, keeping the reason the move was concluded.
 */
export function concludeAtLadderEnds(result: ProgressionResult, ends: { easiest: boolean; hardest: boolean } | null): ProgressionResult {
  const lower = (r: string) => r.charAt(0).toLowerCase() + r.slice(1);
  if (ends?.easiest && result.suggestion === "regress") return { suggestion: "hold", reason: `${EASIEST_STEP_HOLD} (${lower(result.reason)})` };
  if (ends?.hardest && result.suggestion === "progress") return { suggestion: "hold", reason: `${HARDEST_STEP_HOLD} (${lower(result.reason)})` };
  return result;
}

/**
 * §2a suggestion for one program item on d, from that item's logs up to d. Regress is checked
 * first; progress and regress cannot both hold, since progress needs the latest log to be clean.
 * With the item's `steps`, only the logs done at the step in force on d count; with its ladder's
 * `rungs` too, a move off either end of the ladder reads as a hold (concludeAtLadderEnds).
 */
export function suggestProgression(args: {
  itemId: string;
  logs: readonly ExerciseLog[];
  history: Pick<History, "checkIns" | "morningPain">;
  d: IsoDate;
  steps?: readonly ItemStep[];
  rungs?: readonly LadderRung[] | null;
}): ProgressionResult {
  const step = args.steps ? stepOn(args.steps, args.d) : null;
  const result = suggestAtStep(args, step && args.steps ? { steps: args.steps, step } : undefined);
  if (!step || !args.rungs) return result;
  return concludeAtLadderEnds(result, ladderEnds(args.rungs, step.exerciseId));
}

function suggestAtStep(
  args: { itemId: string; logs: readonly ExerciseLog[]; history: Pick<History, "checkIns" | "morningPain">; d: IsoDate },
  at: { steps: readonly ItemStep[]; step: ItemStep } | undefined,
): ProgressionResult {
  const { itemId, history, d } = args;
  const logs = recentLogs(args.logs, itemId, d, at);
  const latest = logs[0];
  if (!latest) {
    const since = at?.step.from ? ` since the step to ${at.step.name} on ${at.step.from}` : " yet";
    return { suggestion: "hold", reason: `No sessions logged${since}` };
  }

  const regress = regressReason(latest, history.morningPain);
  if (regress) return { suggestion: "regress", reason: regress };

  const previous = logs[1];
  if (!previous) return { suggestion: "hold", reason: "Only one session logged; progress needs two" };
  for (const log of [latest, previous]) {
    const why = notReadyReason(log, history.morningPain);
    if (why) return { suggestion: "hold", reason: why };
  }

  const flags = redFlagsBetween(history.checkIns, addDays(d, -(RED_FLAG_DAYS - 1)), d);
  const lastFlag = flags[flags.length - 1];
  if (lastFlag) {
    return {
      suggestion: "hold",
      reason: `Red flag in the last 7 days (${RED_FLAG_LABELS[lastFlag.flag]} on ${lastFlag.date}); progression paused`,
    };
  }
  return {
    suggestion: "progress",
    reason:
      "The last two sessions were done at full dosage with exercise pain ≤ 2, no morning rise, and no red flags in 7 days",
  };
}
