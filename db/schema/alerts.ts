import { check, date, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { athletes, injuryEpisodes } from "./athletes";
import { clinics, users } from "./clinics";

export const alertSeverity = pgEnum("alert_severity", ["urgent", "high", "moderate", "good_news"]);
export const alertStatus = pgEnum("alert_status", ["open", "acknowledged", "resolved"]);

/**
 * Derived from the athlete's data (DESIGN.md §2a, §2d). Identity is (athlete, date, kind, subject);
 * dedupe_key spells it (kind:subject:date), so evaluating again never stores an alert twice.
 * An alert that no longer holds is retired (retired_at, retired_reason), never deleted. Members of
 * one display group (same athlete, kind and subject on consecutive dates) share group_start.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    kind: text("kind").notNull(),
    severity: alertSeverity("severity").notNull(),
    flag: text("flag"),
    subjectId: uuid("subject_id"),
    // §2d's subject: the flag, the activity, the item, the cap ("weekly" / "longest"); null when none
    subject: text("subject"),
    // the first date of the run of consecutive dates this alert's (kind, subject) holds on
    groupStart: date("group_start", { mode: "string" }),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    retiredReason: text("retired_reason"),
    date: date("date").notNull(),
    reason: text("reason").notNull(),
    // the numbers behind the reason (AlertFacts in lib/domain/types); null for alerts stored before
    // facts existed, filled in when their date is evaluated again
    facts: jsonb("facts"),
    dedupeKey: text("dedupe_key").notNull(),
    status: alertStatus("status").notNull().default("open"),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    note: text("note"),
    // the injury episode in force on the alert's date (set by a trigger, drizzle/0018); null when none
    episodeId: uuid("episode_id").references(() => injuryEpisodes.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("alerts_clinic_athlete_key_unique").on(t.clinicId, t.athleteId, t.dedupeKey),
    index("alerts_clinic_status_severity_idx").on(t.clinicId, t.status, t.severity),
    index("alerts_athlete_idx").on(t.athleteId),
    index("alerts_clinic_athlete_date_idx").on(t.clinicId, t.athleteId, t.date),
    index("alerts_acknowledged_by_idx").on(t.acknowledgedBy),
    index("alerts_resolved_by_idx").on(t.resolvedBy),
    index("alerts_episode_idx").on(t.episodeId),
    check("alerts_kind_known", sql`${t.kind} in ('red_flag','pain_7','running_pain','morning_pain','morning_rise','run_spike','weekly_jump','over_prescription','missed_checkins','ready_to_progress','rtr_ready','rtr_step_down')`),
  ],
);

export type Alert = typeof alerts.$inferSelect;
