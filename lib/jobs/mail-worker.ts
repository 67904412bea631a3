import "server-only";
import type PgBoss from "pg-boss";
import { deliverPendingMail, type DeliveryReport } from "@/lib/data/mail-delivery";
import { mailTransport, onMailQueued } from "@/lib/mail";

/**
 * Sends the outbox (lib/data/mail-delivery.ts). The outbox table is the truth: a message is a row
 * committed with its cause, so nothing is lost if no worker is up; the queue only says when to look.
 *
 * PostgreSQL: a pg-boss queue. A job is sent after each transaction that queues mail (from this
 * process) and by a cron every minute (mail queued by another server, retries falling due). A job
 * that throws (the database went away) is retried by pg-boss; a message that failed to send is
 * retried from the outbox row's own schedule (lib/mail/retry.ts). Jobs at once are harmless:
 * each message is claimed under a row lock.
 * PGlite: the same delivery on an in-process timer, and at once after mail is queued.
 */
export const MAIL_QUEUE = "mail";
const POLL_MS = 15_000;

function report(r: DeliveryReport): void {
  if (r.sent + r.retrying + r.failed === 0) return;
  console.log(`[mail] ${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed for good`);
}

export async function startMailQueue(boss: PgBoss): Promise<{ stop: () => void }> {
  const stopping = new AbortController();
  const queue = { name: MAIL_QUEUE, policy: "standard", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 } as const;
  await boss.createQueue(MAIL_QUEUE, queue);
  await boss.updateQueue(MAIL_QUEUE, queue);
  await boss.schedule(MAIL_QUEUE, "* * * * *", {}, { tz: "UTC" });
  const workerId = await boss.work(MAIL_QUEUE, { pollingIntervalSeconds: 10 }, async () => {
    report(await deliverPendingMail(mailTransport(), { signal: stopping.signal }));
  });
  const unsubscribe = onMailQueued(() => {
    boss
      .send(MAIL_QUEUE, {})
      .then(() => boss.notifyWorker(workerId))
      .catch((err: unknown) => console.error("[mail] could not queue a send job (the minute sweep sends it):", err instanceof Error ? err.message : err));
  });
  await boss.send(MAIL_QUEUE, {});
  return {
    stop: () => {
      unsubscribe();
      stopping.abort();
    },
  };
}

export function startMailTimer(): { stop: () => Promise<void> } {
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  let again = false;
  const tick = () => {
    if (stopping.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = deliverPendingMail(mailTransport(), { signal: stopping.signal })
      .then(report)
      .catch((err: unknown) => console.error("[mail] delivery failed (retried at the next tick):", err instanceof Error ? err.message : err))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const unsubscribe = onMailQueued(tick);
  const every = setInterval(tick, POLL_MS);
  every.unref();
  const first = setTimeout(tick, 2_000);
  first.unref();
  return {
    stop: async () => {
      unsubscribe();
      stopping.abort();
      clearInterval(every);
      clearTimeout(first);
      await running;
    },
  };
}
