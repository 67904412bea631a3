import { z } from "zod";
import { INJURED_SIDES } from "./athletes";
import { plainText, searchText } from "./fields";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = (what: string) => z.preprocess(blankToUndefined, z.uuid({ error: `Choose ${what} from the list.` }).optional());
const athleteId = z.uuid({ error: "That athlete was not found." });
const isoDate = (label: string) => z.iso.date({ error: `Enter ${label} as a date (YYYY-MM-DD).` });

export const NOTE_MAX = 5000;
const noteBody = plainText({ multiline: true })
  .trim()
  .min(1, "Write the note.")
  .max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`);

/** A new staff note, optionally tied to an alert, a program change or an episode, or correcting an earlier note. */
export const noteCreateSchema = z.object({
  athleteId,
  body: noteBody,
  alertId: optionalId("an alert"),
  programEventId: optionalId("a program change"),
  episodeId: optionalId("an episode"),
  correctsNoteId: optionalId("the note to correct"),
});
export type NoteCreateInput = z.infer<typeof noteCreateSchema>;

/** The author's edit within 24 hours. */
export const noteEditSchema = z.object({ athleteId, noteId: z.uuid({ error: "That note was not found." }), body: noteBody });
export type NoteEditInput = z.infer<typeof noteEditSchema>;

export const noteArchiveSchema = z.object({ athleteId, noteId: z.uuid({ error: "That note was not found." }) });
export type NoteArchiveInput = z.infer<typeof noteArchiveSchema>;

/** The filter box of the notes section (?notes=…). */
export const noteSearchSchema = searchText(200).catch(undefined);

export const episodeStartSchema = z.object({
  athleteId,
  condition: plainText().trim().min(1, "Enter the condition.").max(120, "Keep the condition under 120 characters."),
  side: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.enum(INJURED_SIDES, { error: "Choose left, right or both." }).nullable().optional()),
  onsetDate: z.preprocess(blankToUndefined, isoDate("the onset date").optional()),
});
export type EpisodeStartInput = z.infer<typeof episodeStartSchema>;

export const episodeResolveSchema = z.object({
  athleteId,
  episodeId: z.uuid({ error: "That episode was not found." }),
  resolvedOn: isoDate("the resolution date"),
  note: z.preprocess(blankToUndefined, plainText({ multiline: true }).trim().max(2000, "Keep the note under 2000 characters.").optional()),
});
export type EpisodeResolveInput = z.infer<typeof episodeResolveSchema>;
