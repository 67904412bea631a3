import type { BrowserContext, Page } from "@playwright/test";
import { generate } from "otplib";
import { expect, signIn, test } from "./fixtures";
import { appPathIn, waitForMail } from "./mailbox";
import { signUpClinic } from "./sign-up";

/**
 * Two-factor sign-in for staff: set-up from a QR code's key, sign-in with a code from the app and
 * with a recovery code (once), a wrong code and a reused recovery code refused, a password alone
 * never a session; and the owner's requirement, which sends a trainer without it to set it up
 * before anything else. Codes are computed here from the key the page shows, as an app would.
 */
const PASSWORD = "a-long-enough-password";
test.describe.configure({ timeout: 180_000 });

/** The code an app shows `stepsAhead` 30-second steps from now (ahead: a step not used yet). */
const codeFor = (secret: string, stepsAhead = 1) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

async function signUp(page: Page, label: string): Promise<string> {
  const email = `${label}-${Date.now()}@example.com`;
  await signUpClinic(page, { clinicName: `Two-factor ${label} Clinic`, name: `Owner ${label}`, email, password: PASSWORD });
  return email;
}

/** Sets up two-factor sign-in on the page it is on (/account/two-factor); returns the key and recovery codes. */
async function enrol(page: Page, continueTo: RegExp): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("two-factor-setup.png"), fullPage: true });
  const secret = (await page.locator("code").first().textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code is not right.").first()).toBeVisible();
  await page.getByLabel("Code from your app").fill(await codeFor(secret, 0));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list).toBeVisible();
  const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await page.getByRole("link", { name: "I have saved them: continue" }).click();
  await expect(page).toHaveURL(continueTo);
  return { secret, codes };
}

async function signOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Email and password right: the code step, and nothing else, until a code is given. */
async function passwordStep(page: Page, ctx: BrowserContext, email: string) {
  await signIn(page, email, PASSWORD, { expectFailure: true });
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  expect((await ctx.request.get("/api/v1/athletes")).status(), "a password alone is no session").toBe(401);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Code from your app or a recovery code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

test("staff set up two-factor sign-in and sign in with a code or a recovery code (each once)", async ({ page, context }) => {
  const email = await signUp(page, "tf-owner");
  await page.goto("/account");
  await page.getByRole("link", { name: "Set up or manage two-factor sign-in" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await page.setViewportSize({ width: 375, height: 900 });
  const { secret, codes } = await enrol(page, /\/dashboard$/);
  await page.goto("/account/two-factor");
  await expect(page.getByText("Two-factor sign-in is on. You have 10 unused recovery codes.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("two-factor-on-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // a code from the app
  await signOut(page);
  await passwordStep(page, context, email);
  await enterCode(page, "123456");
  await expect(page.getByText("That code is not right.").first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("two-factor-code-step.png"), fullPage: true });
  await enterCode(page, await codeFor(secret));
  await expect(page).toHaveURL(/\/dashboard$/);
  expect((await context.request.get("/api/v1/athletes")).status()).toBe(200);

  // a recovery code works once
  await signOut(page);
  await passwordStep(page, context, email);
  await enterCode(page, codes[0]!);
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);
  await passwordStep(page, context, email);
  await enterCode(page, codes[0]!);
  await expect(page.getByText("That code is not right.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await enterCode(page, codes[1]!.toUpperCase());
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/account/two-factor");
  await expect(page.getByText("You have 8 unused recovery codes.")).toBeVisible();

  // the audit names each step
  await page.goto("/settings/audit");
  for (const action of ["Two factor enabled", "Two factor recovery code used"]) await expect(page.getByText(action).first()).toBeVisible();
});

test("the owner's requirement sends a trainer without two-factor to set it up before anything else", async ({ page, browser }) => {
  await signUp(page, "tf-required");
  await page.goto("/settings");
  await page.getByRole("button", { name: "Require two-factor sign-in for every trainer" }).click();
  await expect(page.getByText("Turn on two-factor sign-in for your own account first")).toBeVisible();
  await page.getByRole("link", { name: "turn it on for your own account" }).click();
  await enrol(page, /\/dashboard$/);

  const trainerEmail = `tf-trainer-${Date.now()}@example.com`;
  await page.goto("/settings");
  await page.getByRole("button", { name: "Require two-factor sign-in for every trainer" }).click();
  await expect(page.getByText("Required: trainers without it set it up before anything else.")).toBeVisible();
  await page.getByLabel("Trainer's name").fill("Tia Trainer");
  await page.getByLabel("Trainer's email").fill(trainerEmail);
  await page.getByRole("button", { name: "Email an invitation" }).click();
  await expect(page.getByText(`Invitation emailed to ${trainerEmail}`)).toBeVisible();

  const invite = await waitForMail(trainerEmail, /invites you to Stride Clinic/);
  const trainer = await browser.newContext();
  const trainerPage = await trainer.newPage();
  await trainerPage.goto(appPathIn(invite, "/invite/"));
  await trainerPage.getByLabel("Choose a password").fill(PASSWORD);
  await trainerPage.getByRole("button", { name: "Set password and continue" }).click();
  await expect(trainerPage).toHaveURL(/\/account\/two-factor$/);
  await expect(trainerPage.getByText("Your clinic requires two-factor sign-in.")).toBeVisible();
  await trainerPage.goto("/dashboard");
  await expect(trainerPage).toHaveURL(/\/account\/two-factor$/);
  expect((await trainer.request.get("/api/v1/athletes")).status(), "nothing else until enrolled").toBe(401);

  await enrol(trainerPage, /\/dashboard$/);
  expect((await trainer.request.get("/api/v1/athletes")).status()).toBe(200);
  await trainerPage.goto("/account/two-factor");
  await expect(trainerPage.getByText("Your clinic requires two-factor sign-in, so it stays on.")).toBeVisible();
  await trainer.close();

  await page.goto("/settings");
  await expect(page.getByText("Tia Trainer").locator("..").getByText("Two-factor on")).toBeVisible();
});
