import "server-only";
import type PgBoss from "pg-boss";
import { runAlertDigests, type DigestRun } from "@/lib/data/alert-mail";

/**
 * Sends the trainers' daily alert digests (lib/data/alert-mail.ts runAlertDigests) on a clock,
 * scheduled like the day-start evaluation (lib/jobs/day-start-worker.ts): a pg-boss cron every 15
 * minutes on PostgreSQL (so a chosen local hour is met within 15 minutes in every time zone, whole,
 * half or quarter hours from UTC), an in-process timer on PGlite. At most one digest per trainer
 * per local day comes from the claim in runAlertDigests (digest_sent_on under the row lock) and the
 * outbox key, not from the queue: two runs at once, or a retried job, are harmless.
 */
export const DIGEST_QUEUE = "alert-digest";
export const DIGEST_EVERY_MINUTES = 15;

function report(run: DigestRun): void {
  if (run.due === 0) return;
  console.log(`[digest] ${run.sent} daily alert digests queued, ${run.empty} trainers with nothing open`);
}

export async function startDigestQueue(boss: PgBoss): Promise<{ stop: () => void }> {
  const stopping = new AbortController();
  const queue = { name: DIGEST_QUEUE, policy: "standard", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 } as const;
  await boss.createQueue(DIGEST_QUEUE, queue);
  await boss.updateQueue(DIGEST_QUEUE, queue);
  await boss.schedule(DIGEST_QUEUE, `*/${DIGEST_EVERY_MINUTES} * * * *`, {}, { tz: "UTC" });
  await boss.work(DIGEST_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
    report(await runAlertDigests({ signal: stopping.signal }));
  });
  // a server that was down sends the day's digests now rather than at the next quarter hour
  await boss.send(DIGEST_QUEUE, {});
  return { stop: () => stopping.abort() };
}

export function startDigestTimer(): { stop: () => Promise<void> } {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running || stopping.signal.aborted) return;
    running = runAlertDigests({ signal: stopping.signal })
      .then(report)
      .catch((err: unknown) => console.error("[digest] run failed (retried at the next tick):", err instanceof Error ? err.message : err))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, 10_000);
  const every = setInterval(tick, DIGEST_EVERY_MINUTES * 60_000);
  first.unref();
  every.unref();
  return {
    stop: async () => {
      stopping.abort();
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
