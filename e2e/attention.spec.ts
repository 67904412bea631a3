import { randomUUID } from "node:crypto";
import { DEMO, expect, signIn, test } from "./fixtures";
import { signUpClinic } from "./sign-up";

const londonToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const shots = process.env.E2E_SCREENSHOTS;

test("a red flag puts the athlete first; acknowledging moves it; the chart's table matches the API", async ({ page, browser }) => {
  const today = londonToday();

  // the athlete reports painful clicking and a run
  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const phone = await phoneCtx.newPage();
  await signIn(phone, DEMO.athlete.email, DEMO.athlete.password);
  const checkIn = await phone.request.post("/api/v1/check-ins", {
    data: { morningPain: 3, redFlags: { clicking: true }, clientId: randomUUID() },
  });
  expect(checkIn.status()).toBeLessThan(300);
  const run = await phone.request.post("/api/v1/activities", {
    data: { clientId: randomUUID(), type: "run", date: today, durationSec: 1800, distanceM: 5000, rpe: 5, painDuring: 2, painAfter: 3 },
  });
  expect(run.status()).toBeLessThan(300);

  // the athlete's own progress page, at 375 px
  await phone.goto("/progress");
  await expect(phone.getByRole("heading", { name: "Progress" })).toBeVisible();
  await expect(phone.locator(".recharts-surface").first()).toBeVisible();
  if (shots) await phone.screenshot({ path: `${shots}/progress-375.png`, fullPage: true });
  const scrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(375);

  // the trainer's triage table shows that athlete first, with the reason
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/dashboard");
  const table = page.getByRole("table", { name: /^Athletes with open alerts/ });
  const first = table.locator("tbody tr").first();
  await expect(first.getByRole("rowheader")).toContainText("Alex Morgan");
  await expect(first.getByText("Reported painful catching or clicking; needs an AT's assessment")).toBeVisible();
  await expect(first.getByText(/^(Green|Amber|Red)/)).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });
  const athleteId = (await first.getByRole("link", { name: "Alex Morgan" }).getAttribute("href"))!.split("/").pop()!;

  // acknowledging the row acknowledges every open alert of it, the red flag among them
  await first.getByRole("checkbox", { name: "Select Alex Morgan" }).check();
  await page.getByRole("button", { name: "Acknowledge selected (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Acknowledged the open alerts of 1 athlete." })).toBeVisible();
  await expect(table.getByRole("link", { name: "Alex Morgan", exact: true })).toHaveCount(0);
  const acknowledged = await (await page.request.get(`/api/v1/alerts?status=acknowledged&athleteId=${athleteId}`)).json();
  expect(acknowledged.items.map((a: { kind: string; flag: string | null }) => `${a.kind}:${a.flag}`)).toContain("red_flag:clicking");
  expect(acknowledged.items[0].acknowledgedBy).toBe("Sam Rivera");

  // the athlete page: alerts panel and charts
  await page.goto(`/athletes/${athleteId}`);
  await page.getByText(/^Acknowledged, not resolved/).click();
  await expect(page.getByRole("list", { name: "Acknowledged alerts" })).toContainText("painful catching or clicking");
  // charts render once their card nears the viewport
  await page.getByRole("region", { name: "Pain vs running load" }).scrollIntoViewIfNeeded();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/athlete.png`, fullPage: true });

  const frame = page.getByRole("region", { name: "Pain vs running load" });
  await frame.getByRole("button", { name: "View as table" }).click();
  const row = frame.getByRole("row").filter({ has: page.locator(`th[scope="row"] time[datetime="${today}"]`) });
  const cells = await row.getByRole("cell").allTextContents();
  const api = await (await page.request.get(`/api/v1/athletes/${athleteId}/series?from=${addDays(today, -83)}&to=${today}&bucket=day`)).json();
  const apiRow = api.rows.find((r: { date: string }) => r.date === today);
  expect(cells.slice(0, 4)).toEqual([String(Math.round(apiRow.runningDistanceM / 10) / 100), String(Math.round(apiRow.crossTrainingMin)), String(apiRow.runningPain), String(apiRow.morningPain)]);
  expect(cells.slice(0, 4)).toEqual(["5", "0", "3", "3"]);
  expect(api.rows).toHaveLength(84);

  // the status endpoint agrees
  const status = await (await page.request.get(`/api/v1/athletes/${athleteId}/status`)).json();
  expect(status.openAlerts.map((a: { kind: string }) => a.kind)).not.toContain("red_flag");

  // the athlete may read only their own series
  expect((await phone.request.get(`/api/v1/athletes/${athleteId}/series`)).status()).toBe(200);
  const priya = await (await page.request.get("/api/v1/athletes?q=Priya")).json();
  expect((await phone.request.get(`/api/v1/athletes/${priya.items[0].id}/series`)).status()).toBe(404);
  expect((await phone.request.get(`/api/v1/athletes/${priya.items[0].id}/status`)).status()).toBe(404);
  await phoneCtx.close();
});

test("signed out → 401 and another clinic → 404 on every new route", async ({ page, browser, request }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const athletes = await (await page.request.get("/api/v1/athletes?q=Alex")).json();
  const athleteId = athletes.items[0].id as string;
  const alerts = await (await page.request.get(`/api/v1/alerts?athleteId=${athleteId}`)).json();
  const alertId = (alerts.items[0]?.id as string | undefined) ?? "00000000-0000-4000-8000-000000000000";
  const routes = [
    ["GET", `/api/v1/athletes/${athleteId}/series`],
    ["GET", `/api/v1/athletes/${athleteId}/status`],
    ["GET", "/api/v1/alerts"],
    ["POST", `/api/v1/alerts/${alertId}/acknowledge`],
    ["POST", `/api/v1/alerts/${alertId}/resolve`],
  ] as const;
  for (const [method, url] of routes) {
    const res = method === "GET" ? await request.get(url) : await request.post(url, { data: {} });
    expect(res.status(), `${method} ${url} signed out`).toBe(401);
  }

  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signUpClinic(other, { clinicName: "Attention Other Clinic", name: "Other Owner", email: `attention-other-${Date.now()}@example.com`, password: "a-long-enough-password" });
  await expect(other.getByRole("heading", { name: "All clear" })).toBeVisible();
  for (const [method, url] of routes) {
    if (url === "/api/v1/alerts") {
      expect((await (await other.request.get(`${url}?athleteId=${athleteId}`)).json()).items).toEqual([]);
      continue;
    }
    const res = method === "GET" ? await other.request.get(url) : await other.request.post(url, { data: {} });
    expect(res.status(), `${method} ${url} as another clinic`).toBe(404);
  }
  const bad = await page.request.get(`/api/v1/athletes/${athleteId}/series?from=2026-03-02&to=2026-03-01`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fieldErrors.from).toEqual(["The start date must be on or before the end date."]);
  await otherCtx.close();
});
