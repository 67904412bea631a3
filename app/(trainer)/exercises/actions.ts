"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { trainerAction } from "@/lib/auth/action";
import { copyExercise, createExercise, setExerciseArchived, updateExercise } from "@/lib/data/exercises";
import { createLadder, insertIntoLadder, setLadderArchived, updateLadder } from "@/lib/data/ladders";
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
