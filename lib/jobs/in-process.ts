import "server-only";
import { env } from "@/lib/env";
import { startJobWorkers, type JobWorkers } from "./workers";

const globalForWorker = globalThis as unknown as { strideJobWorkers?: Promise<JobWorkers | null> };

/**
 * Called from instrumentation.ts: the app server runs the job workers too (day-start, mail) (`npm start`, the
 * demo), unless DAY_START_WORKER=off (app servers beside a dedicated `npm run worker`). Never while
 * `next build` loads server code. A queue that cannot start is logged and the app serves anyway:
 * its reads and writes keep alerts current, only the day-start runs wait for the next start.
 *
 * On SIGTERM the run in hand stops after the athletes it holds. Next.js exits once its own
 * requests are done; an athlete's transaction cut short by that exit is rolled back by the
 * database, the athlete stays due, and the next run (on any server) evaluates it.
 */
export function startInProcessWorker(): Promise<JobWorkers | null> {
  const { DAY_START_WORKER, NEXT_PHASE } = env();
  if (DAY_START_WORKER === "off" || NEXT_PHASE === "phase-production-build") return Promise.resolve(null);
  globalForWorker.strideJobWorkers ??= startJobWorkers().then(
    (worker) => {
      const stop = () => void worker.stop().catch((err: unknown) => console.error("[jobs] stopping:", err instanceof Error ? err.message : err));
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
      console.log(`[jobs] day-start, mail and alert digest workers running in-process (${worker.mode === "pg-boss" ? "pg-boss on PostgreSQL" : "timer on PGlite"})`);
      return worker;
    },
    (err: unknown) => {
      console.error("[jobs] the workers did not start; alerts of silent athletes and queued mail wait for the next start:", err instanceof Error ? err.message : err);
      return null;
    },
  );
  return globalForWorker.strideJobWorkers;
}
