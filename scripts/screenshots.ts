/**
 * `npm run screenshots`: the README's pictures, taken from the demo so they stay current.
 * Seeds the demo into a fresh embedded PGlite directory, builds (skip with SCREENSHOTS_SKIP_BUILD=1
 * when a build of this checkout exists), starts the app on SCREENSHOTS_PORT (3100), signs in as the
 * demo trainer and athlete, and writes docs/screenshots/{triage,athlete-chart,today-phone}.png.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./seed/demo";

const root = path.resolve(__dirname, "..");
const outDir = path.join(root, "docs", "screenshots");
const port = process.env.SCREENSHOTS_PORT ?? "3100";
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = path.join(root, ".data", `screenshots-${Date.now()}`);

// always the embedded database, like `npm run demo` without DATABASE_URL: the pictures show the demo clinic
const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dataDir, AUTH_SECRET: randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true", PORT: port };
delete env.DATABASE_URL;

const login = (role: string) => {
  const l = DEMO_LOGINS.find((x) => x.role.startsWith(role));
  if (!l) throw new Error(`The demo has no ${role} login`);
  return l.email;
};

function run(command: string, args: string[]) {
  console.log(`▶ ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status})`);
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("The server stopped before it answered");
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not answer /api/health within 2 minutes");
}

async function signIn(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  // en-GB, so the pictures do not depend on the machine's language
  const context = await browser.newContext({ baseURL, viewport, locale: "en-GB", timezoneId: "Europe/London", colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

async function shoot(browser: Browser): Promise<void> {
  mkdirSync(outDir, { recursive: true });

  const trainer = await signIn(browser, login("Trainer (clinic owner)"), { width: 1280, height: 900 });
  await trainer.goto("/dashboard");
  await trainer.waitForLoadState("networkidle");
  await trainer.screenshot({ path: path.join(outDir, "triage.png") });
  console.log("wrote docs/screenshots/triage.png");

  // the athlete who signs in below, as their trainer sees them
  await trainer.goto("/athletes?q=Alex");
  await trainer.getByRole("link", { name: "Alex Morgan" }).first().click();
  await trainer.waitForURL(/\/athletes\/[^/?]+$/);
  const chart = trainer.getByRole("region", { name: "Pain vs running load" });
  await chart.scrollIntoViewIfNeeded();
  await chart.locator(".recharts-surface").first().waitFor();
  await trainer.waitForLoadState("networkidle");
  await chart.screenshot({ path: path.join(outDir, "athlete-chart.png") });
  console.log("wrote docs/screenshots/athlete-chart.png");

  const athlete = await signIn(browser, login("Athlete"), { width: 375, height: 812 });
  await athlete.goto("/today");
  await athlete.waitForLoadState("networkidle");
  await athlete.screenshot({ path: path.join(outDir, "today-phone.png") });
  console.log("wrote docs/screenshots/today-phone.png");
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    run("npx", ["tsx", "--conditions=react-server", "scripts/seed/index.ts"]);
    if (process.env.SCREENSHOTS_SKIP_BUILD !== "1") run("npm", ["run", "build"]);
    server = spawn("npx", ["next", "start", "-p", port], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    await waitForHealth(server);
    // Debian's Chromium where it is installed; Playwright's own browser elsewhere
    const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
    browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
    await shoot(browser);
  } finally {
    await browser?.close();
    // npx starts next in a child of its own: stop the whole group this script started
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
