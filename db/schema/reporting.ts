import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { athletes } from "./athletes";
import { clinics, users } from "./clinics";
import { programItems } from "./programs";
import { runStages } from "./return-to-run";

export const activityType = pgEnum("activity_type", ["run", "walk", "bike", "swim", "water_jog", "other"]);
/** §2c: how a return-to-run stage session ended, and why it stopped early. */
export const sessionOutcome = pgEnum("session_outcome", ["completed", "stopped_early"]);
export const sessionStopReason = pgEnum("session_stop_reason", ["pain", "other"]);
export const activitySource = pgEnum("activity_source", ["manual", "file"]);

const painRange = (col: unknown) => sql`${col} is null or ${col} between 0 and 10`;

/** Running shoes; each shows its distance and a replacement reminder (DESIGN §2 Shoes). */
export const shoes = pgTable(
  "shoes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    name: text("name").notNull(),
    // the evidence for any cutoff is weak, so it is a setting, default 800 km
    reminderM: integer("reminder_m").notNull().default(800_000),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    clientId: uuid("client_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("shoes_clinic_athlete_idx").on(t.clinicId, t.athleteId),
    index("shoes_athlete_idx").on(t.athleteId),
    uniqueIndex("shoes_clinic_client_unique").on(t.clinicId, t.clientId),
    check("shoes_reminder_range", sql`${t.reminderM} between 50000 and 5000000`),
  ],
);

/**
 * Runs and cross-training. `date` is the start's calendar date in the athlete's time zone, stored
 * so that windows are plain date ranges. `client_id` makes a retried submit store one row.
 */
export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    type: activityType("type").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    date: date("date").notNull(),
    durationSec: integer("duration_sec").notNull(),
    movingSec: integer("moving_sec"),
    distanceM: real("distance_m"),
    rpe: integer("rpe").notNull(),
    painDuring: integer("pain_during"),
    painAfter: integer("pain_after"),
    shoeId: uuid("shoe_id").references(() => shoes.id),
    note: text("note"),
    source: activitySource("source").notNull().default("manual"),
    fileName: text("file_name"),
    clientId: uuid("client_id").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    // §2c: a stage session is logged against the stage in force, completed or stopped early
    stageId: uuid("stage_id").references(() => runStages.id),
    sessionOutcome: sessionOutcome("session_outcome"),
    stoppedAtRepeat: integer("stopped_at_repeat"),
    stopReason: sessionStopReason("stop_reason"),
    // running time recorded by the interval timer, when there was one
    runningSec: integer("running_sec"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activities_stage_idx").on(t.stageId),
    check("activities_session_has_outcome", sql`(${t.stageId} is null) = (${t.sessionOutcome} is null)`),
    check("activities_stop_fields", sql`${t.sessionOutcome} is not distinct from 'stopped_early' or (${t.stopReason} is null and ${t.stoppedAtRepeat} is null)`),
    check("activities_stopped_at_repeat_range", sql`${t.stoppedAtRepeat} is null or ${t.stoppedAtRepeat} between 0 and 30`),
    check("activities_running_sec_range", sql`${t.runningSec} is null or (${t.runningSec} >= 0 and ${t.runningSec} <= ${t.durationSec})`),
    uniqueIndex("activities_clinic_client_unique").on(t.clinicId, t.clientId),
    index("activities_clinic_athlete_date_idx").on(t.clinicId, t.athleteId, t.date),
    index("activities_athlete_idx").on(t.athleteId),
    index("activities_shoe_idx").on(t.shoeId),
    index("activities_recorded_by_idx").on(t.recordedBy),
    // the same file (same start) imported twice is refused
    uniqueIndex("activities_file_start_unique")
      .on(t.clinicId, t.athleteId, t.startedAt)
      .where(sql`${t.source} = 'file' and ${t.archivedAt} is null`),
    check("activities_duration_range", sql`${t.durationSec} > 0 and ${t.durationSec} <= 86400`),
    check("activities_distance_range", sql`${t.distanceM} is null or (${t.distanceM} >= 0 and ${t.distanceM} <= 250000)`),
    check("activities_rpe_range", sql`${t.rpe} between 0 and 10`),
    check("activities_pain_during_range", painRange(t.painDuring)),
    check("activities_pain_after_range", painRange(t.painAfter)),
    // a stage session's distance is optional (§2c)
    check("activities_run_has_distance", sql`${t.type} <> 'run' or ${t.distanceM} > 0 or (${t.stageId} is not null and ${t.distanceM} is null)`),
  ],
);

/** An exercise ticked off on a date: sets done, pain during it, and whether it could be finished. */
export const exerciseLogs = pgTable(
  "exercise_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    programItemId: uuid("program_item_id")
      .notNull()
      .references(() => programItems.id),
    date: date("date").notNull(),
    setsDone: integer("sets_done").notNull(),
    setsPrescribed: integer("sets_prescribed").notNull(),
    exercisePain: integer("exercise_pain"),
    couldNotFinish: boolean("could_not_finish").notNull().default(false),
    clientId: uuid("client_id").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("exercise_logs_clinic_client_unique").on(t.clinicId, t.clientId),
    index("exercise_logs_clinic_athlete_date_idx").on(t.clinicId, t.athleteId, t.date),
    index("exercise_logs_item_idx").on(t.programItemId, t.date),
    index("exercise_logs_athlete_idx").on(t.athleteId),
    index("exercise_logs_recorded_by_idx").on(t.recordedBy),
    check("exercise_logs_sets_range", sql`${t.setsDone} between 0 and 50 and ${t.setsPrescribed} between 1 and 50`),
    check("exercise_logs_pain_range", painRange(t.exercisePain)),
  ],
);

export type Shoe = typeof shoes.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type ExerciseLogRow = typeof exerciseLogs.$inferSelect;
export type ActivityType = (typeof activityType.enumValues)[number];
