import type { Browser, Page } from "@playwright/test";
import { RED_FLAG_QUESTIONS } from "../lib/validation/red-flag-questions";
import { expect, test } from "./fixtures";
import { appPathIn, receivedMail, waitForLink, waitForMail } from "./mailbox";
import { signUpClinic } from "./sign-up";

/**
 * Alerts that leave the app (DESIGN §2e) through the real SMTP server of the e2e server: an athlete
 * reports an urgent red flag on the phone, and their trainer (here the owner of a new clinic, who
 * has no other trainer) receives exactly one email, without health details in the subject and with
 * a link that opens the athlete's page. Then the trainer's alert email choice. A clinic of its own,
 * so the demo clinic is untouched.
 */
const PASSWORD = "a-long-enough-password";
const SUBJECT = /^Stride Clinic: an athlete needs your attention$/;

test.describe.configure({ timeout: 180_000 });

async function signUp(page: Page, label: string): Promise<string> {
  const email = `${label}-${Date.now()}@example.com`;
  await signUpClinic(page, { clinicName: `Alert mail ${label} Clinic`, name: `Owner ${label}`, email, password: PASSWORD });
  return email;
}

/** Answers (or changes) today's morning check-in on the phone: pain, and "yes" to the named red flags only. */
async function checkIn(phone: Page, pain: number, yes: string[]) {
  await phone.goto("/today?edit=check-in");
  await phone.getByRole("group", { name: "Knee pain this morning (0–10)" }).getByText(String(pain), { exact: true }).click();
  await phone.getByRole("group", { name: "Any of these today?" }).getByText("Yes", { exact: true }).click();
  for (const q of RED_FLAG_QUESTIONS) await phone.getByRole("group", { name: q.question }).getByText(yes.includes(q.code) ? "yes" : "no", { exact: true }).click();
  await phone.getByRole("button", { name: /^(Save|Update) check-in$/ }).click();
  await expect(phone.getByText("Check-in saved. Thank you!")).toBeVisible();
}

/**
 * Everything queued before now has been through the mail worker: a password reset link asked for
 * now is queued after it, and the worker sends the outbox oldest first.
 */
async function mailSettled(browser: Browser, email: string) {
  const before = receivedMail().filter((m) => m.to.includes(email) && /Choose a new Stride Clinic password/.test(m.subject)).length;
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByText("If an account uses that email, we have sent it a link to choose a new password.")).toBeVisible();
  await waitForMail(email, /Choose a new Stride Clinic password/, before + 1);
  await ctx.close();
}

test("an urgent red flag reaches the trainer by email once, with a link to the athlete", async ({ page, browser }) => {
  const owner = await signUp(page, "urgent");
  const name = `Lock Knee ${Date.now()}`;
  await page.goto("/athletes/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  const athleteEmail = `lock-knee-${Date.now()}@example.com`;
  await page.getByLabel(/^Email/).fill(athleteEmail);
  await page.getByRole("button", { name: "Add athlete" }).click();
  await page.getByRole("button", { name: "Email an invitation" }).click();
  const link = await waitForLink(athleteEmail, "/invite/");

  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await phone.goto(link);
  await phone.getByLabel("Choose a password").fill("phone-password-1");
  await phone.getByRole("button", { name: "Set password and continue" }).click();
  await expect(phone).toHaveURL(/\/today/);

  await checkIn(phone, 3, ["locking"]);
  const mail = await waitForMail(owner, SUBJECT);
  expect(mail.subject).not.toMatch(/lock|pain|knee|flag/i);
  expect(mail.subject).not.toContain(name);
  expect(mail.text).toContain(`${name} has an urgent alert today:`);
  expect(mail.text).toMatch(/Reported .*lock/i);

  // the same check-in saved again (still locking, now swelling too): the same alert, no second email
  await checkIn(phone, 4, ["locking", "swelling"]);
  await mailSettled(browser, owner);
  expect(receivedMail().filter((m) => m.to.includes(owner) && SUBJECT.test(m.subject))).toHaveLength(1);

  // the link opens the athlete's page, with the alert on it
  const path = appPathIn(mail, "/athletes/");
  await page.goto(path);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText(/lock/i).first()).toBeVisible();
  await phoneCtx.close();
});

test("each trainer chooses how alerts reach them by email", async ({ page }) => {
  await signUp(page, "choice");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alert emails" }).click();
  await expect(page).toHaveURL(/\/settings\/alert-emails$/);
  await expect(page.getByRole("heading", { name: "Alert emails", level: 1 })).toBeVisible();
  const choice = page.getByRole("group", { name: "Email me about alerts" });
  await expect(choice.getByRole("radio", { name: "Urgent alerts at once", exact: true })).toBeChecked();
  await expect(page.getByLabel("Daily summary at")).toHaveCount(0);

  await choice.getByRole("radio", { name: "Urgent alerts at once, and a daily summary" }).check();
  await page.getByLabel("Daily summary at").selectOption("18");
  await page.getByRole("button", { name: "Save alert emails" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  // the form shows what was saved, before and after a reload
  await expect(page.getByText("Now: Urgent alerts by email at once, and a daily summary at 18:00.")).toBeVisible();
  await expect(choice.getByRole("radio", { name: "Urgent alerts at once, and a daily summary" })).toBeChecked();
  await expect(page.getByLabel("Daily summary at")).toHaveValue("18");
  await page.screenshot({ path: test.info().outputPath("alert-emails-1280.png"), fullPage: true });
  await page.reload();
  await expect(choice.getByRole("radio", { name: "Urgent alerts at once, and a daily summary" })).toBeChecked();
  await expect(page.getByLabel("Daily summary at")).toHaveValue("18");

  await choice.getByRole("radio", { name: "No alert emails" }).check();
  await expect(page.getByLabel("Daily summary at")).toHaveCount(0);
  await page.getByRole("button", { name: "Save alert emails" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(choice.getByRole("radio", { name: "No alert emails" })).toBeChecked();
  await page.reload();
  await expect(choice.getByRole("radio", { name: "No alert emails" })).toBeChecked();
  await expect(page.getByText("Now: No alert emails")).toBeVisible();
});
