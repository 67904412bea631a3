import { date, doublePrecision, foreignKey, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { athletes } from "./athletes";

/**
 * Each day's chart row of an athlete, as the series endpoint sends it (lib/data/series-store.ts),
 * kept so that a chart reads stored rows instead of recomputing years of §2a rules on every view.
 * Only rows inside the athlete's stored range (athletes.series_from … series_through, in
 * athletes.series_time_zone) are current: database triggers lower series_through in the same
 * transaction as any change to a record on or before it (drizzle/0009), and the next read
 * computes the days after it again. Rows outside the range are stale and never read.
 */
export const seriesDays = pgTable(
  "series_days",
  {
    clinicId: uuid("clinic_id").notNull(),
    athleteId: uuid("athlete_id").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    /** The row's JSON exactly as sent (seriesRowSchema's key order). */
    body: text("body").notNull(),
    /** The unrounded EWMAs of this day (null before the first day with data): the next day continues from them. */
    acuteEwma: doublePrecision("acute_ewma"),
    chronicEwma: doublePrecision("chronic_ewma"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.athleteId, t.date] }),
    foreignKey({ columns: [t.athleteId], foreignColumns: [athletes.id] }).onDelete("cascade"),
  ],
);
