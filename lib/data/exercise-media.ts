import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { exerciseMedia, exercises, programItems } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { invalid, notFound } from "@/lib/errors";
import { processPhoto } from "@/lib/media/photo";
import { isEmbedUrl } from "@/lib/media/video-link";
import { objectStorage, type StoredObject } from "@/lib/storage/objects";
import { writeAudit } from "./audit";
import { visibleTo } from "./library-scope";

/**
 * A clinic's photo and video link per exercise (built-in or its own). Keyed by clinic + exercise,
 * so media a clinic adds to a built-in is for its own staff and athletes only; nobody copies the
 * exercise. Every read and write is scoped by the caller's clinic.
 */
export type ExerciseMediaView = {
  photo: { url: string; width: number; height: number } | null;
  /** the privacy-enhanced embed address */
  videoUrl: string | null;
};

const photoKey = (clinicId: string, hash: string) => `exercise-photos/${clinicId}/${hash}.webp`;
const hashOf = (key: string) => /([0-9a-f]{64})\.webp$/.exec(key)?.[1] ?? "";
export const photoUrl = (exerciseId: string, key: string) => `/api/media/exercise-photos/${exerciseId}/${hashOf(key)}`;

type Row = { exerciseId: string; photoKey: string | null; photoWidth: number | null; photoHeight: number | null; videoUrl: string | null };

function toView(r: Row): ExerciseMediaView {
  return {
    photo: r.photoKey && r.photoWidth && r.photoHeight ? { url: photoUrl(r.exerciseId, r.photoKey), width: r.photoWidth, height: r.photoHeight } : null,
    // stored values come from toVideoEmbed; checked again so nothing else can reach an iframe
    videoUrl: r.videoUrl && isEmbedUrl(r.videoUrl) ? r.videoUrl : null,
  };
}

const columns = { exerciseId: exerciseMedia.exerciseId, photoKey: exerciseMedia.photoKey, photoWidth: exerciseMedia.photoWidth, photoHeight: exerciseMedia.photoHeight, videoUrl: exerciseMedia.videoUrl };

/** The clinic's media for these exercises (those with none are absent from the map). */
export async function mediaForExercises(scope: Scope, exerciseIds: readonly string[]): Promise<Map<string, ExerciseMediaView>> {
  const ids = [...new Set(exerciseIds)];
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select(columns)
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, scope.clinicId), inArray(exerciseMedia.exerciseId, ids)));
  const out = new Map<string, ExerciseMediaView>();
  for (const r of rows) {
    const view = toView(r);
    if (view.photo || view.videoUrl) out.set(r.exerciseId, view);
  }
  return out;
}

/**
 * The clinic's media for every exercise in an athlete's current program, in one query that needs
 * no program first (so pages fetch it alongside). Program items are filtered by the caller's
 * clinic too: another clinic's athlete simply has none.
 */
export async function mediaForProgram(scope: Scope, athleteId: string): Promise<Map<string, ExerciseMediaView>> {
  const rows = await getDb()
    .selectDistinct(columns)
    .from(exerciseMedia)
    .innerJoin(programItems, and(eq(programItems.exerciseId, exerciseMedia.exerciseId), eq(programItems.clinicId, exerciseMedia.clinicId)))
    .where(and(eq(exerciseMedia.clinicId, scope.clinicId), eq(programItems.athleteId, scope.role === "athlete" ? scope.athleteId : athleteId), ne(programItems.status, "removed")));
  const out = new Map<string, ExerciseMediaView>();
  for (const r of rows) {
    const view = toView(r);
    if (view.photo || view.videoUrl) out.set(r.exerciseId, view);
  }
  return out;
}

export async function getExerciseMedia(scope: Scope, exerciseId: string): Promise<ExerciseMediaView> {
  return (await mediaForExercises(scope, [exerciseId])).get(exerciseId) ?? { photo: null, videoUrl: null };
}

/** An exercise the clinic can see (built-in or its own, archived or not); another clinic's does not exist. */
async function visibleExercise(tx: Tx, scope: TrainerScope, exerciseId: string): Promise<void> {
  const [row] = await tx
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), visibleTo(exercises.clinicId, scope.clinicId)));
  if (!row) throw notFound("Exercise");
}

async function currentRow(tx: Tx, scope: TrainerScope, exerciseId: string) {
  const [row] = await tx
    .select({ id: exerciseMedia.id, ...columns })
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, scope.clinicId), eq(exerciseMedia.exerciseId, exerciseId)))
    .for("update");
  return row ?? null;
}

/** Removes a photo's bytes unless another exercise of the clinic shows the same photo. */
async function dropPhotoIfUnused(tx: Tx, scope: TrainerScope, key: string, exerciseId: string): Promise<void> {
  const [other] = await tx
    .select({ id: exerciseMedia.id })
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, scope.clinicId), eq(exerciseMedia.photoKey, key), ne(exerciseMedia.exerciseId, exerciseId)))
    .limit(1);
  if (!other) await objectStorage.delete(tx, key);
}

type Patch = Partial<{ photoKey: string | null; photoWidth: number | null; photoHeight: number | null; videoUrl: string | null }>;

async function writeMedia(tx: Tx, scope: TrainerScope, exerciseId: string, patch: Patch, action: string, after: unknown): Promise<void> {
  const before = await currentRow(tx, scope, exerciseId);
  if (before) {
    await tx
      .update(exerciseMedia)
      .set({ ...patch, updatedBy: scope.userId, updatedAt: new Date() })
      .where(eq(exerciseMedia.id, before.id));
    if (patch.photoKey !== undefined && before.photoKey && before.photoKey !== patch.photoKey) await dropPhotoIfUnused(tx, scope, before.photoKey, exerciseId);
  } else {
    await tx
      .insert(exerciseMedia)
      .values({ clinicId: scope.clinicId, exerciseId, ...patch, updatedBy: scope.userId })
      // two first uploads at once: the second updates the first's row
      .onConflictDoUpdate({ target: [exerciseMedia.clinicId, exerciseMedia.exerciseId], set: { ...patch, updatedBy: scope.userId, updatedAt: new Date() } });
  }
  await writeAudit(tx, {
    clinicId: scope.clinicId,
    actorId: scope.userId,
    action,
    entity: "exercise",
    entityId: exerciseId,
    before: before ? { photo: before.photoKey ? hashOf(before.photoKey) : null, videoUrl: before.videoUrl } : null,
    after,
  });
}

/**
 * Adds or replaces the clinic's photo of an exercise. The bytes are checked and re-encoded
 * (lib/media/photo.ts: JPEG/PNG/WebP by their bytes, ≤ 5 MB, metadata stripped, ≤ 1200 px wide
 * WebP); a refused file is an `invalid` error with a sentence for the form.
 */
export async function setExercisePhoto(scope: TrainerScope, exerciseId: string, upload: Uint8Array): Promise<ExerciseMediaView> {
  const photo = await processPhoto(upload);
  if (!photo.ok) throw invalid(photo.message, { photo: [photo.message] });
  const key = photoKey(scope.clinicId, photo.hash);
  await getDb().transaction(async (tx) => {
    await visibleExercise(tx, scope, exerciseId);
    await objectStorage.put(tx, key, { clinicId: scope.clinicId, contentType: photo.contentType, bytes: photo.bytes });
    await writeMedia(tx, scope, exerciseId, { photoKey: key, photoWidth: photo.width, photoHeight: photo.height }, "exercise.photo_set", { photo: photo.hash, width: photo.width, height: photo.height });
  });
  return getExerciseMedia(scope, exerciseId);
}

export async function removeExercisePhoto(scope: TrainerScope, exerciseId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    await visibleExercise(tx, scope, exerciseId);
    await writeMedia(tx, scope, exerciseId, { photoKey: null, photoWidth: null, photoHeight: null }, "exercise.photo_removed", { photo: null });
  });
}

/** `embedUrl` comes from lib/validation/media.ts (toVideoEmbed); anything else is refused here too. */
export async function setExerciseVideo(scope: TrainerScope, exerciseId: string, embedUrl: string | null): Promise<void> {
  if (embedUrl !== null && !isEmbedUrl(embedUrl)) throw invalid("Paste a YouTube or Vimeo link.", { videoLink: ["Paste a YouTube or Vimeo link."] });
  await getDb().transaction(async (tx) => {
    await visibleExercise(tx, scope, exerciseId);
    await writeMedia(tx, scope, exerciseId, { videoUrl: embedUrl }, embedUrl ? "exercise.video_set" : "exercise.video_removed", { videoUrl: embedUrl });
  });
}

/**
 * The photo bytes for the serving route: only the caller's clinic's current photo of that
 * exercise (staff and athletes of the clinic alike); anything else is not found.
 */
export async function getExercisePhoto(scope: Scope, exerciseId: string, hash: string): Promise<StoredObject> {
  const key = photoKey(scope.clinicId, hash);
  const [row] = await getDb()
    .select({ id: exerciseMedia.id })
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, scope.clinicId), eq(exerciseMedia.exerciseId, exerciseId), eq(exerciseMedia.photoKey, key)));
  if (!row) throw notFound("Photo");
  const object = await objectStorage.get(key);
  if (!object) throw notFound("Photo");
  return object;
}
