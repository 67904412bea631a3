import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { athletes } from "./athletes";
import { clinics, users } from "./clinics";

/**
 * Running ladders (DESIGN §2c): a return-to-run plan of stages, easiest first. The built-in one
 * (clinic_id NULL, slug set) is seeded by its migration and read-only; a clinic copies it and edits
 * the copy. Stages keep stable ids (alerts name them); removing one archives it.
 */
export const runLadders = pgTable(
  "run_ladders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    slug: text("slug"),
    name: text("name").notNull(),
    copiedFromId: uuid("copied_from_id"),
    createdBy: uuid("created_by").references(() => users.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("run_ladders_slug_unique").on(t.slug),
    index("run_ladders_clinic_idx").on(t.clinicId, t.name),
    index("run_ladders_created_by_idx").on(t.createdBy),
    check("run_ladders_builtin_has_slug", sql`(${t.clinicId} is null) = (${t.slug} is not null)`),
  ],
);

/** One stage: a session recipe (run and walk minutes, repeats) and sessions per week. */
export const runStages = pgTable(
  "run_stages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    ladderId: uuid("ladder_id")
      .notNull()
      .references(() => runLadders.id),
    // fractional, so inserting a stage renumbers nothing (lib/domain/ladder.ts insertPosition)
    position: real("position").notNull(),
    runMin: integer("run_min").notNull(),
    walkMin: integer("walk_min").notNull(),
    repeats: integer("repeats").notNull(),
    sessionsPerWeek: integer("sessions_per_week").notNull().default(3),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("run_stages_ladder_idx").on(t.ladderId, t.position),
    index("run_stages_clinic_idx").on(t.clinicId),
    check("run_stages_minutes_range", sql`${t.runMin} between 0 and 180 and ${t.walkMin} between 0 and 180 and ${t.runMin} + ${t.walkMin} > 0`),
    check("run_stages_repeats_range", sql`${t.repeats} between 1 and 30`),
    check("run_stages_sessions_range", sql`${t.sessionsPerWeek} between 1 and 7`),
  ],
);

export const stageAssignmentKind = pgEnum("stage_assignment_kind", ["started", "stepped_up", "stepped_down", "resumed", "set", "finished", "stopped"]);

/**
 * Stage assignments: a dated history (DESIGN §2c, §2d). Dated with the athlete's local today when
 * made, never backdated; the stage in force on d is the latest dated on or before d. by_trainer
 * tells a trainer's assignment (which resumes a paused plan) from an athlete's own step.
 * "finished" and "stopped" rows take the athlete off the ladder (stage_id NULL).
 */
export const stageAssignments = pgTable(
  "stage_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    ladderId: uuid("ladder_id")
      .notNull()
      .references(() => runLadders.id),
    stageId: uuid("stage_id").references(() => runStages.id),
    date: date("date", { mode: "string" }).notNull(),
    kind: stageAssignmentKind("kind").notNull(),
    byTrainer: boolean("by_trainer").notNull(),
    madeBy: uuid("made_by").references(() => users.id),
    reason: text("reason").notNull(),
    fromStageNumber: integer("from_stage_number"),
    toStageNumber: integer("to_stage_number"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stage_assignments_athlete_idx").on(t.clinicId, t.athleteId, t.date, t.createdAt),
    index("stage_assignments_athlete_fk_idx").on(t.athleteId),
    index("stage_assignments_ladder_idx").on(t.ladderId),
    index("stage_assignments_stage_idx").on(t.stageId),
    index("stage_assignments_made_by_idx").on(t.madeBy),
    check("stage_assignments_stage_unless_off", sql`(${t.stageId} is null) = (${t.kind} in ('finished', 'stopped'))`),
  ],
);

export type RunLadder = typeof runLadders.$inferSelect;
export type RunStageRow = typeof runStages.$inferSelect;
export type StageAssignmentRow = typeof stageAssignments.$inferSelect;
