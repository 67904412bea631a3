import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { waitForLink } from "./mailbox";
import { OFFLINE_ROUTES } from "../lib/offline/routes";

/**
 * Issue 19 item 5: the athlete pages work without a signal. Runs against the production build,
 * where the service worker (/serwist/sw.js) is registered from the athlete pages.
 */
async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The trainer (on the athlete's page) emails the invitation; the athlete opens it on a phone, sets a
 * password, and the service worker keeps the offline pages for them.
 */
async function inviteToPhone(page: Page, browser: Browser, email: string) {
  // invitations are only ever emailed (issue 17): the link comes from the athlete's mailbox
  await page.getByRole("button", { name: "Email an invitation" }).click();
  const link = await waitForLink(email, "/invite/");

  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await phone.goto(link);
  await phone.getByLabel("Choose a password").fill("phone-password-1");
  await phone.getByRole("button", { name: "Set password and continue" }).click();
  await expect(phone).toHaveURL(/\/today/);

  // an installable app: the manifest opens on Today; the production build registers the service worker
  const manifest = await (await phone.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ start_url: "/today", display: "standalone" });
  await expect(phone.locator('link[rel="manifest"]')).toHaveCount(1);
  const scriptUrl = await phone.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptUrl).toMatch(/\/serwist\/sw\.js$/);
  // Today and the log are kept for this athlete (the layer asks the worker to fetch both)
  await expect
    .poll(async () => phone.evaluate(async () => ((await caches.has("athlete-pages")) ? (await (await caches.open("athlete-pages")).keys()).map((r) => new URL(r.url).pathname).sort() : [])), { timeout: 30_000 })
    .toEqual([...OFFLINE_ROUTES].sort());
  return { phoneCtx, phone };
}

test("offline on a phone: Today opens, a check-in, a tick and runs queue, are stored once when the signal returns, and a refused one is shown with its reason", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();

  // the trainer adds an athlete with one exercise and invites them
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const created = await page.request.post("/api/v1/athletes", { data: { name: `Offline ${stamp}`, email: `offline-${stamp}@example.com` } });
  expect(created.status()).toBe(201);
  const athlete = await created.json();
  const exercises = (await (await page.request.get("/api/v1/exercises")).json()).exercises as { id: string; name: string; defaultDosage: { reps?: number } }[];
  const exercise = exercises.find((e) => e.defaultDosage.reps)!;
  expect((await page.request.post(`/api/v1/athletes/${athlete.id}/program`, { data: { exerciseId: exercise.id, sets: 3, reps: 12, daysPerWeek: 3 } })).status()).toBe(201);
  await page.goto(`/athletes/${athlete.id}`);
  const { phoneCtx, phone } = await inviteToPhone(page, browser, `offline-${stamp}@example.com`);

  // no signal: Today opens as last seen
  await phoneCtx.setOffline(true);
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(phone.getByText(/^No signal\. You can still check in/)).toBeVisible();

  // a check-in is kept on the phone
  await phone.getByRole("group", { name: "Knee pain this morning (0–10)" }).getByText("3", { exact: true }).click();
  await phone.getByRole("group", { name: "Any of these today?" }).getByText("None", { exact: true }).click();
  await phone.getByRole("button", { name: "Save check-in" }).click();
  await expect(phone.getByText("No signal: saved on this phone. It will be sent when you are back online.")).toBeVisible();
  await expect(phone.getByText("1 report waiting to send")).toBeVisible();

  // an exercise ticked off
  await phone.getByRole("form", { name: `Tick off ${exercise.name}` }).getByRole("button", { name: "Done" }).click();
  await expect(phone.getByText("Done: saved on this phone, waiting to send.")).toBeVisible();
  await expect(phone.getByText("2 reports waiting to send")).toBeVisible();

  // the log opens offline too; the form is checked on the phone with the server's rules
  await phone.getByRole("link", { name: "Log a run or cross-training" }).click();
  await expect(phone.getByRole("heading", { name: "Log a run or cross-training" })).toBeVisible();
  await phone.getByLabel("Duration (minutes, or h:mm:ss)").fill("30");
  await phone.getByLabel("Distance (km)").fill("5");
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText("Choose the session effort.", { exact: true })).toBeVisible();
  await expect(phone.getByText("2 reports waiting to send")).toBeVisible();
  await phone.getByRole("group", { name: "Session effort (0–10)" }).getByText("4", { exact: true }).click();
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText("3 reports waiting to send")).toBeVisible();

  // a run dated tomorrow: the phone takes it, the server will not
  const today = (await phone.getByLabel("Date").getAttribute("max"))!;
  const tomorrow = nextDay(today);
  await phone.getByLabel("Date").fill(tomorrow);
  await phone.getByLabel("Duration (minutes, or h:mm:ss)").fill("20");
  await phone.getByLabel("Distance (km)").fill("3");
  await phone.getByRole("group", { name: "Session effort (0–10)" }).getByText("3", { exact: true }).click();
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText("4 reports waiting to send")).toBeVisible();
  await expectAxeClean(phone);
  await shot(phone, "offline-waiting-375");

  // nothing has reached the server yet
  const runs = async () => ((await (await page.request.get(`/api/v1/athletes/${athlete.id}/activities`)).json()).items as { clientId: string; distanceM: number; date: string }[]);
  expect(await runs()).toEqual([]);

  // the signal returns: sent in order, the refused one stays with the server's reason
  await phoneCtx.setOffline(false);
  await expect(phone.getByText(/reports? waiting to send/)).toHaveCount(0, { timeout: 30_000 });
  const refused = phone.getByText(/^Not saved: Run of/);
  await expect(refused).toBeVisible();
  await expect(phone.getByText("The server refused it: The date cannot be in the future.")).toBeVisible();
  await expectAxeClean(phone);
  await shot(phone, "offline-refused-375");

  // stored exactly once, on the day they were made
  const stored = await runs();
  expect(stored.map((r) => [r.date, r.distanceM])).toEqual([[today, 5000]]);
  const series = await (await page.request.get(`/api/v1/athletes/${athlete.id}/series?from=${today}&to=${today}`)).json();
  expect(series.rows).toHaveLength(1);
  expect(series.rows[0]).toMatchObject({ date: today, morningPain: 3, exerciseSessions: 1 });

  // Today shows what the server holds; opening the app again sends nothing twice
  await phone.goto("/today");
  await expect(phone.getByText("Knee pain this morning:")).toContainText("3/10");
  await expect(phone.getByText(/^Done: 3 of 3 sets$/)).toBeVisible();
  await expect(phone.getByText(/^Not saved: Run of/)).toBeVisible();
  expect((await runs()).length).toBe(1);

  // the athlete discards the refused run: gone from the phone, never stored
  await phone.getByRole("button", { name: /^Discard: Run of/ }).click();
  await expect(phone.getByText(/^Not saved:/)).toHaveCount(0);
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  await expect(phone.getByText(/^Not saved:/)).toHaveCount(0);
  expect((await runs()).length).toBe(1);

  // signing out empties the phone's copy of the athlete pages
  await phone.getByRole("button", { name: "Sign out" }).click();
  await expect(phone).toHaveURL(/\/sign-in/);
  expect(await phone.evaluate(async () => ((await caches.has("athlete-pages")) ? (await (await caches.open("athlete-pages")).keys()).length : 0))).toBe(0);
  await phoneCtx.close();
});

/** The phone's outbox as idb-keyval keeps it (database "stride-outbox", store "outbox", key "reports"). */
type Stored = { id: string; kind: string; body: Record<string, unknown>; label: string; status: string };
const readOutbox = (phone: Page) =>
  phone.evaluate(
    () =>
      new Promise<Stored[]>((resolve, reject) => {
        const open = indexedDB.open("stride-outbox");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("outbox", "readonly").objectStore("outbox").get("reports");
          get.onsuccess = () => {
            resolve((get.result as Stored[] | undefined) ?? []);
            open.result.close();
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
/** Puts reports back in the outbox, as if the phone had never heard the server's answer. */
const writeOutbox = (phone: Page, list: Stored[]) =>
  phone.evaluate(
    (reports) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("stride-outbox");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("outbox", "readwrite");
          tx.objectStore("outbox").put(reports, "reports");
          tx.oncomplete = () => {
            open.result.close();
            window.dispatchEvent(new Event("stride-outbox-changed"));
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    list,
  );

test("offline on a phone: a return-to-run stage session is queued, shown as waiting, and stored once when the signal returns, even when it is sent again", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const email = `offline-rtr-${stamp}@example.com`;

  // the trainer adds an athlete and puts them on stage 2 before they first open the app (Today's copy then has the card)
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const created = await page.request.post("/api/v1/athletes", { data: { name: `Offline Ladder ${stamp}`, email } });
  expect(created.status()).toBe(201);
  const athlete = await created.json();
  await page.goto(`/athletes/${athlete.id}`);
  const rtr = page.getByRole("region", { name: "Return to run", exact: true });
  await rtr.getByLabel("Stage", { exact: true }).first().selectOption({ label: "Stage 2: run 1 min, walk 4 min, 6 times — 30 min" });
  await rtr.getByLabel("Reason", { exact: true }).first().fill("Back to running after the clinic visit");
  await rtr.getByRole("button", { name: "Start return to run" }).click();
  await expect(rtr.getByText("stage 2 of 8")).toBeVisible();
  const { phoneCtx, phone } = await inviteToPhone(page, browser, email);

  // no signal: the session is checked on the phone, kept, and shown as waiting
  await phoneCtx.setOffline(true);
  await phone.reload();
  await expect(phone.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();
  const card = phone.getByRole("region", { name: "Return to run", exact: true });
  await card.getByText("Log a stage 2 session").click();
  await card.getByLabel("Minutes").fill("30");
  await card.getByRole("group", { name: "Knee pain during (0–10)" }).getByText("1", { exact: true }).click();
  await card.getByRole("group", { name: "Knee pain after (0–10)" }).getByText("2", { exact: true }).click();
  await card.getByRole("button", { name: "Save session" }).click();
  // the server's own rule, on the phone: no effort chosen is an error, never a zero
  await expect(card.getByText("Enter the session effort from 0 to 10.", { exact: true })).toBeVisible();
  await card.getByRole("group", { name: "Session effort (0–10)" }).getByText("3", { exact: true }).click();
  await card.getByRole("button", { name: "Save session" }).click();
  await expect(card.getByText("No signal: saved on this phone. It will be sent when you are back online.")).toBeVisible();
  await expect(phone.getByText("1 report waiting to send")).toBeVisible();
  await expect(phone.getByRole("listitem").filter({ hasText: /^Stage 2 session of / })).toBeVisible();
  await expectAxeClean(phone);
  await shot(phone, "offline-stage-session-waiting-375");

  const queued = await readOutbox(phone);
  expect(queued).toHaveLength(1);
  expect(queued[0]).toMatchObject({ kind: "stage-session", status: "waiting", body: { durationSec: 1800, rpe: 3, painDuring: 1, painAfter: 2, outcome: "completed" } });
  const activities = async () => ((await (await page.request.get(`/api/v1/athletes/${athlete.id}/activities`)).json()).items as { clientId: string; type: string; durationSec: number; painDuring: number; painAfter: number }[]);
  expect(await activities()).toEqual([]);

  // the signal returns: stored once
  await phoneCtx.setOffline(false);
  await expect(phone.getByText(/reports? waiting to send/)).toHaveCount(0, { timeout: 30_000 });
  await expect(phone.getByText(/^Not saved:/)).toHaveCount(0);
  const stored = await activities();
  expect(stored.map((a) => [a.clientId, a.type, a.durationSec, a.painDuring, a.painAfter])).toEqual([[queued[0]!.id, "run", 1800, 1, 2]]);

  // the answer was lost on the way back: the outbox sends the same session again, and it is still one
  await phoneCtx.setOffline(true);
  await writeOutbox(phone, queued);
  await expect(phone.getByText("1 report waiting to send")).toBeVisible();
  await phoneCtx.setOffline(false);
  await expect(phone.getByText(/reports? waiting to send/)).toHaveCount(0, { timeout: 30_000 });
  await expect(phone.getByText(/^Not saved:/)).toHaveCount(0);
  expect(await readOutbox(phone)).toEqual([]);
  expect((await activities()).length).toBe(1);
  await shot(phone, "offline-stage-session-sent-375");
  await phoneCtx.close();
});
