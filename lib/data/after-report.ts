import "server-only";
import type { IsoDate } from "@/lib/domain/types";
import { recomputeAlerts } from "./alerts";
import type { AthleteContext } from "./athlete-records";

/**
 * What follows a report: alerts for the athlete are derived again from the stored data.
 * Kept in one place so every write path (forms, API, imports) does the same. It finishes before
 * the request answers, so whoever reads alerts after a report (a trainer, a watch-sync script
 * posting a red flag) sees them; the cost is kept down by coalescing (below) instead.
 *
 * `written` is what a data-layer write scoped to the caller's clinic returned, so the athlete is
 * one of `clinicId`'s (the caller's scope.clinicId). Its `context`, when there is one, is the
 * athlete as the write read them a moment before (status, time zone, today): the recompute uses
 * it instead of reading the athlete again.
 */
export async function afterReport(clinicId: string, written: { athleteId: string; date: string; context?: AthleteContext }): Promise<void> {
  try {
    await recomputeCoalesced(clinicId, written.athleteId, written.date, written.context);
  } catch (err) {
    // the report itself is saved; the next write or recompute catches the alerts up
    console.error("[alerts] recompute after a report failed", err);
  }
}

type Waiting = { clinicId: string; dates: Set<IsoDate>; context?: AthleteContext; done: Promise<void> };
const waiting = new Map<string, Waiting>();
const running = new Map<string, Promise<void>>();

/**
 * One recompute at a time per athlete in this process, and reports that arrive while one runs
 * share the next: ten quick reports cost two recomputes, not ten. A waiting run starts only after
 * the running one has finished, so it reads every report committed before it was asked for.
 */
export function recomputeCoalesced(clinicId: string, athleteId: string, date: IsoDate, context?: AthleteContext): Promise<void> {
  const queued = waiting.get(athleteId);
  if (queued) {
    queued.dates.add(date);
    // the latest read of the athlete wins
    if (context) queued.context = context;
    return queued.done;
  }
  const entry: Waiting = { clinicId, dates: new Set([date]), context, done: Promise.resolve() };
  entry.done = (async () => {
    await running.get(athleteId)?.catch(() => undefined);
    waiting.delete(athleteId);
    const run = recomputeAlerts({ clinicId: entry.clinicId, athleteId, dates: [...entry.dates], context: entry.context });
    running.set(athleteId, run);
    try {
      await run;
    } finally {
      if (running.get(athleteId) === run) running.delete(athleteId);
    }
  })();
  waiting.set(athleteId, entry);
  return entry.done;
}
