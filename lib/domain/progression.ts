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
import { addDays } from "./dates";
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

/** Logs of one item on or before d, most recent first; same-day logs keep their input order reversed. */
function recentLogs(logs: readonly ExerciseLog[], itemId: string, d: IsoDate): ExerciseLog[] {
  return logs
    .map((log, index) => ({ log, index }))
    .filter(({ log }) => log.itemId === itemId && log.date <= d)
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

/**
 * §2a suggestion for one program item on d, from that item's logs up to d. Regress is checked
 * first; progress and regress cannot both hold, since progress needs the latest log to be clean.
 */
export function suggestProgression(args: {
  itemId: string;
  logs: readonly ExerciseLog[];
  history: Pick<History, "checkIns" | "morningPain">;
  d: IsoDate;
}): ProgressionResult {
  const { itemId, history, d } = args;
  const logs = recentLogs(args.logs, itemId, d);
  const latest = logs[0];
  if (!latest) return { suggestion: "hold", reason: "No sessions logged yet" };

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
