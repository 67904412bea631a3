import "server-only";
import PgBoss from "pg-boss";
import { pgExecutor } from "@/db/client";
import { startDayStartQueue, startDayStartTimer } from "./day-start-worker";
import { startDigestQueue, startDigestTimer } from "./digest-worker";
import { startMailQueue, startMailTimer } from "./mail-worker";

/**
 * The background jobs of a process: the day-start evaluation, mail delivery and the trainers'
 * daily alert digests. With PostgreSQL,
 * one pg-boss instance on the app's pool (no second pool) runs both queues; with PGlite, each
 * runs on an in-process timer.
 */
export type JobWorkers = { mode: "pg-boss" | "timer"; stop: () => Promise<void> };

export async function startJobWorkers(): Promise<JobWorkers> {
  const executor = pgExecutor();
  if (!executor) {
    const dayStart = startDayStartTimer();
    const mail = startMailTimer();
    const digest = startDigestTimer();
    return { mode: "timer", stop: async () => void (await Promise.all([dayStart.stop(), mail.stop(), digest.stop()])) };
  }
  // no state monitor and no extra pool: maintenance (expiry, archive) and the cron clock only
  const boss = new PgBoss({ db: executor, schema: "pgboss" });
  boss.on("error", (err) => console.error("[jobs] job queue:", err.message));
  await boss.start();
  const dayStart = await startDayStartQueue(boss);
  const mail = await startMailQueue(boss);
  const digest = await startDigestQueue(boss);
  return {
    mode: "pg-boss",
    stop: async () => {
      dayStart.stop();
      mail.stop();
      digest.stop();
      // the runs in hand finish; close: false, the pool is the app's
      await boss.stop({ graceful: true, close: false, timeout: 10_000 });
    },
  };
}
