import { request as pwRequest } from "@playwright/test";
import { apiSession, baseUrl } from "./api-session";
import { DEMO, expect, expectNotFoundPage, signIn, test } from "./fixtures";
import { signUpClinic } from "./sign-up";

const SHOTS = process.env.E2E_OUTPUT_DIR ?? "test-results";

/**
 * Issue 18, items 2 and 3: the staff-only clinical record on the trainer's athlete page. A trainer
 * writes, edits and corrects a note, searches the notes, resolves the injury episode and starts the
 * next one; the owner's record export holds both. The athlete and another clinic's trainer never
 * reach any of it.
 */
test("a trainer writes, edits, corrects and searches clinical notes, resolves an episode and starts a new one", async ({ page }) => {
  test.setTimeout(180_000);
  const owner = await apiSession(baseUrl(), DEMO.trainer.email, DEMO.trainer.password);
  const stamp = Date.now();
  const created = await owner.post("/api/v1/athletes", { headers: { origin: baseUrl() }, data: { name: `Record Runner ${stamp}`, condition: "Pes anserine bursitis", injuredSide: "left", onsetDate: "2026-09-01" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto(`/athletes/${id}`);
  const contents = page.getByRole("navigation", { name: "On this page" });
  await expect(contents.getByRole("link", { name: "Injury episodes" })).toBeVisible();
  await contents.getByRole("link", { name: "Clinical notes" }).click();

  // the first episode came from the profile's condition
  const episodes = page.getByRole("region", { name: "Injury episodes" });
  await expect(episodes.getByText("Pes anserine bursitis, left side")).toBeVisible();

  const notes = page.getByRole("region", { name: /Clinical notes/ });
  await expect(notes.getByText("No clinical notes yet.")).toBeVisible();
  // a blank note is a field error, nothing saved
  await notes.getByRole("button", { name: "Add note" }).click();
  await notes.getByLabel("New note").fill("Tender over the medial joint line; swelling 1+.");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("Note added.")).toBeVisible();
  const first = notes.getByRole("article").filter({ hasText: "Tender over the medial joint line" });
  await expect(first.getByText("Sam Rivera")).toBeVisible();

  // the author edits within 24 hours
  await first.getByText("Edit (you wrote this less than 24 hours ago)").click();
  await first.getByLabel("Edit note").fill("Tender over the medial joint line; swelling 2+.");
  await first.getByRole("button", { name: "Save edit" }).click();
  await expect(first.getByText("Note edited.")).toBeVisible();
  await expect(first.getByRole("paragraph").filter({ hasText: "Tender over the medial joint line; swelling 2+." })).toBeVisible();
  await expect(first.getByText(/· edited/)).toBeVisible();

  // a correction: a new note; the old one stays as written, marked corrected
  await first.getByText("Correct this note").click();
  await first.getByLabel("Correction").fill("Correction: the tenderness is lateral, over the ITB.");
  await first.getByRole("button", { name: "Save correction" }).click();
  const correction = notes.getByRole("article").filter({ hasText: "Correction: the tenderness is lateral" });
  await expect(correction.getByText(/Corrects the note of/)).toBeVisible();
  const old = notes.getByRole("article").filter({ hasText: "swelling 2+" });
  await expect(old.getByText("Corrected by a later note")).toBeVisible();
  await expect(old.getByText("Correct this note")).toHaveCount(0);
  await notes.scrollIntoViewIfNeeded();
  await notes.screenshot({ path: `${SHOTS}/clinical-notes-1280.png` });

  // search on the server
  await notes.getByLabel("Search notes").fill("ITB");
  await notes.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/notes=ITB/);
  await expect(page.getByRole("region", { name: /Clinical notes/ }).getByRole("article")).toHaveCount(1);
  await page.getByRole("link", { name: "Show all notes" }).click();
  await expect(page.getByRole("region", { name: /Clinical notes/ }).getByRole("article").filter({ hasText: "Tender" })).toHaveCount(2);

  // resolve the episode, then start the next one
  await episodes.getByText("Resolve this episode").click();
  await episodes.getByLabel("Resolution note").fill("Pain-free for three weeks; back to full training.");
  await episodes.getByRole("button", { name: "Resolve episode" }).click();
  await expect(episodes.getByText("No active episode.", { exact: false })).toBeVisible();
  await expect(episodes.getByText("Pain-free for three weeks; back to full training.")).toBeVisible();
  await episodes.getByLabel("Condition").fill("Patellofemoral pain");
  await episodes.getByLabel("Side").selectOption("right");
  await episodes.getByRole("button", { name: "Start episode" }).click();
  await expect(episodes.getByRole("heading", { name: "Current episode" })).toBeVisible();
  await expect(episodes.getByText("Patellofemoral pain, right side")).toBeVisible();
  await expect(episodes.getByRole("heading", { name: "Earlier episodes" })).toBeVisible();
  // the profile line under the name follows the current episode
  await page.reload();
  await expect(page.getByText("Patellofemoral pain, right side").first()).toBeVisible();
  const section = page.getByRole("region", { name: "Injury episodes" });
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: `${SHOTS}/injury-episodes-1280.png` });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByRole("region", { name: /Clinical notes/ }).screenshot({ path: `${SHOTS}/clinical-notes-375.png` });

  // the owner's record export holds the notes (corrected one included) and both episodes
  const exported = await page.request.get(`/athletes/${id}/export`);
  expect(exported.status()).toBe(200);
  const data = (await exported.json()) as { datasets: { clinical_notes: { body: string }[]; injury_episodes: { condition: string; status: string }[] } };
  expect(data.datasets.clinical_notes.map((n) => n.body)).toEqual(["Tender over the medial joint line; swelling 2+.", "Correction: the tenderness is lateral, over the ITB."]);
  expect(data.datasets.injury_episodes.map((e) => [e.condition, e.status])).toEqual([
    ["Pes anserine bursitis", "resolved"],
    ["Patellofemoral pain", "active"],
  ]);
  await owner.dispose();
});

test("the athlete and another clinic's trainer never reach the notes or the episodes", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const base = baseUrl();
  const owner = await apiSession(base, DEMO.trainer.email, DEMO.trainer.password);
  const { items } = (await (await owner.get("/api/v1/athletes?q=Alex%20Morgan")).json()) as { items: { id: string; email: string | null }[] };
  const athleteId = items.find((a) => a.email === DEMO.athlete.email)!.id;
  const secret = `Staff-only remark ${Date.now()}`;

  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto(`/athletes/${athleteId}#notes`);
  const notes = page.getByRole("region", { name: /Clinical notes/ });
  await notes.getByLabel("New note").fill(secret);
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("Note added.")).toBeVisible();

  // the athlete: none of their pages, API answers or downloads hold it; the staff routes are not found
  const self = await apiSession(base, DEMO.athlete.email, DEMO.athlete.password);
  for (const path of ["/today", "/history", "/program", "/my-data", "/my-data/download", `/api/v1/athletes/${athleteId}`, "/api/v1/alerts"]) {
    const res = await self.get(path);
    expect(res.status(), path).toBeLessThan(500);
    const text = await res.text();
    expect(text, path).not.toContain(secret);
    expect(text, path).not.toMatch(/clinical_notes|injury_episodes|Clinical notes|Injury episodes/);
  }
  expect((await self.get(`/athletes/${athleteId}/export`)).status()).toBe(404);
  const staffPage = await self.get(`/athletes/${athleteId}`, { maxRedirects: 0 });
  expect(staffPage.status()).not.toBe(200);
  expect(await staffPage.text()).not.toContain(secret);
  await self.dispose();

  // another clinic's trainer: the athlete page is not found, the export too
  const ctx = await browser.newContext({ baseURL: base });
  const other = await ctx.newPage();
  await signUpClinic(other, { clinicName: "Elsewhere Clinic", name: "Elsewhere Owner", email: `elsewhere-${Date.now()}@example.com`, password: "a-long-enough-password" });
  await expectNotFoundPage(other, await other.goto(`/athletes/${athleteId}`), secret);
  const theirExport = await other.request.get(`/athletes/${athleteId}/export`);
  expect(theirExport.status()).toBe(404);
  expect(await theirExport.text()).not.toContain(secret);
  await ctx.close();

  // signed out: no export
  const anon = await pwRequest.newContext({ baseURL: base });
  const res = await anon.get(`/athletes/${athleteId}/export`, { maxRedirects: 0 });
  expect([401, 302, 303, 307]).toContain(res.status());
  expect(await res.text()).not.toContain(secret);
  await anon.dispose();
  await owner.dispose();
});
