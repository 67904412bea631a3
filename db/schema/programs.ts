import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { athletes, injuryEpisodes } from "./athletes";
import { clinics, users } from "./clinics";
import { exercises } from "./exercises";

export const programItemStatus = pgEnum("program_item_status", ["active", "paused", "removed"]);
export const programEventKind = pgEnum("program_event_kind", [
  "added",
  "dosage_changed",
  "progressed",
  "regressed",
  "paused",
  "resumed",
  "removed",
]);

// shared dosage columns and their range checks (programs and templates alike)
const dosage = {
  sets: integer("sets").notNull(),
  reps: integer("reps"),
  holdSec: integer("hold_sec"),
  daysPerWeek: integer("days_per_week").notNull(),
  load: text("load"),
  note: text("note"),
};

/** One program per athlete; its items come and go, and nothing is ever hard-deleted. */
export const programs = pgTable(
  "programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("programs_clinic_athlete_unique").on(t.clinicId, t.athleteId),
    index("programs_athlete_idx").on(t.athleteId),
    index("programs_created_by_idx").on(t.createdBy),
  ],
);

export const programItems = pgTable(
  "program_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    programId: uuid("program_id")
      .notNull()
      .references(() => programs.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id),
    ...dosage,
    status: programItemStatus("status").notNull().default("active"),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("program_items_clinic_athlete_status_idx").on(t.clinicId, t.athleteId, t.status),
    index("program_items_program_idx").on(t.programId, t.position),
    index("program_items_athlete_idx").on(t.athleteId),
    index("program_items_exercise_idx").on(t.exerciseId),
    check("program_items_sets_range", sql`${t.sets} between 1 and 50`),
    check("program_items_reps_range", sql`${t.reps} is null or ${t.reps} between 1 and 200`),
    check("program_items_hold_range", sql`${t.holdSec} is null or ${t.holdSec} between 1 and 600`),
    check("program_items_days_range", sql`${t.daysPerWeek} between 1 and 7`),
    check("program_items_reps_xor_hold", sql`(${t.reps} is null) <> (${t.holdSec} is null)`),
  ],
);

/**
 * The change history of program items (DESIGN §2: who, when, from which step to which, and why).
 * Append-only. `before`/`after` hold the dosage snapshots; step numbers are the 1-based rungs at
 * the time of the change, since later inserts into a ladder may renumber what the trainer saw.
 */
export const programItemEvents = pgTable(
  "program_item_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    itemId: uuid("item_id")
      .notNull()
      .references(() => programItems.id),
    kind: programEventKind("kind").notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    reason: text("reason"),
    fromExerciseId: uuid("from_exercise_id").references(() => exercises.id),
    toExerciseId: uuid("to_exercise_id").references(() => exercises.id),
    fromStep: integer("from_step"),
    toStep: integer("to_step"),
    before: jsonb("before"),
    after: jsonb("after"),
    // the athlete's active injury episode when the change was made (a trigger, drizzle/0018)
    episodeId: uuid("episode_id").references(() => injuryEpisodes.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("program_item_events_episode_idx").on(t.episodeId),
    index("program_item_events_clinic_athlete_created_idx").on(t.clinicId, t.athleteId, t.createdAt),
    index("program_item_events_athlete_idx").on(t.athleteId),
    index("program_item_events_item_idx").on(t.itemId),
    index("program_item_events_actor_idx").on(t.actorId),
    index("program_item_events_from_exercise_idx").on(t.fromExerciseId),
    index("program_item_events_to_exercise_idx").on(t.toExerciseId),
  ],
);

/**
 * Program templates. Built-ins (clinic_id NULL, slug set) are seeded once and shown to every
 * clinic read-only; a clinic saves its own or copies a built-in to edit it.
 */
export const programTemplates = pgTable(
  "program_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    slug: text("slug"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("program_templates_slug_unique").on(t.slug),
    index("program_templates_clinic_name_idx").on(t.clinicId, t.name),
    index("program_templates_created_by_idx").on(t.createdBy),
    check("program_templates_builtin_has_slug", sql`(${t.clinicId} is null) = (${t.slug} is not null)`),
  ],
);

export const programTemplateItems = pgTable(
  "program_template_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    templateId: uuid("template_id")
      .notNull()
      .references(() => programTemplates.id),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id),
    ...dosage,
    position: integer("position").notNull().default(0),
    // removing an item from a template archives it, like every other deletion
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("program_template_items_clinic_template_idx").on(t.clinicId, t.templateId, t.position),
    index("program_template_items_template_idx").on(t.templateId, t.position),
    index("program_template_items_exercise_idx").on(t.exerciseId),
    check("program_template_items_sets_range", sql`${t.sets} between 1 and 50`),
    check("program_template_items_reps_range", sql`${t.reps} is null or ${t.reps} between 1 and 200`),
    check("program_template_items_hold_range", sql`${t.holdSec} is null or ${t.holdSec} between 1 and 600`),
    check("program_template_items_days_range", sql`${t.daysPerWeek} between 1 and 7`),
    check("program_template_items_reps_xor_hold", sql`(${t.reps} is null) <> (${t.holdSec} is null)`),
  ],
);

/**
 * The running prescription (DESIGN §2 "Load"). Append-only: the current one is the newest row,
 * older rows are its history. Distances in metres, run/walk intervals in seconds.
 */
export const runningPrescriptions = pgTable(
  "running_prescriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    weeklyDistanceM: integer("weekly_distance_m").notNull(),
    longestRunM: integer("longest_run_m").notNull(),
    runIntervalSec: integer("run_interval_sec"),
    walkIntervalSec: integer("walk_interval_sec"),
    note: text("note"),
    setBy: uuid("set_by").references(() => users.id),
    // the athlete's active injury episode when the prescription was set (a trigger, drizzle/0018)
    episodeId: uuid("episode_id").references(() => injuryEpisodes.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("running_prescriptions_episode_idx").on(t.episodeId),
    index("running_prescriptions_clinic_athlete_created_idx").on(t.clinicId, t.athleteId, t.createdAt),
    index("running_prescriptions_athlete_idx").on(t.athleteId),
    index("running_prescriptions_set_by_idx").on(t.setBy),
    check("running_prescriptions_weekly_range", sql`${t.weeklyDistanceM} between 0 and 500000`),
    check("running_prescriptions_longest_range", sql`${t.longestRunM} between 0 and ${t.weeklyDistanceM}`),
    check(
      "running_prescriptions_run_walk",
      sql`(${t.runIntervalSec} is null and ${t.walkIntervalSec} is null) or (${t.runIntervalSec} between 1 and 3600 and ${t.walkIntervalSec} between 1 and 3600)`,
    ),
  ],
);

export type Program = typeof programs.$inferSelect;
export type ProgramItem = typeof programItems.$inferSelect;
export type ProgramItemStatus = (typeof programItemStatus.enumValues)[number];
export type ProgramEventKind = (typeof programEventKind.enumValues)[number];
export type ProgramItemEvent = typeof programItemEvents.$inferSelect;
export type ProgramTemplate = typeof programTemplates.$inferSelect;
export type ProgramTemplateItem = typeof programTemplateItems.$inferSelect;
export type RunningPrescription = typeof runningPrescriptions.$inferSelect;
