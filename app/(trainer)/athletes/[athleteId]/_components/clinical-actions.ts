"use server";

import { revalidatePath } from "next/cache";
import { trainerAction } from "@/lib/auth/action";
import { addNote, archiveNote, editNote } from "@/lib/data/clinical-notes";
import { resolveEpisode, startEpisode } from "@/lib/data/episodes";
import { episodeResolveSchema, episodeStartSchema, noteArchiveSchema, noteCreateSchema, noteEditSchema } from "@/lib/validation/clinical";

/** Staff-only clinical record on the trainer's athlete page: notes and injury episodes (issue 18). */
const refresh = (athleteId: string) => revalidatePath(`/athletes/${athleteId}`);

export const addNoteAction = trainerAction(noteCreateSchema, async (input, scope) => {
  await addNote(scope, input);
  refresh(input.athleteId);
});

export const editNoteAction = trainerAction(noteEditSchema, async (input, scope) => {
  await editNote(scope, input);
  refresh(input.athleteId);
});

export const archiveNoteAction = trainerAction(noteArchiveSchema, async (input, scope) => {
  await archiveNote(scope, input);
  refresh(input.athleteId);
});

export const startEpisodeAction = trainerAction(episodeStartSchema, async (input, scope) => {
  await startEpisode(scope, input);
  refresh(input.athleteId);
});

export const resolveEpisodeAction = trainerAction(episodeResolveSchema, async (input, scope) => {
  await resolveEpisode(scope, input);
  refresh(input.athleteId);
});
