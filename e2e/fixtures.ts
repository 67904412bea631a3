import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every spec imports `test` from here: after each test, every page the test visited is scanned
 * with axe-core, and serious or critical violations fail it. Later pages inherit the check.
 */
type Fixtures = { visited: Set<string> };

const scansOf = new WeakMap<Page, () => Promise<void>>();

/**
 * Waits for the scans the page's loads have started so far. A scan opens and closes a page of its
 * own in the context, so a test that drives Playwright's clock (which acts on every page of the
 * context) waits for them first, or the clock call can meet the closing page.
 */
export async function scansSettled(page: Page): Promise<void> {
  await scansOf.get(page)?.();
}

async function scan(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export const test = base.extend<Fixtures>({
  visited: [
    async ({ page }, use, testInfo) => {
    const visited = new Set<string>();
    const failures: string[] = [];
    let chain = Promise.resolve();
    const onLoad = () => (chain = chain.then(scanCurrent));
    const scanCurrent = async () => {
      const url = new URL(page.url());
      const key = url.pathname;
      if (visited.has(key) || url.protocol === "about:") return;
      visited.add(key);
      try {
        // After a server action's redirect, Next 16 takes the old <title> out and puts the new one in
        // a few tens of milliseconds later; a scan that lands in that gap reports "document-title".
        // Scan the page the user then sees: wait for a title, then scan whatever is there (a page
        // that never gets one still fails).
        await page.waitForFunction(() => document.title !== "", undefined, { timeout: 5_000 }).catch(() => {});
        const violations = await scan(page);
        for (const v of violations) failures.push(`${key}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      } catch {
        // the page navigated away mid-scan; it is scanned on its next load
        visited.delete(key);
      }
    };
    page.on("load", () => void onLoad());
    scansOf.set(page, () => chain);
    await use(visited);
    // scan the final page too, and wait for scans to settle
    if (!page.isClosed()) await onLoad();
    if (failures.length) {
      await testInfo.attach("axe-violations", { body: failures.join("\n"), contentType: "text/plain" });
      throw new Error(`Accessibility violations (serious/critical):\n${failures.join("\n")}`);
    }
    },
    { auto: true },
  ],
});

export { expect };

export const DEMO = {
  trainer: { email: "coach@example.com", password: "stride-demo-1" },
  athlete: { email: "runner@example.com", password: "stride-demo-1" },
};

/** Signs in through the form and, unless told the password is wrong, waits until the app has let us in. */
export async function signIn(page: Page, email: string, password: string, { expectFailure = false } = {}) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!expectFailure) await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * The not-found page, with nothing of the record in it. Next answers 404 unless the route streams
 * (a loading.tsx above it, as on the roster list), where the status stays 200 (documented for
 * not-found.js); either way the person sees "Page not found" and no data.
 */
export async function expectNotFoundPage(page: Page, response: Awaited<ReturnType<Page["goto"]>>, secret?: string) {
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect([404, 200]).toContain(response?.status());
  if (secret) expect(await page.content()).not.toContain(secret);
}
