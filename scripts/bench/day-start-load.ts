import { spawn } from "node:child_process";
import http from "node:http";
import { ROOT } from "./server";
import { latencySummary, withinFactor } from "./stats";

export type DayStartLoad = {
  athletes: number;
  due: number;
  failures: number;
  seconds: number;
  msPerAthlete: number | null;
  concurrency: number;
  /** The API at 1 connection (one request after another) before the run, and while it ran. */
  idle: { n: number; p50: number; p95: number; max: number };
  during: { n: number; p50: number; p95: number; max: number };
  pass: boolean;
};

export const DAY_START_BUDGET_S = 60;
/** The line day-start.ts --json prints when the timed run begins (after its start-up and set-up). */
export const DAY_START_BEGINS = "day-start: begins";
export const DAY_START_P95_FACTOR = 2;

/** One GET after another over one keep-alive socket, each timed, until `stop()` says so. */
async function sequential(baseUrl: string, targets: { path: string; cookie?: string }[], stop: () => boolean): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const ms: number[] = [];
  try {
    for (let i = 0; !stop(); i++) {
      const t = targets[i % targets.length]!;
      const started = performance.now();
      const status = await new Promise<number>((resolve) => {
        const req = http.get(`${baseUrl}${t.path}`, { agent, headers: { accept: "application/json", ...(t.cookie ? { cookie: t.cookie } : {}) }, timeout: 10_000 }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", () => resolve(0));
      });
      if (status >= 200 && status < 300) ms.push(performance.now() - started);
    }
  } finally {
    agent.destroy();
  }
  return ms;
}

/**
 * The day-start run of every athlete on `dbUrl` (scripts/bench/day-start.ts in a child: lib/data
 * needs the react-server condition), while the server at `baseUrl` is asked `targets` one request
 * after another; the same requests for `idleSeconds` before it give the idle figures. The
 * latencies while it runs are only those after the child said the run began (not its start-up).
 */
export async function dayStartUnderLoad(baseUrl: string, dbUrl: string, targets: { path: string; cookie?: string }[], idleSeconds: number): Promise<DayStartLoad | { error: string }> {
  const idleUntil = performance.now() + idleSeconds * 1000;
  const idle = await sequential(baseUrl, targets, () => performance.now() >= idleUntil);

  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/bench/day-start.ts", "--json"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: dbUrl } });
  let out = "";
  let err = "";
  let begun = false;
  let exited = false;
  const began = new Promise<void>((resolve) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (!begun && out.includes(DAY_START_BEGINS)) {
        begun = true;
        resolve();
      }
    });
    child.on("exit", () => resolve());
  });
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const done = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exited = true;
      resolve(code);
    }),
  );
  await began;
  const during = begun ? await sequential(baseUrl, targets, () => exited) : [];
  const code = await done;
  if (code !== 0 || !begun) return { error: `day-start.ts exited ${code}: ${(err || out).slice(-1500)}` };
  const run = JSON.parse(out.trim().split("\n").at(-1)!) as Omit<DayStartLoad, "idle" | "during" | "pass">;
  const i = latencySummary(idle);
  const d = latencySummary(during);
  return { ...run, idle: i, during: d, pass: run.failures === 0 && run.seconds <= DAY_START_BUDGET_S && withinFactor(d.p95, i.p95, DAY_START_P95_FACTOR) };
}
