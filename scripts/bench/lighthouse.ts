import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./server";
import { idleShare, round } from "./stats";

export type LighthouseScore = {
  page: string;
  url: string;
  performance: number | null;
  accessibility: number | null;
  /** The cores' idle share over the few seconds before this page's run (waitForQuiet). */
  cpuIdleBefore?: number;
  error?: string;
};

const QUIET_IDLE = 0.85;
const QUIET_WINDOW_MS = 3_000;
const QUIET_MAX_MS = 120_000;

/**
 * Waits until the cores are at least 85% idle over a 3 s window, for at most 2 minutes. Lighthouse
 * times the page's CPU work and multiplies it (simulated throttling), so anything still running from
 * the rows before (vacuum after the writes, an import finishing) would count against the page. The
 * share is recorded with each score, so a low score can be told from a busy machine. Returns the
 * idle share last seen.
 */
export async function waitForQuiet(): Promise<{ idle: number; waitedSeconds: number }> {
  const started = Date.now();
  for (;;) {
    const before = os.cpus().map((c) => c.times);
    await new Promise((r) => setTimeout(r, QUIET_WINDOW_MS));
    const idle = idleShare(before, os.cpus().map((c) => c.times));
    if (idle >= QUIET_IDLE || Date.now() - started >= QUIET_MAX_MS) return { idle: round(idle, 2), waitedSeconds: round((Date.now() - started) / 1000) };
  }
}

/** Lighthouse 12.2.3 (mobile defaults, simulated throttling) against the running server. */
export async function lighthouse(page: string, url: string, cookie: string | null): Promise<LighthouseScore> {
  // a profile directory of our own, so a Chromium left behind by a timed-out run can be found and ended by its id
  const profile = path.join(os.tmpdir(), `stride-bench-lh-${process.pid}-${Date.now()}`);
  const args = [
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    "--only-categories=performance,accessibility",
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu --user-data-dir=${profile}`,
  ];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  const bin = path.join(ROOT, "node_modules", ".bin", "lighthouse");
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => (out += b.toString()));
    child.stderr.on("data", (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => child.kill("SIGTERM"), 240_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      endChromium(profile);
      try {
        const report = JSON.parse(out) as {
          finalDisplayedUrl?: string;
          runtimeError?: { message?: string };
          categories: Record<string, { score: number | null }>;
          audits?: Record<string, { scoreDisplayMode?: string; errorMessage?: string }>;
        };
        const score = (k: string) => (report.categories[k]?.score == null ? null : Math.round(report.categories[k]!.score! * 100));
        const landed = report.finalDisplayedUrl ?? url;
        const performance = score("performance");
        // a null score means a metric could not be measured: say which, so a flake can be told from a fault
        const failed = Object.entries(report.audits ?? {})
          .filter(([, a]) => a.scoreDisplayMode === "error")
          .map(([id, a]) => `${id}: ${a.errorMessage ?? "error"}`);
        const why = report.runtimeError?.message ?? failed.slice(0, 3).join("; ");
        resolve({
          page,
          url: landed,
          performance,
          accessibility: score("accessibility"),
          ...(new URL(landed).pathname !== new URL(url).pathname ? { error: `redirected to ${landed}` } : performance === null && why ? { error: why.slice(0, 300) } : {}),
        });
      } catch {
        resolve({ page, url, performance: null, accessibility: null, error: code === null ? "lighthouse timed out after 240 s" : `lighthouse exited ${code}: ${err.slice(-300)}` });
      }
    });
  });
}

/** Ends the Chromium processes that use `profile` (only ours have it), by process id. */
function endChromium(profile: string) {
  try {
    const ps = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
    for (const line of ps.split("\n")) {
      const m = /^\s*(\d+)\s+(.*)$/.exec(line);
      if (m && m[2]!.includes(`--user-data-dir=${profile}`)) {
        try {
          process.kill(Number(m[1]), "SIGKILL");
        } catch {
          /* gone already */
        }
      }
    }
  } catch {
    /* no ps: nothing to clean */
  }
  rmSync(profile, { recursive: true, force: true });
}
