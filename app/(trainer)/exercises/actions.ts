"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { trainerAction } from "@/lib/auth/action";
import { copyExercise, createExercise, setExerciseArchived, updateExercise } from "@/lib/data/exercises";
import { removeExercisePhoto, setExercisePhoto, setExerciseVideo } from "@/lib/data/exercise-media";
import { createLadder, insertIntoLadder, setLadderArchived, updateLadder } from "@/lib/data/ladders";
import { exerciseMediaIdSchema, photoUploadSchema, videoLinkSchema } from "@/lib/validation/media";
import { exerciseFormSchema, exerciseIdSchema, insertStepSchema, ladderFormSchema, ladderIdSchema } from "@/lib/validation/exercises";

export const saveExerciseAction = trainerAction(exerciseFormSchema, async ({ exerciseId, ...input }, scope) => {
  const id = exerciseId ?? (await createExercise(scope, input)).id;
  if (exerciseId) await updateExercise(scope, exerciseId, input);
  revalidatePath("/exercises");
  redirect(`/exercises/${id}`);
});

export const archiveExerciseAction = trainerAction(exerciseIdSchema.extend({ archived: z.enum(["true", "false"]) }), async ({ exerciseId, archived }, scope) => {
  await setExerciseArchived(scope, exerciseId, archived === "true");
  revalidatePath("/exercises");
  revalidatePath(`/exercises/${exerciseId}`);
});

export const copyExerciseAction = trainerAction(exerciseIdSchema, async ({ exerciseId }, scope) => {
  const { id } = await copyExercise(scope, exerciseId);
  revalidatePath("/exercises");
  redirect(`/exercises/${id}`);
});

export const saveLadderAction = trainerAction(ladderFormSchema, async ({ ladderId, ...input }, scope) => {
  if (ladderId) await updateLadder(scope, ladderId, input);
  else await createLadder(scope, input);
  revalidatePath("/exercises");
});

export const archiveLadderAction = trainerAction(ladderIdSchema, async ({ ladderId }, scope) => {
  await setLadderArchived(scope, ladderId, true);
  revalidatePath("/exercises");
});

export const insertStepAction = trainerAction(insertStepSchema, async (input, scope) => {
  await insertIntoLadder(scope, input);
  revalidatePath("/exercises");
  revalidatePath(`/exercises/${input.exerciseId}`);
});

/** The clinic's media for an exercise (built-in or its own): on Today, the program and the print-out. */
function revalidateMedia(exerciseId: string) {
  revalidatePath(`/exercises/${exerciseId}`);
  revalidatePath("/today");
  revalidatePath("/program");
}

export const uploadExercisePhotoAction = trainerAction(photoUploadSchema, async ({ exerciseId, photo }, scope) => {
  await setExercisePhoto(scope, exerciseId, new Uint8Array(await photo.arrayBuffer()));
  revalidateMedia(exerciseId);
});

export const removeExercisePhotoAction = trainerAction(exerciseMediaIdSchema, async ({ exerciseId }, scope) => {
  await removeExercisePhoto(scope, exerciseId);
  revalidateMedia(exerciseId);
});

export const saveExerciseVideoAction = trainerAction(videoLinkSchema, async ({ exerciseId, videoLink }, scope) => {
  await setExerciseVideo(scope, exerciseId, videoLink);
  revalidateMedia(exerciseId);
});

export const removeExerciseVideoAction = trainerAction(exerciseMediaIdSchema, async ({ exerciseId }, scope) => {
  await setExerciseVideo(scope, exerciseId, null);
  revalidateMedia(exerciseId);
});
