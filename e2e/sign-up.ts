import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { waitForMail } from "./mailbox";

export type NewClinic = { clinicName: string; name: string; email: string; password: string };

export const SIGN_UP_SENT = "Check your email: we have sent a link to confirm the address and create your clinic.";

/** Fills and sends the sign-up form, and waits for the answer (the same for every email). */
export async function requestSignUp(page: Page, c: NewClinic): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Clinic name").fill(c.clinicName);
  await page.getByLabel("Your name").fill(c.name);
  await page.getByLabel("Email").fill(c.email);
  await page.getByLabel("Password").fill(c.password);
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText(SIGN_UP_SENT)).toBeVisible();
}

/** Opens the confirmation link from the email and enters the password: the clinic exists, the owner is signed in. */
export async function confirmSignUp(page: Page, c: Pick<NewClinic, "email" | "password">): Promise<void> {
  const mail = await waitForMail(c.email, /Confirm your email to create your Stride Clinic/);
  const link = mail.text.split(/\s+/).find((w) => w.includes("/sign-up/confirm/"));
  expect(link, `a confirmation link in: ${mail.text}`).toBeTruthy();
  const url = new URL(link!);
  await page.goto(url.pathname);
  await page.getByLabel("Password").fill(c.password);
  await page.getByRole("button", { name: "Confirm and create clinic" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/**
 * The whole sign-up of a new clinic as a person does it: the form, the email, the link. Every
 * spec that needs a clinic of its own goes through here.
 */
export async function signUpClinic(page: Page, c: NewClinic): Promise<void> {
  // two argon2 hashes, a mail round trip and a sign-in: room for them on a busy machine
  test.info().setTimeout(test.info().timeout + 30_000);
  await requestSignUp(page, c);
  await confirmSignUp(page, c);
}
