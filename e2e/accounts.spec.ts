import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";
import { appPathIn, waitForMail } from "./mailbox";
import { confirmSignUp, requestSignUp, SIGN_UP_SENT, signUpClinic } from "./sign-up";

/**
 * Accounts against the real SMTP server the e2e server runs (scripts/e2e-server.ts): a password
 * reset end to end, sessions that end on the server (a copied cookie is refused after sign-out,
 * after a password change and after "sign out everywhere"), and a deactivated trainer refused at
 * once. Each test makes its own clinic, so the demo clinic is untouched.
 */
const PASSWORD = "a-long-enough-password";

// several sign-ins (argon2) and a wait for the mail worker each: more than the default minute on a busy machine
test.describe.configure({ timeout: 180_000 });

async function signUp(page: Page, label: string): Promise<string> {
  const email = `${label}-${Date.now()}@example.com`;
  await signUpClinic(page, { clinicName: `Accounts ${label} Clinic`, name: `Owner ${label}`, email, password: PASSWORD });
  return email;
}

/** A second browser holding a copy of this one's cookies: what a stolen or copied cookie does. */
async function copyOf(browser: Browser, from: BrowserContext): Promise<BrowserContext> {
  const copy = await browser.newContext();
  await copy.addCookies(await from.cookies());
  return copy;
}

/** The cookie's session is over: pages send it to sign-in, the API answers 401 to reads and writes. */
async function expectRefused(ctx: BrowserContext) {
  const page = await ctx.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await ctx.request.get("/api/v1/athletes")).status()).toBe(401);
  const write = await ctx.request.post("/api/v1/athletes", { data: { name: "Should Not Exist" }, headers: { origin: new URL(page.url()).origin } });
  expect(write.status()).toBe(401);
  await page.close();
}

async function expectSignedIn(ctx: BrowserContext) {
  expect((await ctx.request.get("/api/v1/athletes")).status()).toBe(200);
}

test("forgotten password: the emailed link sets a new one, once, and the answer is the same for unknown emails", async ({ page }) => {
  const email = await signUp(page, "reset");
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  const sameAnswer = "If an account uses that email, we have sent it a link to choose a new password.";
  await expect(page.getByText(sameAnswer)).toBeVisible();
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  // the answer to this request, not the one still shown from the last
  await expect(page.getByRole("button", { name: "Send me a reset link" })).toBeEnabled();
  await expect(page.getByText(sameAnswer)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("forgot-password-1280.png"), fullPage: true });

  const mail = await waitForMail(email, /Choose a new Stride Clinic password/);
  const path = appPathIn(mail, "/reset-password/");
  await page.goto(path);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done/);
  await expect(page.getByText("Your new password is saved")).toBeVisible();

  await signIn(page, email, PASSWORD, { expectFailure: true });
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(page, email, "a-brand-new-password");
  await expect(page).toHaveURL(/\/dashboard$/);
  await waitForMail(email, /Your Stride Clinic password was changed/);

  // the link worked once
  await page.goto(path);
  await expect(page.getByText("This link is no longer valid")).toBeVisible();
});

test("after sign-out, a copy of the session cookie no longer reads or writes", async ({ page, browser }) => {
  await signUp(page, "signout");
  const stolen = await copyOf(browser, page.context());
  await expectSignedIn(stolen);
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectRefused(stolen);
  await stolen.close();
});

test("a password change ends the other sessions and keeps this one; sign out everywhere ends all", async ({ page, browser }) => {
  const email = await signUp(page, "change");
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, PASSWORD);
  const copied = await copyOf(browser, page.context());

  await page.goto("/account");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password").fill("a-changed-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is not right.").first()).toBeVisible();
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("a-changed-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. Every other session has been signed out.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("account-1280.png"), fullPage: true });

  await expectRefused(other);
  // this session, and so a copy of its cookie, goes on
  await expectSignedIn(copied);
  await expectSignedIn(page.context());

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/account");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: test.info().outputPath("account-375.png"), fullPage: true });
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectRefused(copied);
  await other.close();
  await copied.close();
});

test("a deactivated trainer is refused at once, keeps their records, and can be reactivated", async ({ page, browser }) => {
  await signUp(page, "staff");
  const trainerEmail = `staff-trainer-${Date.now()}@example.com`;
  await page.goto("/settings");
  await page.getByLabel("Trainer's name").fill("Tess Trainer");
  await page.getByLabel("Trainer's email").fill(trainerEmail);
  await page.getByRole("button", { name: "Email an invitation" }).click();
  await expect(page.getByText(`Invitation emailed to ${trainerEmail}`)).toBeVisible();

  const invite = await waitForMail(trainerEmail, /invites you to Stride Clinic/);
  const trainer = await browser.newContext();
  const trainerPage = await trainer.newPage();
  await trainerPage.goto(appPathIn(invite, "/invite/"));
  await trainerPage.getByLabel("Choose a password").fill(PASSWORD);
  await trainerPage.getByRole("button", { name: "Set password and continue" }).click();
  await expect(trainerPage).toHaveURL(/\/dashboard$/);
  // a record of theirs, which must stay after deactivation
  const created = await trainer.request.post("/api/v1/athletes", { data: { name: "Tess's Athlete" }, headers: { origin: new URL(trainerPage.url()).origin } });
  expect(created.status()).toBe(201);

  await page.goto("/settings");
  await page.getByRole("button", { name: "Deactivate Tess Trainer" }).click();
  await expect(page.getByRole("button", { name: "Reactivate Tess Trainer" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("settings-1280.png"), fullPage: true });
  await expectRefused(trainer);
  await signIn(trainerPage, trainerEmail, PASSWORD, { expectFailure: true });
  await expect(trainerPage.getByText("That email and password do not match an account.")).toBeVisible();
  // the athlete they created is still on the roster
  expect(JSON.stringify(await (await page.request.get("/api/v1/athletes")).json())).toContain("Tess's Athlete");

  await page.getByRole("button", { name: "Reactivate Tess Trainer" }).click();
  await expect(page.getByRole("button", { name: "Deactivate Tess Trainer" })).toBeVisible();
  await signIn(trainerPage, trainerEmail, PASSWORD);
  await expect(trainerPage).toHaveURL(/\/dashboard$/);

  await page.goto("/settings/outbox");
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(page.getByText(`To ${trainerEmail}`).first()).toBeVisible();
  // with a mail server the owner never reads an invitation's link: only the invitee's mailbox has it
  expect(await page.content()).not.toContain("/invite/");
  await page.screenshot({ path: test.info().outputPath("outbox-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/settings");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: test.info().outputPath("settings-375.png"), fullPage: true });
  await trainer.close();
});

/** The status and the words of the answer to a form's server action (the POST the button makes). */
async function answerTo(page: Page, button: string, path: string): Promise<{ status: number; message: string }> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === path),
    page.getByRole("button", { name: button }).click(),
  ]);
  await expect(page.getByRole("button", { name: button })).toBeEnabled();
  const message = (await page.locator("form [role=status], form [role=alert]").first().textContent())?.trim() ?? "";
  return { status: response.status(), message };
}

test("sign-up and reset answer the same for an email with an account and one without; only the mailbox learns which", async ({ page }) => {
  const unknown = `nobody-${Date.now()}@example.com`;
  const answers: Record<string, { status: number; message: string }> = {};
  for (const email of [unknown, DEMO.athlete.email]) {
    await page.goto("/sign-up");
    await page.getByLabel("Clinic name").fill("Same Answer Clinic");
    await page.getByLabel("Your name").fill("Sam Same");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    answers[`sign-up ${email === unknown ? "unknown" : "known"}`] = await answerTo(page, "Create clinic", "/sign-up");
    await expect(page.getByText(SIGN_UP_SENT)).toBeVisible();

    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    answers[`reset ${email === unknown ? "unknown" : "known"}`] = await answerTo(page, "Send me a reset link", "/forgot-password");
  }
  expect(answers["sign-up known"]).toEqual(answers["sign-up unknown"]);
  expect(answers["reset known"]).toEqual(answers["reset unknown"]);
  expect(answers["sign-up known"]!.message).toContain(SIGN_UP_SENT);
  expect(answers["reset known"]!.message).toContain("If an account uses that email");

  // the mail tells each mailbox what is true: a link for the new email, "you already have an account" for the known one
  const toKnown = await waitForMail(DEMO.athlete.email, /Confirm your email to create your Stride Clinic/);
  expect(toKnown.text).toContain("already has an account");
  expect(toKnown.text).not.toContain("/sign-up/confirm/");
  expect((await waitForMail(unknown, /Confirm your email to create your Stride Clinic/)).text).toContain("/sign-up/confirm/");
});

test("sign-up → email → confirm with the chosen password → signed in; the link works once", async ({ page, browser }) => {
  const c = { clinicName: "Confirmed Physio", name: "Casey Confirm", email: `confirm-${Date.now()}@example.com`, password: PASSWORD };
  await requestSignUp(page, c);
  // nothing exists before the link is opened
  await signIn(page, c.email, c.password, { expectFailure: true });
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  const mail = await waitForMail(c.email, /Confirm your email/);
  const path = appPathIn(mail, "/sign-up/confirm/");
  const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const p = await phone.newPage();
  await p.goto(path);
  await expect(p.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
  await expect(p.getByText(c.clinicName)).toBeVisible();
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await p.getByLabel("Password").fill("not-the-password-1");
  await p.getByRole("button", { name: "Confirm and create clinic" }).click();
  await expect(p.getByText("That is not the password you chose when you signed up.").first()).toBeVisible();
  await p.screenshot({ path: test.info().outputPath("confirm-sign-up-375.png"), fullPage: true });
  await phone.close();

  await confirmSignUp(page, c);
  await expect(page.getByText(c.clinicName).first()).toBeVisible();
  await page.goto(path);
  await expect(page.getByText("This link is no longer valid")).toBeVisible();
});

test("a trainer invitation answers the same for an address with an account; that person's email says so and has no link", async ({ page }) => {
  await signUp(page, "invite-known");
  const fresh = `invite-fresh-${Date.now()}@example.com`;
  const answers: string[] = [];
  for (const [name, email] of [["Fresh Trainer", fresh], ["Known Person", DEMO.athlete.email]] as const) {
    await page.goto("/settings");
    await page.getByLabel("Trainer's name").fill(name);
    await page.getByLabel("Trainer's email").fill(email);
    await page.getByRole("button", { name: "Email an invitation" }).click();
    await expect(page.getByText(`Invitation emailed to ${email}.`)).toBeVisible();
    answers.push((await page.getByText(`Invitation emailed to ${email}.`).textContent())!.replace(email, "<email>"));
    // the link is never shown to the inviter
    await expect(page.getByText("/invite/")).toHaveCount(0);
  }
  expect(answers[1]).toBe(answers[0]);
  const known = await waitForMail(DEMO.athlete.email, /invites you to Stride Clinic/);
  expect(known.text).toContain("already has a Stride Clinic account");
  expect(known.text).not.toContain("/invite/");
  expect((await waitForMail(fresh, /invites you to Stride Clinic/)).text).toContain("/invite/");
});
