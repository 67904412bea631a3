import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO, expect, signIn, test } from "./fixtures";
import { waitForLink } from "./mailbox";
import { signUpClinic } from "./sign-up";

const EXERCISE = "Marching bridge";
const EMBED = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";

/** The test machine may have no internet: the privacy-enhanced player answers with a stub page. */
async function stubPlayer(page: Page) {
  await page.route("https://www.youtube-nocookie.com/**", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><html lang=en><title>Player</title><p>Video player</p></html>" }));
}

/** A phone photo: a JPEG with the camera and GPS position in its EXIF. */
const phonePhoto = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 130, b: 90 } } })
    .composite([{ input: { create: { width: 800, height: 400, channels: 3, background: { r: 240, g: 240, b: 240 } } }, top: 400, left: 400 }])
    .jpeg()
    .withMetadata({ exif: { IFD0: { Make: "PhoneCo", Model: "Runner Cam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } } })
    .toBuffer();

test("a trainer adds a photo and a video link to a built-in exercise; the athlete sees them on Today on a phone; another clinic sees neither", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  await stubPlayer(page);
  await signIn(page, DEMO.trainer.email, DEMO.trainer.password);
  const { exercises } = (await (await page.request.get("/api/v1/exercises")).json()) as { exercises: { id: string; name: string; builtin: boolean }[] };
  const exercise = exercises.find((e) => e.name === EXERCISE && e.builtin)!;
  expect(exercise).toBeTruthy();

  // the exercise page: a file that is not a photo is refused by its bytes, whatever its name
  await page.goto(`/exercises/${exercise.id}`);
  const media = page.getByRole("region", { name: "Photo and video" });
  await expect(media.getByText("For your clinic's staff and athletes only")).toBeVisible();
  await media.getByLabel("Photo", { exact: true }).setInputFiles({ name: "bridge.jpg", mimeType: "image/jpeg", buffer: Buffer.from("%PDF-1.7 not a photo at all") });
  await media.getByRole("button", { name: "Upload photo" }).click();
  await expect(media.getByText("The photo must be a JPEG, PNG or WebP image.")).toBeVisible();

  await media.getByLabel("Photo", { exact: true }).setInputFiles({ name: "bridge.jpg", mimeType: "image/jpeg", buffer: await phonePhoto() });
  await media.getByRole("button", { name: "Upload photo" }).click();
  await expect(media.getByText("Photo saved.")).toBeVisible();
  const img = media.getByRole("img", { name: `Photo of ${EXERCISE}` });
  await expect(img).toBeVisible();
  await expect(img).toHaveAttribute("width", "1200");
  await expect(img).toHaveAttribute("height", "900");
  const photoUrl = (await img.getAttribute("src"))!;
  expect(photoUrl).toMatch(new RegExp(`^/api/media/exercise-photos/${exercise.id}/[0-9a-f]{64}$`));

  // served as WebP, metadata gone, immutable by its hash, never sniffed
  const served = await page.request.get(photoUrl);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(served.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
  const meta = await sharp(await served.body()).metadata();
  expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(["webp", 1200, 900, undefined]);

  // a video link: another site is refused with a sentence; a YouTube link becomes the no-cookie player
  await media.getByLabel("Video link").fill("https://example.com/watch?v=dQw4w9WgXcQ");
  await media.getByRole("button", { name: "Save video link" }).click();
  await expect(media.getByText("Paste a YouTube or Vimeo link, such as")).toBeVisible();
  await media.getByLabel("Video link").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s");
  await media.getByRole("button", { name: "Save video link" }).click();
  await expect(media.getByText("Video link saved.")).toBeVisible();
  const frame = media.locator(`iframe[title="Video: ${EXERCISE}"]`);
  await expect(frame).toHaveAttribute("src", EMBED);
  await expect(frame).toHaveAttribute("loading", "lazy");
  await page.screenshot({ path: testInfo.outputPath("exercise-page-media.png"), fullPage: true });

  // a new athlete with the exercise in their program, invited by email
  const created = await page.request.post("/api/v1/athletes", { data: { name: `Media Runner ${stamp}`, email: `media-${stamp}@example.com` } });
  expect(created.status()).toBe(201);
  const athlete = (await created.json()) as { id: string };
  const added = await page.request.post(`/api/v1/athletes/${athlete.id}/program`, { data: { exerciseId: exercise.id, sets: 3, reps: 10, daysPerWeek: 3 } });
  expect(added.status()).toBe(201);
  await page.goto(`/athletes/${athlete.id}`);
  await page.getByRole("button", { name: "Email an invitation" }).click();
  const link = await waitForLink(`media-${stamp}@example.com`, "/invite/");

  // the athlete, on a phone: the photo and the player on Today, inside the exercise's card
  const phoneCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await stubPlayer(phone);
  await phone.goto(link);
  await phone.getByLabel("Choose a password").fill("phone-password-1");
  await phone.getByRole("button", { name: "Set password and continue" }).click();
  await expect(phone).toHaveURL(/\/today/);
  const csp = (await phone.request.get("/today")).headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-src https://www.youtube-nocookie.com https://player.vimeo.com");
  const tick = phone.getByRole("form", { name: `Tick off ${EXERCISE}` });
  const photo = tick.getByRole("img", { name: `Photo of ${EXERCISE}` });
  await photo.scrollIntoViewIfNeeded();
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1200);
  const box = (await photo.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(375);
  const phoneFrame = tick.locator(`iframe[title="Video: ${EXERCISE}"]`);
  await expect(phoneFrame).toHaveAttribute("src", EMBED);
  await phoneFrame.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: testInfo.outputPath("today-media-375.png"), fullPage: true });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page: phone }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // My program shows both; the printed home program the photo only
  await phone.goto("/program");
  await expect(phone.getByRole("img", { name: `Photo of ${EXERCISE}` })).toBeVisible();
  await expect(phone.locator(`iframe[title="Video: ${EXERCISE}"]`)).toHaveCount(1);
  await phone.goto("/program/print");
  await expect(phone.getByRole("img", { name: `Photo of ${EXERCISE}` })).toBeVisible();
  await expect(phone.locator("iframe")).toHaveCount(0);
  await phoneCtx.close();

  // another clinic: the same built-in has no photo or video, and the photo's address is not found
  const otherCtx = await browser.newContext();
  const other = await otherCtx.newPage();
  await signUpClinic(other, { clinicName: `Media Other ${stamp}`, name: "Media Other Owner", email: `media-other-${stamp}@example.com`, password: "a-long-enough-password" });
  await other.goto(`/exercises/${exercise.id}`);
  await expect(other.getByRole("heading", { name: EXERCISE, level: 1 })).toBeVisible();
  const theirs = other.getByRole("region", { name: "Photo and video" });
  await expect(theirs.getByRole("button", { name: "Upload photo" })).toBeVisible();
  await expect(theirs.getByRole("img")).toHaveCount(0);
  await expect(theirs.locator("iframe")).toHaveCount(0);
  expect((await other.request.get(photoUrl)).status()).toBe(404);
  await otherCtx.close();
  expect((await browser.newContext().then((c) => c.request.get(new URL(photoUrl, page.url()).href))).status()).toBe(401);

  // the demo clinic's built-in goes back to no media (other specs scan its pages)
  await page.goto(`/exercises/${exercise.id}`);
  await media.getByRole("button", { name: "Remove photo" }).click();
  await expect(media.getByRole("img")).toHaveCount(0);
  await media.getByRole("button", { name: "Remove video" }).click();
  await expect(media.locator("iframe")).toHaveCount(0);
  expect((await page.request.get(photoUrl)).status()).toBe(404);
});
