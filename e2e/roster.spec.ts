import path from "node:path";
import { DEMO, expect, expectNotFoundPage, signIn, test } from "./fixtures";
import { waitForLink } from "./mailbox";
import { signUpClinic } from "./sign-up";

test("a trainer adds, searches, edits, archives and restores an athlete", async ({ page }) => {
  const name = `Rosa Quinn ${Date.now()}`;
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Athletes" }).click();
  await page.getByRole("link", { name: "Add athlete" }).first().click();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Birth year").fill("1890");
  await page.getByRole("button", { name: "Add athlete" }).click();
  await expect(page.getByText(/Enter a birth year after/)).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await page.getByLabel("Birth year").fill("2006");
  await page.getByLabel("Sport or group").fill("Trail");
  await page.getByLabel("Injured side").selectOption("left");
  await page.getByRole("button", { name: "Add athlete" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();

  await page.goto("/athletes");
  await page.getByLabel("Search by name").fill(name);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=Rosa\+Quinn\+\d+/);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByText("1 athlete match")).toBeVisible();
  await page.getByRole("link", { name }).click();

  await page.getByRole("link", { name: "Edit profile" }).click();
  await page.getByLabel("Status").selectOption("return_to_run");
  await page.getByLabel("Notes").fill("Hill repeats hurt");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Hill repeats hurt", { exact: true })).toBeVisible();
  await expect(page.getByText("Return to run").first()).toBeVisible();

  await page.getByRole("button", { name: "Archive athlete" }).click();
  const dialog = page.getByRole("dialog", { name: `Archive ${name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Archive athlete" }).click();
  await expect(page.getByText("This athlete is archived")).toBeVisible();
  await page.goto(`/athletes?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("No athletes match these filters")).toBeVisible();
  await page.goto(`/athletes?q=${encodeURIComponent(name)}&status=archived`);
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Restore athlete" }).click();
  await expect(page.getByText("This athlete is archived")).toHaveCount(0);
  await expect(page.getByText("Return to run").first()).toBeVisible();

  // a second archive on the same page, without a reload, archives (it once re-ran the restore)
  await page.getByRole("button", { name: "Archive athlete" }).click();
  await dialog.getByRole("button", { name: "Archive athlete" }).click();
  await expect(page.getByText("This athlete is archived")).toBeVisible();
  await page.getByRole("button", { name: "Restore athlete" }).click();
  await expect(page.getByText("This athlete is archived")).toHaveCount(0);
});

test("invite → the athlete sets a password in a fresh browser and lands on Today", async ({ page, browser }) => {
  const name = `Invitee ${Date.now()}`;
  const email = `invitee-${Date.now()}@example.com`;
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/athletes/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole("button", { name: "Add athlete" }).click();
  await page.getByRole("button", { name: "Email an invitation" }).click();
  await expect(page.getByText(`Invitation emailed to ${email}.`)).toBeVisible();
  // the link goes only to the athlete's mailbox; the trainer never sees it
  await expect(page.getByText("/invite/")).toHaveCount(0);
  const link = await waitForLink(email, "/invite/");
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

  const fresh = await browser.newContext();
  const phone = await fresh.newPage();
  await phone.setViewportSize({ width: 375, height: 812 });
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: `Welcome, ${name}` })).toBeVisible();
  await phone.getByLabel("Choose a password").fill("my-new-password-1");
  await phone.getByRole("button", { name: "Set password and continue" }).click();
  await expect(phone).toHaveURL(/\/today$/);
  await expect(phone.getByRole("heading", { name: "Today", exact: true })).toBeVisible();

  // the link is single use
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await fresh.close();
});

test("CSV import previews every row and imports only the good ones", async ({ page }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/athletes/import");
  await page.getByLabel("CSV file (up to 1 MB)").setInputFiles(path.join(__dirname, "files", "roster-mixed.csv"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /2 of 5 rows can be imported/ })).toBeVisible();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText(/Unknown status "injured"/)).toBeVisible();
  await expect(page.getByText("An athlete with runner@example.com is already on your roster.")).toBeVisible();
  await page.getByRole("button", { name: "Import 2 athletes" }).click();
  await expect(page.getByText("Imported 2 athletes; 3 rows with errors skipped.")).toBeVisible();
  await page.goto("/athletes?q=CSV");
  await expect(page.getByText("2 athletes match")).toBeVisible();
});

test("an athlete and another clinic's trainer see not-found for this clinic's athlete", async ({ page, browser, request }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/athletes?q=Priya");
  await page.getByRole("link", { name: "Priya Shah" }).click();
  // the click navigates on the client: wait for it, or page.url() is still the list
  await page.waitForURL(/\/athletes\/[0-9a-f-]{36}$/);
  const url = page.url();
  const athleteId = url.split("/").pop()!;

  // signed out: the API says 401
  expect((await request.get(`/api/v1/athletes/${athleteId}`)).status()).toBe(401);

  // the demo athlete (same clinic, another athlete's record)
  const athleteCtx = await browser.newContext();
  const athlete = await athleteCtx.newPage();
  await signIn(athlete, DEMO.athlete.email, DEMO.athlete.password);
  await expect(athlete).toHaveURL(/\/today$/);
  await expectNotFoundPage(athlete, await athlete.goto(url), "Priya");
  const apiAsAthlete = await athlete.request.get(`/api/v1/athletes/${athleteId}`);
  expect(apiAsAthlete.status()).toBe(404);
  expect(await apiAsAthlete.text()).not.toContain("Priya");
  expect((await athlete.request.get("/api/v1/athletes")).status()).toBe(404);

  // a trainer of a second clinic
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  const email = `other-${Date.now()}@example.com`;
  await signUpClinic(other, { clinicName: "Other Clinic", name: "Other Owner", email, password: "a-long-enough-password" });
  await expectNotFoundPage(other, await other.goto(url), "Priya");
  await expectNotFoundPage(other, await other.goto(`${url}/edit`), "Priya");
  const apiAsOther = await other.request.get(`/api/v1/athletes/${athleteId}`);
  expect(apiAsOther.status()).toBe(404);
  expect(await apiAsOther.text()).not.toContain("Priya");
  const patch = await other.request.patch(`/api/v1/athletes/${athleteId}`, { data: { status: "archived" } });
  expect(patch.status()).toBe(404);
  const list = await (await other.request.get("/api/v1/athletes?status=all")).json();
  expect(list.total).toBe(0);
  await athleteCtx.close();
  await otherCtx.close();
});

test("the athletes API validates with field messages and keeps to the clinic", async ({ page }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const bad = await page.request.post("/api/v1/athletes", { data: { name: "", email: "nope", status: "injured" } });
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  expect(body.error.fieldErrors.name).toEqual(["Enter the athlete's name."]);
  expect(body.error.fieldErrors.email).toEqual(["Enter a valid email address, like name@example.com."]);
  expect(body.error.fieldErrors.status[0]).toMatch(/Choose a status/);

  const created = await page.request.post("/api/v1/athletes", { data: { name: "API Runner", sportGroup: "API group" } });
  expect(created.status()).toBe(201);
  const athlete = await created.json();
  expect(athlete).toMatchObject({ name: "API Runner", status: "active", condition: "Medial knee pain" });
  expect(athlete).not.toHaveProperty("clinicId");

  const archived = await page.request.patch(`/api/v1/athletes/${athlete.id}`, { data: { status: "archived" } });
  expect((await archived.json()).status).toBe("archived");
  const listed = await (await page.request.get("/api/v1/athletes?group=API%20group")).json();
  expect(listed.total).toBe(0);
  const restored = await page.request.patch(`/api/v1/athletes/${athlete.id}`, { data: { status: "active" } });
  expect((await restored.json()).status).toBe("active");

  expect((await page.request.get("/api/v1/athletes?pageSize=1000")).status()).toBe(422);
  expect((await page.request.get("/api/v1/athletes/not-a-uuid")).status()).toBe(404);
});
