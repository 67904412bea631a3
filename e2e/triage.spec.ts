import type { Page } from "@playwright/test";
import { DEMO, expect as baseExpect, signIn, test } from "./fixtures";

/**
 * The triage view at size: the "Triage Test Clinic" (scripts/seed/triage.ts, run by the e2e server)
 * has 500 athletes with open alerts: 20 urgent (locking today), 120 high, 360 moderate, and 25
 * exercises ready to progress. Every page visited is scanned with axe (fixtures.ts).
 */
const OWNER = { email: "triage-owner@example.com", password: DEMO.trainer.password };
const shots = process.env.E2E_SCREENSHOTS;

test.describe.configure({ mode: "serial" });
// pages of 50 rows on a 2-core machine shared with builds: a navigation can take many seconds
test.beforeEach(() => test.slow());
const expect = baseExpect.configure({ timeout: 30_000 });

const alertsTable = (page: Page) => page.getByRole("table", { name: /^Athletes with open alerts/ });
const goodNewsTable = (page: Page) => page.getByRole("table", { name: /^Exercises ready to progress/ });
const bodyRows = (page: Page) => alertsTable(page).locator("tbody tr");

test("500 athletes: the first page and paging", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /^Open alerts \(500 athletes\)/ })).toBeVisible();
  await expect(alertsTable(page)).toHaveAccessibleName(/Rows 1–50 of 500/);
  await expect(bodyRows(page)).toHaveCount(50);
  // urgent first: the 20 athletes who reported locking today, each once however many days it held
  const first = bodyRows(page).first();
  await expect(first).toContainText("Urgent");
  const firstName = await first.getByRole("rowheader").getByRole("link").textContent();
  await expect(first).toContainText(/locking/i);
  await expect(bodyRows(page).nth(19)).toContainText("Urgent");
  await expect(bodyRows(page).nth(20)).toContainText("High");
  await expect(alertsTable(page).getByRole("columnheader", { name: /Most severe open alert/ })).toHaveAttribute("aria-sort", "ascending");
  if (shots) await page.screenshot({ path: `${shots}/triage-1280.png`, fullPage: false });

  // paging is a URL: page 2 holds rows 51–100, and Previous goes back
  await page.getByRole("navigation", { name: "Pages of athletes with open alerts" }).getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(alertsTable(page)).toHaveAccessibleName(/Rows 51–100 of 500/);
  await expect(bodyRows(page)).toHaveCount(50);
  await expect(bodyRows(page).first().getByRole("rowheader").getByRole("link")).not.toHaveText(firstName!);
  await expect(bodyRows(page).first()).toContainText("High");
});

test("sorting and filters are in the URL", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await page.goto("/dashboard?page=2");

  // sorting by name is a header link; aria-sort follows it, and the page starts again
  await alertsTable(page).getByRole("link", { name: /^Athlete/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(alertsTable(page).getByRole("columnheader", { name: /^Athlete/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(bodyRows(page).first().getByRole("rowheader")).toContainText("Runner 001");

  // filters: severity and group, kept with the sort
  await page.getByLabel("Severity").selectOption("urgent");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/severity=urgent/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(alertsTable(page)).toHaveAccessibleName(/Rows 1–20 of 20/);
  await expect(page.getByRole("navigation", { name: "Pages of athletes with open alerts" })).toHaveCount(0);
  await page.getByLabel("Severity").selectOption("high");
  await page.getByLabel("Group").selectOption("Track");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(alertsTable(page)).toHaveAccessibleName(/Rows 1–25 of 25\./);
  for (const text of await bodyRows(page).getByRole("rowheader").allTextContents()) expect(text).toContain("Track");
});

test("select several rows and acknowledge them together; the result is announced", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await page.goto("/dashboard?severity=urgent");
  await expect(alertsTable(page)).toHaveAccessibleName(/of 20\./);
  const names = (await bodyRows(page).getByRole("rowheader").getByRole("link").allTextContents()).slice(0, 3);
  for (const name of names) await page.getByRole("checkbox", { name: `Select ${name}` }).check();
  await page.getByRole("button", { name: "Acknowledge selected (3)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Acknowledged the open alerts of 3 athletes." })).toBeVisible();
  await expect(alertsTable(page)).toHaveAccessibleName(/of 17\./);
  for (const name of names) await expect(alertsTable(page).getByRole("link", { name, exact: true })).toHaveCount(0);

  // select all on this page, then none: nothing is sent without a selection
  const selectAll = page.getByRole("checkbox", { name: "Select all athletes on this page" });
  await selectAll.check();
  await expect(page.getByRole("button", { name: "Acknowledge selected (17)" })).toBeVisible();
  await selectAll.uncheck();
  await page.getByRole("button", { name: "Acknowledge selected" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Select at least one athlete first." })).toBeVisible();
  await expect(alertsTable(page)).toHaveAccessibleName(/of 17\./);
});

test("good news: apply a progression from the row, with a reason", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await page.goto("/dashboard?severity=good_news");
  await expect(page.getByRole("heading", { name: "Good news (25 ready to progress)" })).toBeVisible();
  await expect(goodNewsTable(page)).toHaveAccessibleName(/Rows 1–20 of 25/);
  const row = goodNewsTable(page).locator("tbody tr").first();
  const link = row.getByRole("rowheader").getByRole("link");
  const name = (await link.textContent())!;
  const athleteId = (await link.getAttribute("href"))!.split("/").pop()!;
  await expect(row).toContainText("Clamshell is ready to progress");
  await row.getByRole("textbox", { name: /^Reason/ }).fill("Two clean sessions at full dosage");
  await row.getByRole("button", { name: `Progress to Banded clamshell (${name})` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name}: Clamshell progressed to Banded clamshell.` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Good news (24 ready to progress)" })).toBeVisible();
  await expect(goodNewsTable(page).getByRole("link", { name, exact: true })).toHaveCount(0);

  // the athlete's program now has the next step
  const program = await page.request.get(`/api/v1/athletes/${athleteId}/program`);
  expect(program.status()).toBe(200);
  expect(JSON.stringify(await program.json())).toContain("Banded clamshell");
});

test("at 375 px the page does not scroll sideways; the tables scroll in their own regions", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const phone = await ctx.newPage();
  await signIn(phone, OWNER.email, OWNER.password);
  await phone.goto("/dashboard");
  await expect(alertsTable(phone)).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const region = phone.getByRole("region", { name: /^Athletes with open alerts/ });
  await expect(region).toHaveAttribute("tabindex", "0");
  if (shots) await phone.screenshot({ path: `${shots}/triage-375.png`, fullPage: false });
  await ctx.close();
});

test("a tick does not outlive the alerts it was given for: a new alert drops it, the other stays", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await page.goto("/dashboard?severity=urgent");
  await expect(alertsTable(page)).toHaveAccessibleName(/Rows 1–\d+ of \d+\./);
  const links = bodyRows(page).getByRole("rowheader").getByRole("link");
  const [nameA, nameB] = [(await links.nth(0).textContent())!, (await links.nth(1).textContent())!];
  const idA = (await links.nth(0).getAttribute("href"))!.split("/athletes/")[1]!.split(/[?#]/)[0]!;
  await page.getByRole("checkbox", { name: `Select ${nameA}` }).check();
  await page.getByRole("checkbox", { name: `Select ${nameB}` }).check();
  await expect(page.getByRole("button", { name: "Acknowledge selected (2)" })).toBeVisible();

  // meanwhile the first athlete reports pain 8 on the bike (yesterday): a new urgent alert
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const res = await page.request.post("/api/v1/activities", { data: { athleteId: idA, clientId: crypto.randomUUID(), type: "bike", date: yesterday, durationSec: 1800, rpe: 4, painDuring: 8 } });
  expect(res.status()).toBe(201);

  // the list is sorted again in the same tab (a link, no reload): only the unchanged row stays ticked
  await alertsTable(page).getByRole("link", { name: /^Athlete/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByRole("checkbox", { name: `Select ${nameA}` })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: `Select ${nameB}` })).toBeChecked();
  await page.getByRole("button", { name: "Acknowledge selected (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Acknowledged the open alerts of 1 athlete." })).toBeVisible();
  await expect(alertsTable(page).getByRole("link", { name: nameB, exact: true })).toHaveCount(0);
  await expect(alertsTable(page).getByRole("link", { name: nameA, exact: true })).toHaveCount(1);
});
