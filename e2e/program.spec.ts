import { DEMO, expect, expectNotFoundPage, signIn, test } from "./fixtures";
import { signUpClinic } from "./sign-up";

const TEMPLATE = "Medial knee — phase 1 (settle and activate)";
const numbered = (name: string) => new RegExp(`^\\d+\\. ${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
const PHASE_1 = ["Banded clamshell", "Side-lying hip abduction", "Glute bridge", "Short foot (seated)", "Double-leg heel raise", "Single-leg stance", "Low step-down"];

test("a trainer applies a template and progresses an exercise; the athlete sees it and both print it", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await expect(page).toHaveURL(/\/dashboard$/);

  // the library: ladders in order, search, detail
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exercises" }).click();
  const hipAbduction = page.getByRole("region", { name: "Hip abduction ladder" });
  await expect(hipAbduction.getByRole("listitem").first()).toContainText("Clamshell");
  await expect(hipAbduction.getByRole("listitem").last()).toContainText("Side plank");
  await page.getByLabel("Search by name").fill("short foot");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: /Exercises matching/ })).toContainText("(4)");

  // Alex Morgan's page
  await page.goto("/athletes");
  await page.getByRole("link", { name: "Alex Morgan" }).first().click();
  await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();
  const athleteUrl = page.url();
  const athleteId = athleteUrl.split("/athletes/")[1]!;

  // the program's tools sit behind one disclosure once it has exercises
  await page.getByText("Change the program: apply a template, save it as one, add an exercise").click();
  await page.getByLabel("Template", { exact: true }).selectOption({ label: `${TEMPLATE} (7)` });
  await page.getByRole("button", { name: "Apply template" }).click();
  await expect(page.getByText("Template applied.")).toBeVisible();
  const items = page.getByRole("list", { name: "Program exercises" });
  await expect(items.getByRole("listitem", { name: "Clamshell", exact: true })).toBeVisible();

  // the bottom of the ladder says why regress is off
  const clamshell = items.getByRole("listitem", { name: "Clamshell", exact: true });
  await expect(clamshell.getByRole("button", { name: "Regress" })).toBeDisabled();
  await expect(clamshell.getByText("Already the easiest exercise on this ladder")).toBeVisible();

  // a reason is required
  await clamshell.getByRole("button", { name: "Progress to Banded clamshell" }).click();
  await expect(clamshell.getByText("Give a short reason")).toBeVisible();
  await clamshell.getByLabel("Reason for changing Clamshell").fill("Two sessions at full dosage, pain 1/10");
  await clamshell.getByRole("button", { name: "Progress to Banded clamshell" }).click();

  const banded = items.getByRole("listitem", { name: "Banded clamshell" });
  await expect(banded).toBeVisible();
  await expect(banded.getByTestId("dosage")).toHaveText("3 × 15 reps each side · 3 days a week");
  const timeline = page.getByRole("list", { name: "Program history" });
  await expect(timeline.getByText("Sam Rivera progressed Clamshell (step 1) → Banded clamshell (step 2)")).toBeVisible();
  await expect(timeline.getByText("Why: Two sessions at full dosage, pain 1/10")).toBeVisible();

  // running prescription
  await page.getByText(/^(Change the|Set a) running prescription$/).click();
  await page.getByLabel("Weekly distance cap (km)").fill("20");
  await page.getByLabel("Longest run cap (km)").fill("8");
  await page.getByLabel("Run interval (min, optional)").fill("4");
  await page.getByLabel("Walk interval (min, optional)").fill("1");
  await page.getByRole("button", { name: "Save running prescription" }).click();
  await expect(page.getByText("Up to 20 km a week, longest run 8 km · Run 4 min / walk 1 min")).toBeVisible();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("region", { name: "Program", exact: true }).screenshot({ path: testInfo.outputPath("program-section-375.png") });
  await page.goto("/exercises");
  await page.screenshot({ path: testInfo.outputPath("exercises-375.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // the trainer's printable home program, as a PDF
  await page.goto(`/athletes/${athleteId}/print`);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();
  await expect(page.getByText("Prescribed by Sam Rivera")).toBeVisible();
  for (const name of PHASE_1) await expect(page.getByRole("heading", { name: numbered(name) })).toBeVisible();
  await expect(page.getByText("At most 20 km a week")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(20_000);
  await testInfo.attach("home-program.pdf", { body: pdf, contentType: "application/pdf" });
  await page.emulateMedia({ media: "screen" });

  // the athlete
  await page.context().clearCookies();
  await signIn(page, DEMO.athlete.email, DEMO.athlete.password);
  await expect(page).toHaveURL(/\/today$/);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Program" }).click();
  await expect(page.getByRole("heading", { name: "My program" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Banded clamshell" })).toBeVisible();
  await expect(page.getByText("3 × 15 reps each side · 3 days a week").first()).toBeVisible();
  await expect(page.getByText("Run 4 min / walk 1 min")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("athlete-program-375.png"), fullPage: true });

  // the athlete may read their own program through the API, and nobody else's
  const own = await page.request.get(`/api/v1/athletes/${athleteId}/program`);
  expect(own.status()).toBe(200);
  expect((await own.json()).items.map((i: { exerciseName: string }) => i.exerciseName)).toContain("Banded clamshell");
  expect((await page.request.get(`/api/v1/athletes/00000000-0000-4000-8000-000000000000/program`)).status()).toBe(404);
  expect((await page.request.post(`/api/v1/program-items/00000000-0000-4000-8000-000000000000/progress`, { data: { reason: "x" } })).status()).toBe(404);

  await page.goto("/program/print");
  await page.emulateMedia({ media: "print" });
  for (const name of PHASE_1) await expect(page.getByRole("heading", { name: numbered(name) })).toBeVisible();
  const athletePdf = await page.pdf({ format: "A4" });
  expect(athletePdf.subarray(0, 5).toString()).toBe("%PDF-");
});

test("a trainer of another clinic gets 404 for Alex Morgan's program", async ({ page }) => {
  await signIn(page, DEMO.athlete.email, DEMO.athlete.password);
  await expect(page).toHaveURL(/\/today$/);
  const mine = await (await page.request.get("/api/auth/session")).json();
  const athleteId: string = mine.user.athleteId;
  await page.context().clearCookies();

  const email = `other-${Date.now()}@example.com`;
  await signUpClinic(page, { clinicName: "Elsewhere Physio", name: "Pat Other", email, password: "a-long-enough-password" });

  expect((await page.request.get(`/api/v1/athletes/${athleteId}/program`)).status()).toBe(404);
  expect((await page.request.post(`/api/v1/athletes/${athleteId}/program`, { data: { exerciseId: athleteId, sets: 3, reps: 10, daysPerWeek: 3 } })).status()).toBe(404);
  await expectNotFoundPage(page, await page.goto(`/athletes/${athleteId}/print`), "Alex Morgan");
  // the built-in library is still theirs to read
  const ladders = await (await page.request.get("/api/v1/ladders")).json();
  expect(ladders.ladders).toHaveLength(12);
});
