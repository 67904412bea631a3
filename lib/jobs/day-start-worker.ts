import "server-only";
import type PgBoss from "pg-boss";
import { z } from "zod";
import { runDayStart, type DayStartRun, type DayStartTrigger } from "@/lib/data/derived/day-start";

/**
 * Runs the day-start evaluation (lib/data/derived/day-start.ts) on a clock.
 *
 * PostgreSQL: the pg-boss job queue. Why pg-boss 10.4.2 rather than graphile-worker:
 * - pg-boss 10 runs on Node 20 and PostgreSQL 13+ (11 and 12 need Node 22); graphile-worker 0.17
 *   would run here too, so this was a choice, not a constraint;
 * - pg-boss sends its SQL through an executor we hand it, so it uses the app's one pg Pool (STYLE
 *   habit 1) and holds no connection of its own; graphile-worker keeps a connection LISTENing;
 * - three small dependencies (pg, which we have, cron-parser, serialize-error) against
 *   graphile-worker's graphile-config, cosmiconfig, yargs, json5, …;
 * - its cron schedule lives in the database and fires once per slot whichever servers are up
 *   (a throttled singleton per minute). graphile-worker's cron backfill is not needed: the job
 *   catches up from athletes.evaluated_through, where the truth is kept, not in the scheduler.
 * Every 15 minutes, so each athlete's local midnight (zones are whole or half or quarter hours
 * from UTC) is caught within 15 minutes; a server that starts queues a catch-up run at once.
 * Exactly once per athlete and day comes from the claim in runDayStart, not from the queue: two
 * runs at once are harmless. A run that throws (the database went away) is retried by pg-boss.
 *
 * PGlite (no DATABASE_URL): the same runDayStart on an in-process timer. PGlite is one process's
 * embedded database, so there is no other server to coordinate with.
 */

export const DAY_START_QUEUE = "day-start";
export const DAY_START_EVERY_MINUTES = 15;

export type DayStartWorker = { mode: "pg-boss" | "timer"; stop: () => Promise<void> };

const jobData = z.object({ trigger: z.enum(["schedule", "startup", "manual"]).default("schedule") });

/** The day-start job on the process's pg-boss instance (lib/jobs/workers.ts starts and stops it). */
export async function startDayStartQueue(boss: PgBoss): Promise<{ stop: () => void }> {
  const stopping = new AbortController();
  // "standard": two runs at once are harmless (the claim), and a run cut short by a server that
  // died (its job left active until it expires) must not hold back the next one, as "singleton"
  // or "stately" would. updateQueue applies changed options to a queue an earlier version made.
  const queue = {
    name: DAY_START_QUEUE,
    policy: "standard",
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    // a run of 2,000 athletes takes about 15 s; past this pg-boss fails it and retries
    expireInSeconds: 15 * 60,
  } as const;
  await boss.createQueue(DAY_START_QUEUE, queue);
  await boss.updateQueue(DAY_START_QUEUE, queue);
  await boss.schedule(DAY_START_QUEUE, `*/${DAY_START_EVERY_MINUTES} * * * *`, { trigger: "schedule" }, { tz: "UTC" });
  const workerId = await boss.work(DAY_START_QUEUE, { pollingIntervalSeconds: 30 }, async (jobs) => {
    for (const job of jobs) {
      const { trigger } = jobData.parse(job.data ?? {});
      report(await runDayStart({ trigger, signal: stopping.signal }));
    }
  });
  // a server that was down catches up now rather than at the next quarter hour
  await boss.send(DAY_START_QUEUE, { trigger: "startup" });
  boss.notifyWorker(workerId);
  // the run in hand stops after the athletes it holds
  return { stop: () => stopping.abort() };
}

export function startDayStartTimer(): DayStartWorker {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  const tick = (trigger: DayStartTrigger) => {
    if (running || stopping.signal.aborted) return;
    running = runDayStart({ trigger, signal: stopping.signal })
      .then(report)
      .catch((err: unknown) => console.error("[day-start] run failed (retried at the next tick):", err instanceof Error ? err.message : err))
      .finally(() => {
        running = null;
      });
  };
  // after start-up, so the first requests are not queued behind it on PGlite's one connection
  const first = setTimeout(() => tick("startup"), 5_000);
  const every = setInterval(() => tick("schedule"), DAY_START_EVERY_MINUTES * 60_000);
  first.unref();
  every.unref();
  return {
    mode: "timer",
    stop: async () => {
      stopping.abort();
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}

function report(run: DayStartRun): void {
  if (run.due === 0) return;
  console.log(
    `[day-start] ${run.trigger} run ${run.runId}: ${run.evaluated.length} athletes evaluated, ${run.failures.length} failed, ${run.skipped} left to another run, in ${run.ms} ms${run.stopped ? " (stopped: shutting down)" : ""}`,
  );
}
