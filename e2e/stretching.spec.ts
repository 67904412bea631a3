import AxeBuilder from "@axe-core/playwright";
import { DEMO, expect, signIn, test } from "./fixtures";
import { waitForLink } from "./mailbox";

const DOSE = "3 × 30 s each side · 5 days a week";

test("a trainer filters the library to stretching and assigns a stretch; the athlete's Today on a phone shows the hold per side", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await expect(page).toHaveURL(/\/dashboard$/);

  // the library, filtered to stretching and mobility
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exercises" }).click();
  await page.getByLabel("Kind").selectOption({ label: "Stretching and mobility" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/kind=mobility/);
  const calf = page.getByRole("region", { name: "Calf and soleus stretching ladder" });
  await expect(calf.getByRole("listitem")).toHaveCount(4);
  await expect(calf.getByRole("listitem").first()).toContainText("Wall calf stretch");
  await expect(calf.getByRole("listitem").last()).toContainText("Bent-knee heel drop from a step");
  for (const ladder of ["Hip flexor stretching", "Inner thigh (adductor) stretching", "Hamstring stretching", "Outer hip stretching", "Sole of the foot (plantar fascia) stretching"]) {
    await expect(page.getByRole("region", { name: `${ladder} ladder` })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Hip abduction ladder" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^All exercises/ })).toHaveText("All exercises (22)");
  await page.screenshot({ path: testInfo.outputPath("library-stretching.png"), fullPage: true });

  await page.getByRole("link", { name: "Wall calf stretch" }).last().click();
  await expect(page.getByRole("heading", { name: "Wall calf stretch", level: 1 })).toBeVisible();
  await expect(page.getByText(DOSE)).toBeVisible();
  await expect(page.getByText("Stretching and mobility", { exact: true })).toBeVisible();

  // a new athlete, the stretch added from the athlete page: choosing it fills in its hold
  const created = await page.request.post("/api/v1/athletes", { data: { name: `Stretch ${stamp}`, email: `stretch-${stamp}@example.com` } });
  expect(created.status()).toBe(201);
  const athlete = (await created.json()) as { id: string };
  await page.goto(`/athletes/${athlete.id}`);
  await page.getByLabel("Exercise", { exact: true }).selectOption({ label: "Wall calf stretch (Calf and soleus stretching 1/4)" });
  await expect(page.getByLabel("Hold (seconds)", { exact: true })).toHaveValue("30");
  await expect(page.getByLabel("Reps", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Days per week", { exact: true })).toHaveValue("5");
  await page.getByRole("button", { name: "Add exercise" }).click();
  // (the program's tools fold away once it has an exercise, so the item itself is the confirmation)
  const item = page.getByRole("list", { name: "Program exercises" }).getByRole("listitem", { name: "Wall calf stretch" });
  await expect(item.getByTestId("dosage")).toHaveText(DOSE);
  await expect(item.getByText("Calf and soleus stretching · step 1 of 4")).toBeVisible();
  // invitations are only ever emailed (issue 17): the link comes from the athlete's mailbox
  await page.getByRole("button", { name: "Email an invitation" }).click();
  const link = await waitForLink(`stretch-${stamp}@example.com`, "/invite/");

  // the athlete, on a phone
  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await phone.goto(link);
  await phone.getByLabel("Choose a password").fill("phone-password-1");
  await phone.getByRole("button", { name: "Set password and continue" }).click();
  await expect(phone).toHaveURL(/\/today/);
  const tick = phone.getByRole("form", { name: "Tick off Wall calf stretch" });
  await expect(tick.getByText(DOSE)).toBeVisible();
  await tick.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: testInfo.outputPath("today-stretch-375.png"), fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page: phone }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // the program page and the printed home program read the same
  await phone.goto("/program");
  await expect(phone.getByRole("heading", { name: "Wall calf stretch" })).toBeVisible();
  await expect(phone.getByText(DOSE)).toBeVisible();
  await phone.getByText("How to do it").click();
  await expect(phone.getByText("Keep the back knee straight and press that heel into the floor.")).toBeVisible();
  await expect(phone.getByText("Back heel stays down and back toes point forward, not out.")).toBeVisible();
  await phone.screenshot({ path: testInfo.outputPath("program-stretch-375.png"), fullPage: true });
  await phone.goto("/program/print");
  await expect(phone.getByText(DOSE)).toBeVisible();
  await phoneCtx.close();
});
