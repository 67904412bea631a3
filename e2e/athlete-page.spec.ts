import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

const noHorizontalOverflow = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));

async function openAlex(page: Page) {
  await page.goto("/athletes?q=Alex");
  await page.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();
  return page.url().split("/athletes/")[1]!;
}

test("the athlete page: summary and alerts first, readable change lines, no overflow at 375 px", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const athleteId = await openAlex(page);

  // summary and alerts first, then the chart and the program; the rest reached from the contents
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText("Running light")).toBeVisible();
  await expect(summary.getByText("Last check-in")).toBeVisible();
  await expect(page.getByRole("region", { name: "Alerts" })).toBeVisible();
  const contents = page.getByRole("navigation", { name: "On this page" });
  for (const name of ["Summary", "Alerts", "Pain and load", "Program", "Change history", "Profile"]) await expect(contents.getByRole("link", { name, exact: true })).toBeVisible();
  const top = async (name: string) => (await page.getByRole("region", { name, exact: true }).boundingBox())!.y;
  expect(await top("Summary")).toBeLessThan(await top("Pain and running load"));
  expect(await top("Pain and running load")).toBeLessThan(await top("Program"));
  expect(await top("Program")).toBeLessThan(await top("Change history"));

  // the chart's table is open while the prescription changes: today's caps follow without a reload
  const charts = page.getByRole("region", { name: "Pain and running load" });
  await charts.getByRole("button", { name: "View as table" }).first().click();
  const todayRow = charts.getByRole("region", { name: "Pain vs running load as a table" }).locator("tbody tr").last();
  await expect(todayRow.locator("td")).not.toHaveCount(0);

  // a prescription change reads as a sentence: caps before → after, who and when
  await page.getByText(/^(Change the|Set a) running prescription$/).click();
  const weekly = page.getByLabel("Weekly distance cap (km)");
  const before = await weekly.inputValue();
  await weekly.fill("33");
  await page.getByLabel("Longest run cap (km)").fill("11");
  await page.getByLabel("Run interval (min, optional)").fill("");
  await page.getByLabel("Walk interval (min, optional)").fill("");
  await page.getByRole("button", { name: "Save running prescription" }).click();
  await expect(page.getByText("Running prescription saved.")).toBeVisible();
  // cells after the date: distance, cross-training, running pain, morning pain, weekly cap, longest-run cap
  await expect(todayRow.locator("td").nth(4)).toHaveText(/^33(\.0+)?$/);
  await expect(todayRow.locator("td").nth(5)).toHaveText(/^11(\.0+)?$/);
  await page.reload();
  const history = page.getByRole("region", { name: "Change history" });
  const latest = history.getByRole("list", { name: "Latest changes" }).locator(":scope > li").filter({ hasText: "Running prescription set" }).first();
  await expect(latest).toContainText("Running prescription set");
  await expect(latest).toContainText(before ? `Weekly cap ${Number(before)} → 33 km` : "Weekly cap 33 km");
  await expect(latest).toContainText(/by Sam Rivera, \d{1,2} [A-Z][a-z]{2}/);
  expect(await history.innerText()).not.toMatch(/\{"|":/);

  // at 375 px nothing is wider than the screen, with the program's tools open too
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await noHorizontalOverflow(page);
  await page.getByText("Change the program: apply a template, save it as one, add an exercise").click();
  await expect(page.getByLabel("Template", { exact: true })).toBeVisible();
  await noHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("athlete-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/athletes/${athleteId}`);
  await page.screenshot({ path: testInfo.outputPath("athlete-1280.png"), fullPage: true });

  // ladder strips show every step at 1280 px
  await page.goto("/exercises");
  const ladder = page.getByRole("region", { name: "Hip abduction ladder" });
  await expect(ladder.getByRole("listitem").first()).toBeVisible();
  const rights = await ladder.getByRole("listitem").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
  expect(rights.length).toBeGreaterThanOrEqual(6);
  expect(Math.max(...rights)).toBeLessThanOrEqual(1280);
  await noHorizontalOverflow(page);
});

test("the chart's custom range starts from the range on screen, refuses a backwards one, and the table follows it", async ({ page }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await openAlex(page);
  const charts = page.getByRole("region", { name: "Pain and running load" });
  const shown = charts.getByText(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
  const span = async () => (await shown.innerText()).match(/^(\S+) to (\S+)/)!.slice(1) as [string, string];

  // 12 weeks first, then 4 weeks; "Custom" offers the 4 weeks on screen, not the 12 it opened with
  await expect(charts.getByRole("button", { name: "12 weeks" })).toHaveAttribute("aria-pressed", "true");
  await charts.getByRole("button", { name: "4 weeks" }).click();
  await expect(charts.getByRole("button", { name: "4 weeks" })).toHaveAttribute("aria-pressed", "true");
  const [from4, to4] = await span();
  await charts.getByRole("button", { name: "Custom" }).click();
  const custom = charts.getByRole("form", { name: "Custom date range" });
  await expect(custom.getByLabel("From")).toHaveValue(from4);
  await expect(custom.getByLabel("To")).toHaveValue(to4);

  // backwards dates are refused in words, and the chart keeps its range
  const weekBefore = new Date(Date.parse(`${to4}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
  await custom.getByLabel("From").fill(to4);
  await custom.getByLabel("To").fill(weekBefore);
  await custom.getByRole("button", { name: "Show range" }).click();
  await expect(custom.getByText("The start date must be on or before the end date.")).toBeVisible();
  expect(await span()).toEqual([from4, to4]);

  // a week: the table has one row a day
  await custom.getByLabel("From").fill(weekBefore);
  await custom.getByLabel("To").fill(to4);
  await custom.getByRole("button", { name: "Show range" }).click();
  await expect(shown).toHaveText(new RegExp(`^${weekBefore} to ${to4}`));
  await charts.getByRole("button", { name: "View as table" }).first().click();
  const table = charts.getByRole("region", { name: "Pain vs running load as a table" });
  await expect(table.locator("tbody tr")).toHaveCount(7);
});

test("the referral summary: a link beside the profile buttons opens Alex's one-page PDF", async ({ page }, testInfo) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const athleteId = await openAlex(page);
  const link = page.getByRole("link", { name: "Referral summary (PDF)" });
  await expect(link).toBeVisible();
  expect(await link.getAttribute("href")).toBe(`/athletes/${athleteId}/referral.pdf`);
  await page.screenshot({ path: testInfo.outputPath("athlete-header-referral-link.png") });
  const res = await page.request.get(`/athletes/${athleteId}/referral.pdf`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^inline; filename="referral-summary-alex-morgan-\d{4}-\d{2}-\d{2}\.pdf"$/);
  const pdf = await res.body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // kept for looking at (pdftoppm); its text is read back in lib/data/referral.int.test.ts
  await testInfo.attach("alex-referral-summary.pdf", { body: pdf, contentType: "application/pdf" });
});

test("the audit log: pages, filters and search in the URL, readable lines, keyboard reachable", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: "Changes, newest first" });
  const rows = list.locator(":scope > li");
  expect(await rows.count()).toBeLessThanOrEqual(50);
  expect(await list.innerText()).not.toMatch(/\{"|":/);
  const count = page.getByTestId("audit-count");
  const total = Number(/^(\d+) changes/.exec((await count.innerText()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(50); // the demo history
  await page.getByRole("link", { name: "Older changes" }).click();
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await expect(count).toContainText("showing 51–");
  await page.getByRole("link", { name: "Newer changes" }).click();
  await expect(count).toContainText("showing 1–");

  // filter by kind: the URL carries it, every line is of that kind
  await page.getByLabel("Kind of change").selectOption({ label: "Alerts" });
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page).toHaveURL(/kind=alert\b/);
  for (const text of await rows.locator(":scope > p:first-child").allInnerTexts()) expect(text).toMatch(/^Alert /);

  // search, with the kind kept
  await page.getByLabel("Search", { exact: true }).fill("Alex Morgan");
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page).toHaveURL(/q=Alex\+Morgan/);
  await expect(page).toHaveURL(/kind=alert/);
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.locator(":scope > p:first-child").allInnerTexts()) expect(text).toContain("Alex Morgan");

  // a date range with nothing in it, then clear
  await page.goto("/settings/audit?to=2000-01-01");
  await expect(count).toHaveText("No changes match these filters.");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);

  // an unusable filter in a hand-edited URL is dropped, not a 500
  const res = await page.goto("/settings/audit?page=abc&athlete=nope&kind=passwords&from=2026-13-45");
  expect(res?.status()).toBe(200);
  await expect(page.getByLabel("Kind of change")).toHaveValue("");

  // the filters and pager are reached by keyboard: nothing scrolls on its own
  await page.goto("/settings/audit");
  await page.getByLabel("Search", { exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Athlete", { exact: true })).toBeFocused();

  // 375 px: no horizontal overflow
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await noHorizontalOverflow(page);
});
