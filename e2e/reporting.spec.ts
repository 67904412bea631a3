import path from "node:path";
import { RED_FLAG_QUESTIONS } from "../lib/validation/red-flag-questions";
import { DEMO, expect, signIn, test } from "./fixtures";
import { waitForLink } from "./mailbox";

test.describe.configure({ mode: "serial" });

test("an athlete reports a morning, a run with a shoe, exercises and a watch file on a phone", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const email = `reporter-${stamp}@example.com`;

  // the trainer sets up an athlete with two exercises and an invitation
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const created = await page.request.post("/api/v1/athletes", { data: { name: `Reporter ${stamp}`, email } });
  expect(created.status()).toBe(201);
  const athlete = await created.json();
  const exercises = (await (await page.request.get("/api/v1/exercises")).json()).exercises as { id: string; name: string; defaultDosage: { sets: number; reps?: number } }[];
  const repExercises = exercises.filter((e) => e.defaultDosage.reps).slice(0, 2);
  for (const ex of repExercises) {
    const res = await page.request.post(`/api/v1/athletes/${athlete.id}/program`, { data: { exerciseId: ex.id, sets: 3, reps: 12, daysPerWeek: 3 } });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/athletes/${athlete.id}`);
  // invitations are only ever emailed (issue 17): the link comes from the athlete's mailbox
  await page.getByRole("button", { name: "Email an invitation" }).click();
  const link = await waitForLink(email, "/invite/");

  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await phone.goto(link);
  await phone.getByLabel("Choose a password").fill("phone-password-1");
  await phone.getByRole("button", { name: "Set password and continue" }).click();
  await expect(phone).toHaveURL(/\/today/);

  // nothing overflows sideways on a 375 px phone
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // morning check-in with a red flag
  const pain = phone.getByRole("group", { name: "Knee pain this morning (0–10)" });
  await pain.getByText("3", { exact: true }).click();
  // "Any of these today?" has no answer until one is given; Yes asks each of the seven
  await phone.getByRole("group", { name: "Any of these today?" }).getByText("Yes", { exact: true }).click();
  for (const q of RED_FLAG_QUESTIONS) await phone.getByRole("group", { name: q.question }).getByText(q.code === "clicking" ? "yes" : "no", { exact: true }).click();
  await phone.getByRole("button", { name: "Save check-in" }).click();
  await expect(phone.getByText("Check-in saved. Thank you!")).toBeVisible();
  await expect(phone.getByText(/You reported: painful catching or clicking on the inside of the knee/)).toBeVisible();

  // one message about running, in the hold tone (DESIGN §2a Athlete advice): no green advice beside the flag
  const hold = phone.getByRole("region", { name: "Hold: no increases until your AT has reviewed this" });
  await expect(hold).toContainText("You reported painful catching or clicking today.");
  await expect(phone.getByText(/^Green:/)).toHaveCount(0);
  await expect(phone.getByText(/Contact your athletic trainer today/)).toHaveCount(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: test.info().outputPath("today-after-red-flag-375.png"), fullPage: true });
  await phone.goto("/progress");
  await expect(phone.getByRole("region", { name: "Hold: no increases until your AT has reviewed this" })).toBeVisible();
  await expect(phone.getByText(/^Green:/)).toHaveCount(0);
  await phone.goto("/today");

  // a pair of shoes
  await phone.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shoes" }).click();
  await phone.getByLabel("Name", { exact: true }).fill("Pegasus (blue)");
  await phone.getByRole("button", { name: "Add shoes" }).click();
  await expect(phone.getByText("Shoe added.")).toBeVisible();

  // a run: first with mistakes, which are explained next to the fields and keep what was typed
  await phone.goto("/log");
  await phone.getByLabel("Duration (minutes, or h:mm:ss)").fill("0");
  await phone.getByLabel("Distance (km)").fill("300");
  await phone.getByRole("group", { name: "Session effort (0–10)" }).getByText("5", { exact: true }).click();
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText("Enter the duration as minutes (45) or h:mm:ss (1:05:30), more than zero.")).toBeVisible();
  await expect(phone.getByLabel("Distance (km)")).toHaveValue("300");
  await phone.getByLabel("Duration (minutes, or h:mm:ss)").fill("4");
  await phone.getByLabel("Distance (km)").fill("6");
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText("That is faster than 2:30 per km. Check the distance and the duration.")).toBeVisible();
  await phone.getByLabel("Duration (minutes, or h:mm:ss)").fill("32:30");
  await phone.getByRole("group", { name: "Knee pain during (0–10)" }).getByText("2", { exact: true }).click();
  await phone.getByRole("group", { name: "Knee pain after (0–10)" }).getByText("3", { exact: true }).click();
  await phone.getByLabel("Shoes").selectOption({ label: "Pegasus (blue)" });
  await phone.getByRole("button", { name: "Save activity" }).click();
  await expect(phone.getByText("Activity saved.")).toBeVisible();
  await expect(phone.getByRole("list", { name: "Today's activities" })).toContainText("Run 6 km · 33 min · effort 5 · pain 2/3");

  // tick off both exercises
  for (const ex of repExercises) {
    const form = phone.getByRole("form", { name: `Tick off ${ex.name}` });
    await form.getByLabel("Pain during (0–10)").selectOption("1");
    await form.getByRole("button", { name: "Done" }).click();
    await expect(phone.getByText(new RegExp(`Done: 3 of 3 sets, pain 1/10`)).first()).toBeVisible();
  }
  await expect(phone.getByRole("heading", { name: "Exercises (2 of 2 done)" })).toBeVisible();

  // a watch file: preview, then save; the same file again is refused
  await phone.goto("/log/import");
  await phone.getByLabel("Activity files").setInputFiles(path.join(__dirname, "..", "test", "fixtures", "activities", "garmin-connect-run.gpx"));
  await phone.getByRole("button", { name: "Preview" }).click();
  await expect(phone.getByRole("list", { name: "Preview" })).toContainText("3.1 km");
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone.getByRole("list", { name: "Import results" })).toContainText("Saved: 2012-10-2");
  await phone.getByRole("button", { name: "Preview" }).click();
  await phone.getByRole("button", { name: "Save" }).click();
  await expect(phone.getByRole("list", { name: "Import results" })).toContainText("Already saved");
  // choosing another file hides the last preview, and Save waits until the new one is previewed
  await phone.getByLabel("Activity files").setInputFiles(path.join(__dirname, "..", "test", "fixtures", "activities", "forerunner410-run.tcx"));
  await expect(phone.getByRole("list", { name: "Preview" })).toHaveCount(0);
  await expect(phone.getByRole("button", { name: "Save" })).toBeDisabled();

  // a retry of the same submission (same client id) stores one record
  const retry = { clientId: crypto.randomUUID(), type: "bike", date: new Date().toISOString().slice(0, 10), durationSec: 1800, rpe: 4 };
  const first = await phone.request.post("/api/v1/activities", { data: retry });
  const second = await phone.request.post("/api/v1/activities", { data: retry });
  expect([first.status(), second.status()]).toEqual([201, 200]);
  expect((await second.json()).id).toBe((await first.json()).id);

  // everything is in the history, once
  await phone.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "History" }).click();
  await expect(phone.getByText("Run 6 km · 33 min · effort 5 · pain 2 during, 3 after · Pegasus (blue)")).toBeVisible();
  await expect(phone.getByText(/Run 3\.1 km .* from a file/)).toHaveCount(1);
  await expect(phone.getByText(/^Bike/)).toHaveCount(1);
  await expect(phone.getByText("Painful catching or clicking on the inside of the knee").first()).toBeVisible();
  await phoneCtx.close();
});

test("an athlete cannot report for another athlete", async ({ page }) => {
  await signIn(page, DEMO.athlete.email, DEMO.athlete.password);
  const trainerView = await page.request.get("/api/v1/athletes");
  expect(trainerView.status()).toBe(404);
  const someoneElse = "00000000-0000-4000-8000-000000000000";
  const res = await page.request.post("/api/v1/check-ins", { data: { athleteId: someoneElse, morningPain: 2 } });
  expect(res.status()).toBe(404);
  const bad = await page.request.post("/api/v1/check-ins", { data: { morningPain: 11, redFlags: { clicking: "maybe" } } });
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  expect(body.error.fieldErrors.morningPain).toEqual(["Knee pain this morning must be between 0 and 10."]);

  // data rights: an athlete downloads their own data only; the clinic export is the owner's
  const mine = await page.request.get("/my-data/download?format=json");
  expect(mine.status()).toBe(200);
  const data = await mine.json();
  expect(data.athlete.email).toBe(DEMO.athlete.email);
  const csv = await page.request.get("/my-data/download?format=csv&dataset=check_ins");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await page.request.get("/settings/export")).status()).toBe(404);
});

test("the owner exports the clinic; another trainer cannot", async ({ page, browser }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const res = await page.request.get("/settings/export");
  expect(res.status()).toBe(200);
  const data = await res.json();
  expect(data.clinic.name).toBe("Demo Running Clinic");
  expect(JSON.stringify(data)).not.toContain("$argon2");
  expect((await page.request.get("/my-data/download")).status()).toBe(404);
  const ctx = await browser.newContext();
  const second = await ctx.newPage();
  await signIn(second, "trainer2@example.com", "stride-demo-1");
  expect((await second.request.get("/settings/export")).status()).toBe(404);
  await ctx.close();
});

test("a trainer enters and corrects an activity for an athlete of the clinic", async ({ page }) => {
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  await page.goto("/athletes?q=Sofia");
  await page.getByRole("link", { name: "Sofia Rossi" }).click();
  await page.getByRole("link", { name: "Log an activity for Sofia Rossi" }).click();
  await page.getByText("Bike", { exact: true }).click();
  await page.getByLabel("Duration (minutes, or h:mm:ss)").fill("40");
  await page.getByRole("group", { name: "Session effort (0–10)" }).getByText("4", { exact: true }).click();
  await page.getByRole("button", { name: "Save activity" }).click();
  const entries = page.getByRole("region", { name: "Recent activities" });
  await expect(entries).toContainText("Bike · 40 min · effort 4");
  await entries.getByRole("link", { name: /Correct the bike/ }).first().click();
  await page.getByLabel("Duration (minutes, or h:mm:ss)").fill("45");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("region", { name: "Recent activities" })).toContainText("Bike · 45 min · effort 4");
});
