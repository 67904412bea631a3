import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

/** Console errors and CSP violations of a page, collected from the start. */
function watchScriptErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

const hydrated = (page: Page) =>
  page.waitForFunction(() => {
    const link = document.querySelector("main a");
    return !!link && Object.keys(link).some((k) => k.startsWith("__reactFiber"));
  });

test("the 404 page runs its scripts under this response's CSP nonce and navigates client-side", async ({ page }) => {
  const errors = watchScriptErrors(page);
  await page.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto("/no-such-page-anywhere");
  expect(response?.status()).toBe(404);
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  // Next's own scripts carry this response's nonce, not one from the build
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const nonces = await page.locator("script[nonce]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(new Set(nonces)).toEqual(new Set([nonce]));

  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await hydrated(page);
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await page.waitForURL(/\/sign-in/);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);

  // a second 404 gets a nonce of its own
  const again = await page.goto("/no-such-page-anywhere");
  expect(/'nonce-([^']+)'/.exec(again?.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
});

test("the favicon is served and linked", async ({ page }) => {
  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await page.goto("/sign-in");
  await expect(page.locator('link[rel="icon"][href*="icon.svg"]')).toHaveCount(1);
});

test("an API token is copied with one button, or selected where the clipboard cannot be written", async ({ page, browser }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill("Copy test");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  await page.getByRole("button", { name: "Copy token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // no clipboard (an http page elsewhere than localhost): the token is selected instead
  const ctx = await browser.newContext({ locale: "en-US" });
  const other = await ctx.newPage();
  await other.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  await signIn(other, DEMO.trainer.email, DEMO.trainer.password);
  await other.goto("/settings/tokens");
  await other.getByLabel("Token name").fill("Select test");
  await other.getByRole("button", { name: "Create token" }).click();
  const second = (await other.getByTestId("new-token").textContent())!.trim();
  await other.getByRole("button", { name: "Copy token" }).click();
  await expect(other.getByRole("status").filter({ hasText: "press Ctrl+C" })).toBeVisible();
  expect(await other.evaluate(() => window.getSelection()?.toString().trim())).toBe(second);

  // dates follow the browser's language: en-US writes the month first
  await other.reload();
  await expect(other.getByRole("listitem").filter({ hasText: "Select test" })).toContainText(/expires [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  await ctx.close();
});
