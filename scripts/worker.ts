/**
 * `npm run worker`: the day-start evaluation (DESIGN §2d) and mail delivery on their own, for production: app servers
 * set DAY_START_WORKER=off and one or more of these run the pg-boss queue. Needs DATABASE_URL
 * (PGlite is one process's database: there, the app server runs the job on a timer itself).
 * Migrations are applied before it starts, as for the app (npm run db:migrate).
 */
import { closeDb, dbKind } from "../db/client";
import { startJobWorkers } from "../lib/jobs/workers";

async function main() {
  if (dbKind() !== "pg") {
    console.error("npm run worker needs DATABASE_URL (PostgreSQL). With the embedded PGlite database the app server runs the day-start job itself.");
    process.exit(1);
  }
  const worker = await startJobWorkers();
  console.log("[worker] day-start evaluation, mail delivery and alert digests running (pg-boss); SIGTERM or Ctrl-C stops it");
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing the athletes in hand, then stopping`);
    try {
      await worker.stop();
    } finally {
      await closeDb();
    }
    process.exit(0);
  };
  process.on("SIGTERM", (s) => void stop(s));
  process.on("SIGINT", (s) => void stop(s));
}

main().catch(async (err) => {
  console.error("[worker] could not start:", err);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
