import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { alerts } from "./alerts";
import { athletes, injuryEpisodes } from "./athletes";
import { clinics, users } from "./clinics";
import { programItemEvents } from "./programs";

/**
 * Staff-only clinical notes (issue 18): a dated timeline per athlete, never shown to the athlete.
 * The author may edit a note for 24 hours; afterwards a note is changed only by a new note that
 * corrects it (corrects_note_id; a note is corrected at most once, so corrections form a chain).
 * Never deleted: the author may archive a note within the same 24 hours.
 */
export const clinicalNotes = pgTable(
  "clinical_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    alertId: uuid("alert_id").references(() => alerts.id),
    programEventId: uuid("program_event_id").references(() => programItemEvents.id),
    episodeId: uuid("episode_id").references(() => injuryEpisodes.id),
    correctsNoteId: uuid("corrects_note_id").references((): AnyPgColumn => clinicalNotes.id),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("clinical_notes_clinic_athlete_created_idx").on(t.clinicId, t.athleteId, t.createdAt),
    index("clinical_notes_athlete_idx").on(t.athleteId),
    index("clinical_notes_author_idx").on(t.authorId),
    index("clinical_notes_alert_idx").on(t.alertId),
    index("clinical_notes_program_event_idx").on(t.programEventId),
    index("clinical_notes_episode_idx").on(t.episodeId),
    uniqueIndex("clinical_notes_corrects_unique").on(t.correctsNoteId),
    check("clinical_notes_body_length", sql`char_length(${t.body}) between 1 and 5000`),
  ],
);

export type ClinicalNote = typeof clinicalNotes.$inferSelect;
