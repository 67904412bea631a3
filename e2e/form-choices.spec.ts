import { expect, test } from "./fixtures";
import { signUpClinic } from "./sign-up";

/**
 * React resets a form after its action returns (saved or refused) to what its fields were first
 * rendered with, and a <select> never takes a later defaultValue. These check that a choice made in
 * a select survives the answer, so the next save does not quietly write the old value back.
 */

test("clinic settings: the time zone just saved stays chosen, and renaming the clinic keeps it", async ({ page }) => {
  const label = `${Date.now()}`;
  await signUpClinic(page, { clinicName: `Zones ${label}`, name: `Owner ${label}`, email: `zones-${label}@example.com`, password: "zones-password-1" });
  await page.goto("/settings");
  const zone = page.getByLabel("Time zone");
  const first = await zone.inputValue();
  const other = first === "America/Denver" ? "Europe/Dublin" : "America/Denver";
  await zone.selectOption(other);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(zone).toHaveValue(other);

  await page.getByLabel("Clinic name").fill(`Zones ${label} renamed`);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel("Clinic name")).toHaveValue(`Zones ${label} renamed`);
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue(other);
  await expect(page.getByLabel("Clinic name")).toHaveValue(`Zones ${label} renamed`);
});

test("a new exercise refused for reps and a hold together keeps its kind and region", async ({ page }) => {
  // a clinic of its own: the demo clinic's library counts are asserted elsewhere
  const label = `${Date.now()}`;
  await signUpClinic(page, { clinicName: `Library ${label}`, name: `Owner ${label}`, email: `library-${label}@example.com`, password: "library-password-1" });
  await page.goto("/exercises/new");
  await page.getByLabel("Name", { exact: true }).fill(`Plantar stretch ${Date.now()}`);
  await page.getByLabel("Region").selectOption("foot");
  await page.getByLabel("Kind").selectOption("mobility");
  await page.getByLabel("Reps", { exact: true }).fill("12");
  await page.getByLabel("Hold (seconds)", { exact: true }).fill("30");
  await page.getByRole("button", { name: "Add exercise" }).click();
  await expect(page.getByText("Enter default reps or a hold in seconds (one of them).")).toBeVisible();
  await expect(page.getByLabel("Region")).toHaveValue("foot");
  await expect(page.getByLabel("Kind")).toHaveValue("mobility");

  await page.getByLabel("Reps", { exact: true }).fill("");
  await page.getByRole("button", { name: "Add exercise" }).click();
  await expect(page.locator("dd", { hasText: "Stretching and mobility" })).toBeVisible();
  await expect(page.getByText(/^Foot · not on a ladder/)).toBeVisible();
});
