import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, storedObjects } from "@/db/schema";
import { getExerciseMedia, getExercisePhoto, mediaForExercises, mediaForProgram, removeExercisePhoto, setExercisePhoto, setExerciseVideo } from "@/lib/data/exercise-media";
import { copyExercise, createExercise } from "@/lib/data/exercises";
import { addProgramItem } from "@/lib/data/programs";
import { isAppError } from "@/lib/errors";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

const photoWithGps = (width = 2000, height = 1500, r = 30) =>
  sharp({ create: { width, height, channels: 3, background: { r, g: 120, b: 200 } } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Make: "PhoneCo", Model: "Runner Cam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" } } })
    .toBuffer();

const hashOf = (url: string) => url.split("/").pop()!;
const code = async (p: Promise<unknown>) => p.then(() => "ok", (err: unknown) => (isAppError(err) ? err.code : String(err)));

beforeAll(async () => {
  await ensureLibrary();
});

describe("exercise media", () => {
  it("a clinic illustrates a built-in for its own athletes: photo (metadata stripped, resized WebP) and video; another clinic sees neither", async () => {
    const a = await makeClinic("Media A");
    const b = await makeClinic("Media B");
    const athleteA = await makeAthlete(a, "Media Runner A");
    const athleteB = await makeAthlete(b, "Media Runner B");
    const clam = await builtinExercise("clamshell");
    await addProgramItem(a, { athleteId: athleteA.athleteId, exerciseId: clam, sets: 3, reps: 12, daysPerWeek: 3 });
    await addProgramItem(b, { athleteId: athleteB.athleteId, exerciseId: clam, sets: 3, reps: 12, daysPerWeek: 3 });

    const upload = await photoWithGps();
    expect((await sharp(upload).metadata()).exif).toBeDefined();
    const view = await setExercisePhoto(a, clam, upload);
    await setExerciseVideo(a, clam, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    expect(view.photo).toMatchObject({ width: 1200, height: 900 });
    expect(view.photo!.url).toMatch(new RegExp(`^/api/media/exercise-photos/${clam}/[0-9a-f]{64}$`));

    // the staff and the athlete of A see it, on the exercise, in bulk and for the program
    const seenByA = await getExerciseMedia(a, clam);
    expect(seenByA).toEqual({ photo: view.photo, videoUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" });
    expect((await mediaForProgram(athleteA, athleteA.athleteId)).get(clam)).toEqual(seenByA);
    expect((await mediaForExercises(athleteA, [clam])).get(clam)).toEqual(seenByA);
    const stored = await getExercisePhoto(athleteA, clam, hashOf(view.photo!.url));
    expect(stored.contentType).toBe("image/webp");
    const meta = await sharp(stored.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 1200, 900]);
    // EXIF (GPS and camera) is gone from what is stored and served
    expect(meta.exif).toBeUndefined();
    expect(stored.bytes.includes(Buffer.from("PhoneCo"))).toBe(false);
    expect(stored.bytes.includes(Buffer.from("Runner Cam"))).toBe(false);

    // clinic B and its athlete: nothing, not even by the photo's address
    expect(await getExerciseMedia(b, clam)).toEqual({ photo: null, videoUrl: null });
    expect((await mediaForProgram(athleteB, athleteB.athleteId)).size).toBe(0);
    expect((await mediaForProgram(b, athleteA.athleteId)).size).toBe(0);
    expect(await code(getExercisePhoto(b, clam, hashOf(view.photo!.url)))).toBe("not_found");
    expect(await code(getExercisePhoto(athleteB, clam, hashOf(view.photo!.url)))).toBe("not_found");

    // the built-in itself is unchanged: a copy in clinic A carries no media of its own
    const copy = await copyExercise(a, clam);
    expect(await getExerciseMedia(a, copy.id)).toEqual({ photo: null, videoUrl: null });
  });

  it("replacing a photo removes the old bytes unless another exercise shows them; removing leaves the video", async () => {
    const a = await makeClinic("Media Replace");
    const clam = await builtinExercise("clamshell");
    const own = await createExercise(a, { name: "Wall sit", region: "knee", kind: "strength", perSide: false, howTo: ["Sit"], cues: [], equipment: [], sets: 3, holdSec: 30, daysPerWeek: 3 });
    const first = await photoWithGps(800, 600, 10);
    const v1 = await setExercisePhoto(a, clam, first);
    await setExercisePhoto(a, own.id, first); // the same photo on a second exercise
    await setExerciseVideo(a, clam, "https://player.vimeo.com/video/76979871?dnt=1");
    const v2 = await setExercisePhoto(a, clam, await photoWithGps(800, 600, 250));
    expect(hashOf(v2.photo!.url)).not.toBe(hashOf(v1.photo!.url));
    expect(await code(getExercisePhoto(a, clam, hashOf(v1.photo!.url)))).toBe("not_found");
    // still shown on the other exercise
    expect((await getExercisePhoto(a, own.id, hashOf(v1.photo!.url))).contentType).toBe("image/webp");
    await removeExercisePhoto(a, own.id);
    const objects = await getDb().select({ key: storedObjects.key }).from(storedObjects).where(eq(storedObjects.clinicId, a.clinicId));
    expect(objects.map((o) => o.key)).toEqual([`exercise-photos/${a.clinicId}/${hashOf(v2.photo!.url)}.webp`]);
    await removeExercisePhoto(a, clam);
    expect(await getExerciseMedia(a, clam)).toEqual({ photo: null, videoUrl: "https://player.vimeo.com/video/76979871?dnt=1" });
    await setExerciseVideo(a, clam, null);
    expect(await getExerciseMedia(a, clam)).toEqual({ photo: null, videoUrl: null });
    expect(await getDb().select().from(storedObjects).where(eq(storedObjects.clinicId, a.clinicId))).toHaveLength(0);
    const audit = await getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.clinicId, a.clinicId), eq(auditLog.entity, "exercise")));
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(["exercise.photo_set", "exercise.video_set", "exercise.photo_removed", "exercise.video_removed"]));
  });

  it("refuses other files, other video hosts, and another clinic's exercise, with a sentence", async () => {
    const a = await makeClinic("Media Refuse");
    const b = await makeClinic("Media Other");
    const clam = await builtinExercise("clamshell");
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "red" } }).gif().toBuffer();
    const refused = await setExercisePhoto(a, clam, gif).catch((err: unknown) => err);
    expect(isAppError(refused) && refused.code).toBe("invalid");
    expect((refused as Error).message).toBe("The photo must be a JPEG, PNG or WebP image.");
    expect(await code(setExerciseVideo(a, clam, "https://evil.example/embed/x"))).toBe("invalid");
    const theirs = await createExercise(b, { name: "Their exercise", region: "hip", kind: "strength", perSide: false, howTo: ["x"], cues: [], equipment: [], sets: 1, reps: 1, daysPerWeek: 1 });
    expect(await code(setExercisePhoto(a, theirs.id, await photoWithGps(100, 100)))).toBe("not_found");
    expect(await code(setExerciseVideo(a, theirs.id, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"))).toBe("not_found");
    expect(await code(removeExercisePhoto(a, theirs.id))).toBe("not_found");
    expect(await getDb().select().from(storedObjects).where(eq(storedObjects.clinicId, a.clinicId))).toHaveLength(0);
  });
});
