import "server-only";
import { env } from "@/lib/env";
import { startDayStartWorker, type DayStartWorker } from "./day-start-worker";

const globalForWorker = globalThis as unknown as { strideDayStartWorker?: Promise<DayStartWorker | null> };

/**
 * Called from instrumentation.ts: the app server runs the day-start worker too (`npm start`, the
 * demo), unless DAY_START_WORKER=off (app servers beside a dedicated `npm run worker`). Never while
 * `next build` loads server code. A queue that cannot start is logged and the app serves anyway:
 * its reads and writes keep alerts current, only the day-start runs wait for the next start.
 *
 * On SIGTERM the run in hand stops after the athletes it holds. Next.js exits once its own
 * requests are done; an athlete's transaction cut short by that exit is rolled back by the
 * database, the athlete stays due, and the next run (on any server) evaluates it.
 */
export function startInProcessWorker(): Promise<DayStartWorker | null> {
  const { DAY_START_WORKER, NEXT_PHASE } = env();
  if (DAY_START_WORKER === "off" || NEXT_PHASE === "phase-production-build") return Promise.resolve(null);
  globalForWorker.strideDayStartWorker ??= startDayStartWorker().then(
    (worker) => {
      const stop = () => void worker.stop().catch((err: unknown) => console.error("[day-start] stopping:", err instanceof Error ? err.message : err));
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
      console.log(`[day-start] worker running in-process (${worker.mode === "pg-boss" ? "pg-boss on PostgreSQL" : "timer on PGlite"})`);
      return worker;
    },
    (err: unknown) => {
      console.error("[day-start] the worker did not start; alerts of silent athletes wait for the next start:", err instanceof Error ? err.message : err);
      return null;
    },
  );
  return globalForWorker.strideDayStartWorker;
}
