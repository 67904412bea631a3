import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where it is installed (this machine and CI); Playwright's own browser elsewhere.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const port = process.env.E2E_PORT ?? "3211";

export default defineConfig({
  testDir: "./e2e",
  // separate folders let two runs (say, two engineers' on one checkout) keep their traces apart
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // E2E_SKIP_BUILD=1 reuses the build already in .next (say, after `npm run build` on a busy machine)
    command: process.env.E2E_SKIP_BUILD ? "npx tsx scripts/e2e-server.ts" : "npm run build && npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    // a cold production build on a busy 2-core machine can take over ten minutes
    timeout: 1_200_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: port },
  },
});
