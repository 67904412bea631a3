import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { RED_FLAG_QUESTIONS } from "../lib/validation/red-flag-questions";
import { DEMO, expect, signIn, test } from "./fixtures";
import { waitForLink } from "./mailbox";

/** The fixture scans only the default page on load: the phone's states are scanned here, as they appear. */
async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test("on a phone: the check-in asks explicitly, Today shows the week against the caps, and a run past a cap is warned about and still saved", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();

  // the trainer adds an athlete with one exercise, sets 20 km a week, longest run 8 km, and invites them
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const created = await page.request.post("/api/v1/athletes", { data: { name: `Capped ${stamp}`, email: `capped-${stamp}@example.com` } });
  expect(created.status()).toBe(201);
  const athlete = await created.json();
  const exercises = (await (await page.request.get("/api/v1/exercises")).json()).exercises as { id: string; name: string; defaultDosage: { reps?: number } }[];
  const exercise = exercises.find((e) => e.defaultDosage.reps)!;
  expect((await page.request.post(`/api/v1/athletes/${athlete.id}/program`, { data: { exerciseId: exercise.id, sets: 3, reps: 12, daysPerWeek: 3 } })).status()).toBe(201);
  await page.goto(`/athletes/${athlete.id}`);
  // the prescription form is folded on the athlete page
  await page.getByText(/^(Change the|Set a) running prescription$/).click();
  await page.getByLabel("Weekly distance cap (km)").fill("20");
  await page.getByLabel("Longest run cap (km)").fill("8");
  await page.getByRole("button", { name: "Save running prescription" }).click();
  await expect(page.getByText("Running prescription saved.")).toBeVisible();
  await page.getByRole("button", { name: "Email an invitation" }).click();
  const link = await waitForLink(`capped-${stamp}@example.com`, "/invite/");

  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await phone.goto(link);
  await phone.getByLabel("Choose a password").fill("phone-password-1");
  await phone.getByRole("button", { name: "Set password and continue" }).click();
  await expect(phone).toHaveURL(/\/today/);

  // nothing is answered for the athlete: submitting without "Any of these today?" is a field error
  const any = phone.getByRole("group", { name: "Any of these today?" });
  await expect(any.getByRole("radio", { name: "None" })).not.toBeChecked();
  await expect(any.getByRole("radio", { name: "Yes" })).not.toBeChecked();
  await phone.getByRole("group", { name: "Knee pain this morning (0–10)" }).getByText("2", { exact: true }).click();
  await phone.getByRole("button", { name: "Save check-in" }).click();
  await expect(phone.getByText("Answer \u201cAny of these today?\u201d: choose None or Yes.")).toBeVisible();
  await expectAxeClean(phone);
  await expectNoSidewaysScroll(phone);
  await shot(phone, "check-in-unanswered-375");

  // Yes asks each of the seven, none answered; unanswered ones are field errors
  await any.getByText("Yes", { exact: true }).click();
  for (const q of RED_FLAG_QUESTIONS) {
    const group = phone.getByRole("group", { name: q.question });
    await expect(group.getByRole("radio", { name: `${q.question}: no` })).not.toBeChecked();
    await expect(group.getByRole("radio", { name: `${q.question}: yes` })).not.toBeChecked();
  }
  await phone.getByRole("group", { name: RED_FLAG_QUESTIONS[0]!.question }).getByText("no", { exact: true }).click();
  await phone.getByRole("button", { name: "Save check-in" }).click();
  await expect(phone.getByText("Answer yes or no.")).toHaveCount(RED_FLAG_QUESTIONS.length - 1);
  await expect(any.getByRole("radio", { name: "Yes" })).toBeChecked(); // what was answered stays answered
  await expectAxeClean(phone);
  await shot(phone, "check-in-yes-375");

  // None records the seven as no
  await phone.getByRole("group", { name: "Any of these today?" }).getByText("None", { exact: true }).click();
  await phone.getByRole("button", { name: "Save check-in" }).click();
  await expect(phone.getByText("Check-in saved. Thank you!")).toBeVisible();
  await expect(phone.getByText("No warning signs.")).toBeVisible();

  // exercise pain starts blank: ticking it off without one reports none, not 0
  const tick = phone.getByRole("form", { name: `Tick off ${exercise.name}` });
  await expect(tick.getByLabel("Pain during (0–10)")).toHaveValue("");
  await tick.getByRole("button", { name: "Done" }).click();
  await expect(phone.getByText(/^Done: 3 of 3 sets$/)).toBeVisible();

  // the week so far, before any run
  const running = phone.getByRole("region", { name: "Running this week" });
  await expect(running).toContainText("0 of 20 km this week, no run yet (longest up to 8 km).");

  // an 8 km run within the caps: no warning
  await phone.goto("/log");
  await phone.getByLabel("Duration (minutes, or h:mm:ss)").fill("48");
  await phone.getByLabel("Distance (km)").fill("8");
  await phone.getByRole("group", { name: "Session effort (0–10)" }).getByText("4", { exact: true }).click();
  await expect(phone.getByText(/your trainer will see it/)).toHaveCount(0);
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText("Activity saved.", { exact: true })).toBeVisible();
  await expect(running).toContainText("8 of 20 km this week, longest 8 of 8 km.");

  // the next run is warned about as it is typed, before saving
  await phone.goto("/log");
  await phone.getByLabel("Duration (minutes, or h:mm:ss)").fill("90");
  await phone.getByLabel("Distance (km)").fill("12");
  await expect(phone.getByText("This run is longer than your longest-run limit: 12 of 8 km — your trainer will see it.")).toBeVisible();
  await phone.getByLabel("Distance (km)").fill("15");
  const warning = "This run takes you to 23 of 20 km this week, and is longer than your longest-run limit: 15 of 8 km — your trainer will see it.";
  await expect(phone.getByText(warning)).toBeVisible();
  await phone.getByRole("group", { name: "Session effort (0–10)" }).getByText("6", { exact: true }).click();
  await expectAxeClean(phone);
  await expectNoSidewaysScroll(phone);
  await shot(phone, "log-cap-warning-375");
  await phone.setViewportSize({ width: 1280, height: 900 });
  await shot(phone, "log-cap-warning-1280");
  await phone.setViewportSize({ width: 375, height: 812 });

  // it is saved all the same, and the confirmation says it again
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText(`Activity saved. ${warning}`)).toBeVisible();
  await expect(running).toContainText("23 of 20 km this week, longest 15 of 8 km.");
  await expect(running).toContainText("Over your trainer's limit (weekly distance and longest run): your trainer will see it.");
  await expectAxeClean(phone);
  await expectNoSidewaysScroll(phone);
  await shot(phone, "today-over-cap-375");
  await phone.setViewportSize({ width: 1280, height: 900 });
  await shot(phone, "today-over-cap-1280");
  await phone.setViewportSize({ width: 375, height: 812 });

  // editing the 8 km run counts it once: it is what takes the week to 23 km, 5 km keeps it at 20
  await phone.goto("/history");
  await phone.getByRole("link", { name: /^Edit run on/ }).last().click();
  await expect(phone.getByLabel("Distance (km)")).toHaveValue("8");
  await expect(phone.getByText("This run takes you to 23 of 20 km this week — your trainer will see it.")).toBeVisible();
  await phone.getByLabel("Distance (km)").fill("5");
  await expect(phone.getByText(/your trainer will see it/)).toHaveCount(0);
  await phone.getByRole("button", { name: "Save changes" }).click();
  await expect(phone.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // a pair of shoes: the only pair is the default for the next run; its reminder is edited in km
  await phone.goto("/shoes");
  await phone.getByLabel("Name", { exact: true }).fill("Pegasus (blue)");
  await expect(phone.getByLabel("Remind me after (km)").first()).toHaveValue("800");
  await phone.getByRole("button", { name: "Add shoes" }).click();
  await expect(phone.getByText("Shoe added.")).toBeVisible();
  const pair = phone.getByRole("listitem").filter({ hasText: "Pegasus (blue)" });
  await pair.getByLabel("Remind me after (km)").fill("600");
  await pair.getByRole("button", { name: "Save" }).click();
  await expect(pair.getByText("0 km of 600 km")).toBeVisible();
  await expectAxeClean(phone);
  await expectNoSidewaysScroll(phone);
  await shot(phone, "shoes-375");
  await phone.goto("/log");
  await expect(phone.getByLabel("Shoes")).toHaveValue(await phone.getByLabel("Shoes").locator("option", { hasText: "Pegasus (blue)" }).getAttribute("value") as string);

  // progress: pain per activity type over 4 weeks, in words
  await phone.goto("/progress");
  await expect(phone.getByRole("region", { name: "Pain by activity, last 4 weeks" })).toContainText("Running, 2 sessions");
  await expectAxeClean(phone);
  await expectNoSidewaysScroll(phone);
  await shot(phone, "progress-375");
  await phoneCtx.close();

  // the trainer sees the same words on the athlete's page
  await page.goto(`/athletes/${athlete.id}`);
  await expect(page.getByRole("region", { name: "Pain by activity, last 4 weeks" })).toContainText("Running, 2 sessions");
  await shot(page, "trainer-athlete-1280");
});
