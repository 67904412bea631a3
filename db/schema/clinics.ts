import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["owner", "trainer", "athlete"]);
export const distanceUnit = pgEnum("distance_unit", ["km", "mi"]);
/** How a trainer hears of alerts away from the app (DESIGN §2e): each urgent one at once, a daily digest too, or neither. */
export const alertEmail = pgEnum("alert_email", ["immediate", "digest", "none"]);

export const clinics = pgTable("clinics", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // IANA zone taken from the browser at sign-up; athletes default to it
  timeZone: text("time_zone").notNull().default("UTC"),
  // the owner's rule: every trainer (and the owner) signs in with a second factor (lib/data/two-factor.ts)
  requireTwoFactor: boolean("require_two_factor").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    unit: distanceUnit("unit").notNull().default("km"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    // staff only (athletes keep the defaults, unread): alert emails, the digest's local hour in the
    // clinic's time zone, and the last local date a digest was handled (one per day)
    alertEmail: alertEmail("alert_email").notNull().default("immediate"),
    digestHour: smallint("digest_hour").notNull().default(7),
    digestSentOn: date("digest_sent_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // emails are stored lower-cased; the check keeps a stray write from breaking uniqueness
    uniqueIndex("users_email_unique").on(t.email),
    index("users_clinic_role_idx").on(t.clinicId, t.role),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    check("users_digest_hour_range", sql`${t.digestHour} between 0 and 23`),
  ],
);

export type Clinic = typeof clinics.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type DistanceUnit = (typeof distanceUnit.enumValues)[number];
export type AlertEmail = (typeof alertEmail.enumValues)[number];
