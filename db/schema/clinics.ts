import { sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["owner", "trainer", "athlete"]);
export const distanceUnit = pgEnum("distance_unit", ["km", "mi"]);

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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // emails are stored lower-cased; the check keeps a stray write from breaking uniqueness
    uniqueIndex("users_email_unique").on(t.email),
    index("users_clinic_role_idx").on(t.clinicId, t.role),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export type Clinic = typeof clinics.$inferSelect;
export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type DistanceUnit = (typeof distanceUnit.enumValues)[number];
