import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST_DIR = ".next-bench";
export const AUTH_SECRET = "bench-only-secret-not-for-production-0123456789";

const SOURCES = ["app", "lib", "db", "proxy.ts", "next.config.js", "package.json", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  const full = path.join(ROOT, p);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Builds into .next-bench when it is missing or older than any source file. */
export function ensureBuild(log: (s: string) => void, force = false): { built: boolean; seconds: number } {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  const stale = force || !existsSync(buildId) || statSync(buildId).mtimeMs < Math.max(...SOURCES.map(newestMtime));
  if (!stale) return { built: false, seconds: 0 };
  log(`Building the production app into ${DIST_DIR} (it is missing or older than the sources)…`);
  const t = performance.now();
  const r = spawnSync("npx", ["next", "build"], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: DIST_DIR }, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
  return { built: true, seconds: (performance.now() - t) / 1000 };
}

export type Server = { baseUrl: string; stop: () => Promise<void> };

/** `next start` on 127.0.0.1:<port> against the given database; resolves once it answers. */
export async function startServer(port: number, databaseUrl: string, log: (s: string) => void): Promise<Server> {
  const child: ChildProcess = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      AUTH_URL: `http://127.0.0.1:${port}`,
      // the constant route other routes are quoted against; 404 in any other server
      BENCH_CEILING: "on",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    // the server was started in its own process group: end that group (npx and next) only
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 500));
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output.join("")}`);
    try {
      const res = await fetch(`${baseUrl}/api/bench/ceiling`);
      if (res.ok) {
        log(`Server up on ${baseUrl}`);
        return { baseUrl, stop };
      }
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer within 60 s:\n${output.join("")}`);
}
