// Where the athlete stands against the trainer's running caps (DESIGN §2a "over prescription"),
// in the athlete's words. "This week" is §2a's window: d−6…d, today included (not Mon–Sun), and
// distances are §2a's running distance (runs only), so what the athlete is told and what raises
// the over_prescription alert are one computation (running.ts).
import { addDays } from "./dates";
import { longestRunBetween, runningDistanceBetween, runningDistanceByDate } from "./running";
import type { DistanceUnit, IsoDate } from "./types";
import { formatDistanceOf, formatDistanceValue } from "./units";

/** A run as the caps read it: a run's date and distance (a run with no distance counts 0). */
export type RunEntry = { id: string; date: IsoDate; distanceM: number | null };

/** A prescription in force from its local date until the next one (oldest first). */
export type CapPeriod = { fromDate: IsoDate; weeklyDistanceCapM: number; longestRunCapM: number };

export type Caps = { weeklyM: number; longestM: number };

/**
 * What a form needs to check a run before it is saved, with no round trip: the athlete's runs
 * from `coversFrom` to today and the prescriptions. A run dated before coversFrom + 6 days cannot
 * be checked from it (some week holding it reaches back before the runs given).
 */
export type RunCapContext = { today: IsoDate; coversFrom: IsoDate; runs: RunEntry[]; periods: CapPeriod[] };

/** The check for a run being typed; null when the context does not reach back far enough for its date. */
export function checkDraftRun(context: RunCapContext, run: RunEntry): RunCapCheck | null {
  if (run.date > context.today || addDays(run.date, -6) < context.coversFrom) return null;
  return checkRunAgainstCaps({ runs: context.runs, periods: context.periods, run, today: context.today });
}

/** The caps in force on d: the latest period starting on or before d; none before the first. */
export function capsOn(periods: readonly CapPeriod[], d: IsoDate): Caps | null {
  let found: CapPeriod | null = null;
  for (const p of periods) if (p.fromDate <= d) found = p;
  return found ? { weeklyM: found.weeklyDistanceCapM, longestM: found.longestRunCapM } : null;
}

const asRuns = (runs: readonly RunEntry[]) => runs.map((r) => ({ ...r, type: "run" as const }));

function byDate(runs: readonly RunEntry[]) {
  const map = new Map<IsoDate, { type: "run"; distanceM: number | null }[]>();
  for (const r of asRuns(runs)) map.set(r.date, [...(map.get(r.date) ?? []), r]);
  return map;
}

export type WeekSoFar = {
  /** §2a's week ending on d: from d−6 to d. */
  from: IsoDate;
  to: IsoDate;
  distanceM: number;
  /** The longest single run in the window; null when no run had a distance. */
  longestM: number | null;
  caps: Caps | null;
};

/** Running distance and longest run over d−6…d, against the caps in force on d. */
export function weekSoFar(runs: readonly RunEntry[], periods: readonly CapPeriod[], d: IsoDate): WeekSoFar {
  const from = addDays(d, -6);
  return {
    from,
    to: d,
    distanceM: runningDistanceBetween(runningDistanceByDate(asRuns(runs)), from, d),
    longestM: longestRunBetween(byDate(runs), from, d),
    caps: capsOn(periods, d),
  };
}

/** "12.4 of 20 km this week, longest 8 of 8 km"; null when no caps are set. */
export function formatWeekSoFar(w: WeekSoFar, unit: DistanceUnit): string | null {
  if (!w.caps) return null;
  const longest = w.longestM === null ? `no run yet (longest up to ${formatDistanceValue(w.caps.longestM, unit)} ${unit})` : `longest ${formatDistanceOf(w.longestM, w.caps.longestM, unit)}`;
  return `${formatDistanceOf(w.distanceM, w.caps.weeklyM, unit)} this week, ${longest}`;
}

export type RunCapCheck = {
  /** The window (ending on `to`) the run takes furthest over the weekly cap, if any. */
  weekly: { to: IsoDate; distanceM: number; capM: number } | null;
  /** The run itself above the longest-run cap in force on its date. */
  longest: { distanceM: number; capM: number } | null;
};

/**
 * Would this run pass a cap? §2a judges each date d over d−6…d, so a run dated r counts in the
 * windows ending r…r+6; those up to today are checked (a later one is not a week yet), and the
 * one it takes furthest over is reported. `runs` are the athlete's stored runs; a stored run with
 * the same id (the run being edited) is replaced by the new values. A run that passes a cap is
 * still recorded: this only says so.
 */
export function checkRunAgainstCaps(input: { runs: readonly RunEntry[]; periods: readonly CapPeriod[]; run: RunEntry; today: IsoDate }): RunCapCheck {
  const { run, today } = input;
  const runs = [...input.runs.filter((r) => r.id !== run.id), run];
  const distances = runningDistanceByDate(asRuns(runs));
  let weekly: RunCapCheck["weekly"] = null;
  for (let d = run.date; d <= today && d <= addDays(run.date, 6); d = addDays(d, 1)) {
    const caps = capsOn(input.periods, d);
    if (!caps) continue;
    const distanceM = runningDistanceBetween(distances, addDays(d, -6), d);
    if (distanceM > caps.weeklyM && (weekly === null || distanceM - caps.weeklyM > weekly.distanceM - weekly.capM)) weekly = { to: d, distanceM, capM: caps.weeklyM };
  }
  const runCaps = capsOn(input.periods, run.date);
  const longest = runCaps && run.distanceM !== null && run.distanceM > runCaps.longestM ? { distanceM: run.distanceM, capM: runCaps.longestM } : null;
  return { weekly, longest };
}

/**
 * What the athlete is told about a run that passes a cap, before saving and after: "This run
 * takes you to 23 of 20 km this week — your trainer will see it." Null when it passes none.
 */
export function capWarning(check: RunCapCheck, unit: DistanceUnit, today: IsoDate): string | null {
  const parts: string[] = [];
  if (check.weekly) {
    const when = check.weekly.to === today ? "this week" : `in the 7 days to ${check.weekly.to}`;
    parts.push(`takes you to ${formatDistanceOf(check.weekly.distanceM, check.weekly.capM, unit)} ${when}`);
  }
  if (check.longest) parts.push(`is longer than your longest-run limit: ${formatDistanceOf(check.longest.distanceM, check.longest.capM, unit)}`);
  return parts.length ? `This run ${parts.join(", and ")} — your trainer will see it.` : null;
}
