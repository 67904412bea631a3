import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";

export const athleteStatus = pgEnum("athlete_status", ["active", "return_to_run", "cleared", "archived"]);
export const injuredSide = pgEnum("injured_side", ["left", "right", "both"]);
export const episodeStatus = pgEnum("episode_status", ["active", "resolved"]);

export const athletes = pgTable(
  "athletes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    // set when the athlete accepts an invitation and gets a login
    userId: uuid("user_id").references(() => users.id),
    name: text("name").notNull(),
    email: text("email"),
    sportGroup: text("sport_group"),
    birthYear: integer("birth_year"),
    // the current injury episode's condition, side and onset, kept in step with injury_episodes
    // (drizzle/0018 triggers: a change here edits the active episode, or opens one when none is)
    injuredSide: injuredSide("injured_side"),
    condition: text("condition").notNull().default("Medial knee pain"),
    onsetDate: date("onset_date"),
    status: athleteStatus("status").notNull().default("active"),
    // status before archiving, so restore puts the athlete back where they were
    statusBeforeArchive: athleteStatus("status_before_archive"),
    trainerId: uuid("trainer_id").references(() => users.id),
    timeZone: text("time_zone"),
    notes: text("notes"),
    // §2c: the trainer lets the athlete step up a running stage alone when step up holds
    rtrMayStepUp: boolean("rtr_may_step_up").notNull().default(false),
    // bumped by triggers on every change to the athlete's daily records, programme, prescription
    // and shoes (drizzle/0007, 0009): a cached chart series is valid while this number is unchanged
    dataVersion: integer("data_version").notNull().default(0),
    // the days whose chart rows are stored in series_days and current (drizzle/0009 lowers
    // series_through on any change to a record on or before it), and the time zone they assume
    seriesFrom: date("series_from", { mode: "string" }),
    seriesThrough: date("series_through", { mode: "string" }),
    seriesTimeZone: text("series_time_zone"),
    // lib/data/series-store.ts SERIES_VERSION the stored chart days were computed with (rules and
    // row shape): stored days of another version are computed again on the next read
    seriesVersion: integer("series_version"),
    // derived state (DESIGN §2d): alerts are current for every date up to evaluated_through; a
    // change to a dated record lowers alerts_from (triggers, drizzle/0011) to the earliest date it
    // touched, and lib/data/derived evaluates from there to today in the same transaction
    evaluatedThrough: date("evaluated_through", { mode: "string" }),
    alertsFrom: date("alerts_from", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("athletes_clinic_status_name_idx").on(t.clinicId, t.status, t.name),
    index("athletes_clinic_trainer_idx").on(t.clinicId, t.trainerId),
    index("athletes_clinic_group_idx").on(t.clinicId, t.sportGroup),
    index("athletes_status_evaluated_idx").on(t.status, t.evaluatedThrough),
    uniqueIndex("athletes_clinic_email_unique").on(t.clinicId, t.email),
    uniqueIndex("athletes_user_unique").on(t.userId),
    check("athletes_birth_year_range", sql`${t.birthYear} is null or ${t.birthYear} between 1900 and 2100`),
    check("athletes_email_lower", sql`${t.email} is null or ${t.email} = lower(${t.email})`),
  ],
);

export type Athlete = typeof athletes.$inferSelect;
export type AthleteStatus = (typeof athleteStatus.enumValues)[number];
export type InjuredSide = (typeof injuredSide.enumValues)[number];

/**
 * Status is a dated history (DESIGN §2d): a change takes effect from the athlete's local date and
 * cannot be backdated; evaluating a date uses the status in force on it (the latest row dated on or
 * before it). Written by a trigger on athletes (drizzle/0014) whatever code path changed the status.
 */
export const athleteStatusHistory = pgTable(
  "athlete_status_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    status: athleteStatus("status").notNull(),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("athlete_status_history_athlete_idx").on(t.clinicId, t.athleteId, t.fromDate)],
);

/**
 * Injury episodes (issue 18): an athlete has several over time, at most one active (partial unique
 * index). The first is opened by a trigger when the athlete is added (from the profile's condition,
 * side and onset); later ones by a trainer, after resolving the current one. Never deleted.
 */
export const injuryEpisodes = pgTable(
  "injury_episodes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    condition: text("condition").notNull(),
    side: injuredSide("side"),
    // null: the onset was never recorded (a blank is not a date)
    onsetDate: date("onset_date", { mode: "string" }),
    status: episodeStatus("status").notNull().default("active"),
    resolvedOn: date("resolved_on", { mode: "string" }),
    resolutionNote: text("resolution_note"),
    openedBy: uuid("opened_by").references(() => users.id),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("injury_episodes_clinic_athlete_idx").on(t.clinicId, t.athleteId, t.onsetDate),
    index("injury_episodes_athlete_idx").on(t.athleteId),
    index("injury_episodes_opened_by_idx").on(t.openedBy),
    index("injury_episodes_resolved_by_idx").on(t.resolvedBy),
    uniqueIndex("injury_episodes_one_active").on(t.athleteId).where(sql`${t.status} = 'active'`),
    check("injury_episodes_resolved", sql`(${t.status} = 'resolved') = (${t.resolvedOn} is not null)`),
    check("injury_episodes_resolved_after_onset", sql`${t.resolvedOn} is null or ${t.onsetDate} is null or ${t.resolvedOn} >= ${t.onsetDate}`),
  ],
);

export type InjuryEpisode = typeof injuryEpisodes.$inferSelect;
export type EpisodeStatus = (typeof episodeStatus.enumValues)[number];
