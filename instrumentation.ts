/**
 * Next.js calls register() once when a server starts, before its first request. The nodejs
 * runtime only: the worker needs the database and node APIs, so it is imported there and nowhere
 * else (the edge bundle never sees it).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInProcessWorker } = await import("./lib/jobs/in-process");
  await startInProcessWorker();
}
