import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { athletes } from "./athletes";
import { clinics, users } from "./clinics";

const pain = (name: string) => integer(name);

/** One morning check-in per athlete per local date; saving again the same day updates it. */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    athleteId: uuid("athlete_id")
      .notNull()
      .references(() => athletes.id),
    date: date("date").notNull(),
    morningPain: pain("morning_pain"),
    clicking: boolean("clicking").notNull().default(false),
    locking: boolean("locking").notNull().default(false),
    givingWay: boolean("giving_way").notNull().default(false),
    swelling: boolean("swelling").notNull().default(false),
    nightPain: boolean("night_pain").notNull().default(false),
    cannotBearWeight: boolean("cannot_bear_weight").notNull().default(false),
    hotRedFever: boolean("hot_red_fever").notNull().default(false),
    tapeYesterday: boolean("tape_yesterday").notNull().default(false),
    note: text("note"),
    clientId: uuid("client_id"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("check_ins_clinic_athlete_date_unique").on(t.clinicId, t.athleteId, t.date),
    index("check_ins_athlete_idx").on(t.athleteId),
    index("check_ins_recorded_by_idx").on(t.recordedBy),
    check("check_ins_morning_pain_range", sql`${t.morningPain} is null or ${t.morningPain} between 0 and 10`),
  ],
);

export type CheckIn = typeof checkIns.$inferSelect;
