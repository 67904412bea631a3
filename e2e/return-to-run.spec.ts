import { DEMO, expect, signIn, test } from "./fixtures";

const SHOTS = process.env.E2E_OUTPUT_DIR ?? "test-results";

test("a trainer starts return to run and steps up with a reason; the athlete sees the stage and logs a session", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/athletes");
  await page.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();

  const rtr = page.getByRole("region", { name: "Return to run", exact: true });
  await rtr.getByLabel("Stage", { exact: true }).selectOption({ label: "Stage 2: run 1 min, walk 4 min, 6 times — 30 min" });
  // a reason is required
  await rtr.getByRole("button", { name: "Start return to run" }).click();
  await rtr.getByLabel("Reason", { exact: true }).fill("Walking 30 min is pain-free");
  await rtr.getByRole("button", { name: "Start return to run" }).click();
  await expect(rtr.getByText("stage 2 of 8")).toBeVisible();
  await expect(rtr.getByText(/Hold at stage 2/)).toBeVisible();

  await rtr.getByLabel("Reason for the step").fill("Two clean sessions on the treadmill with the AT");
  await rtr.getByRole("button", { name: "Step up to stage 3" }).click();
  await expect(rtr.getByText("stage 3 of 8")).toBeVisible();
  const history = rtr.getByRole("list").last();
  await expect(history.getByText(/Stepped up from stage 2 to stage 3 · Sam Rivera/)).toBeVisible();
  await expect(history.getByText("Two clean sessions on the treadmill with the AT")).toBeVisible();
  await rtr.scrollIntoViewIfNeeded();
  await rtr.screenshot({ path: `${SHOTS}/rtr-trainer-1280.png` });
  await page.setViewportSize({ width: 375, height: 812 });
  await rtr.screenshot({ path: `${SHOTS}/rtr-trainer-375.png` });

  // the athlete, on a phone
  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const phone = await phoneCtx.newPage();
  await signIn(phone, DEMO.athlete.email, DEMO.athlete.password);
  await phone.goto("/today");
  const card = phone.getByRole("region", { name: "Return to run", exact: true });
  await expect(card.getByText(/^(Stage 3: run 2 min, walk 3 min, 6 times — 30 min|Rest day)$/)).toBeVisible();
  await expect(card.getByText("Repeat stage 3")).toBeVisible();
  await card.getByText("Log a stage 3 session").click();
  await card.getByLabel("Minutes").fill("30");
  await card.getByRole("group", { name: "Knee pain during (0–10)" }).getByText("1", { exact: true }).click();
  await card.getByRole("group", { name: "Knee pain after (0–10)" }).getByText("1", { exact: true }).click();
  await card.getByRole("group", { name: "Session effort (0–10)" }).getByText("3", { exact: true }).click();
  await card.getByRole("button", { name: "Save session" }).click();
  await expect(card.getByText("Session saved.")).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole("region", { name: "Return to run", exact: true }).getByText("Rest day", { exact: true })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Go back to stage 2" })).toBeVisible();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.getByRole("region", { name: "Return to run", exact: true }).screenshot({ path: `${SHOTS}/rtr-athlete-375.png` });
  await phone.screenshot({ path: `${SHOTS}/rtr-athlete-today-375.png`, fullPage: true });
  await phoneCtx.close();
});
