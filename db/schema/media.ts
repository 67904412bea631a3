import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";
import { exercises } from "./exercises";

/** bytea: `pg` hands back a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Stored files behind lib/storage/objects.ts (put/get/delete by key). In PostgreSQL so that one
 * backup holds everything, a write commits with the row that points at it, and two app servers
 * need no shared disk; an object store can replace this table behind the same interface.
 */
export const storedObjects = pgTable(
  "stored_objects",
  {
    key: text("key").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stored_objects_clinic_idx").on(t.clinicId), check("stored_objects_size_range", sql`${t.size} between 1 and 10485760`)],
);

/**
 * A clinic's photo and video link for one exercise, built-in or its own: keyed by clinic +
 * exercise, so a clinic illustrates a built-in for its athletes without copying it, and no other
 * clinic sees it. The photo is a WebP in stored_objects (key holds its content hash).
 */
export const exerciseMedia = pgTable(
  "exercise_media",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id),
    photoKey: text("photo_key"),
    photoWidth: integer("photo_width"),
    photoHeight: integer("photo_height"),
    /** the privacy-enhanced embed address (youtube-nocookie.com or player.vimeo.com with dnt=1) */
    videoUrl: text("video_url"),
    updatedBy: uuid("updated_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("exercise_media_clinic_exercise_unique").on(t.clinicId, t.exerciseId),
    index("exercise_media_exercise_idx").on(t.exerciseId),
    index("exercise_media_updated_by_idx").on(t.updatedBy),
    check("exercise_media_photo_whole", sql`(${t.photoKey} is null) = (${t.photoWidth} is null) and (${t.photoKey} is null) = (${t.photoHeight} is null)`),
  ],
);

export type ExerciseMediaRow = typeof exerciseMedia.$inferSelect;
