import { DEMO, expect, expectNotFoundPage, signIn, test } from "./fixtures";
import { waitForMail } from "./mailbox";
import { confirmSignUp, requestSignUp, SIGN_UP_SENT } from "./sign-up";

test("sign up creates a clinic, then sign out and sign in again", async ({ page }) => {
  const email = `owner-${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Clinic name").fill("Riverside Sports Medicine");
  await page.getByLabel("Your name").fill("Jordan Lee");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  // what was typed is kept
  await expect(page.getByLabel("Clinic name")).toHaveValue("Riverside Sports Medicine");

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create clinic" }).click();
  // no clinic yet: the email has to be confirmed first
  await expect(page.getByText(SIGN_UP_SENT)).toBeVisible();
  await confirmSignUp(page, { email, password: "a-long-enough-password" });
  await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  await expect(page.getByText("Riverside Sports Medicine").first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email.toUpperCase(), "a-long-enough-password");
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("sign-up with an email that has an account answers as for any email; the mailbox is told, no clinic is made", async ({ page }) => {
  await requestSignUp(page, { clinicName: "Another Clinic", name: "Sam", email: DEMO.trainer.email, password: "a-long-enough-password" });
  await expect(page.getByText("already exists")).toHaveCount(0);
  const mail = await waitForMail(DEMO.trainer.email, /Confirm your email to create your Stride Clinic/);
  expect(mail.text).toContain("already has an account");
  expect(mail.text).not.toContain("/sign-up/confirm/");
  // the demo owner still signs in to their own clinic
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("a wrong password shows one generic message", async ({ page }) => {
  await signIn(page, DEMO.trainer.email, "not-the-password", { expectFailure: true });
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(page, "nobody@example.com", "not-the-password", { expectFailure: true });
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});

test("a signed-out visit to the dashboard lands on sign-in", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("the demo athlete lands on Today, and the trainer area is not found for them", async ({ page }) => {
  await signIn(page, DEMO.athlete.email, DEMO.athlete.password);
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await expectNotFoundPage(page, await page.goto("/dashboard"));
});
