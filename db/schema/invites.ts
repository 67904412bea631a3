import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { athletes } from "./athletes";
import { clinics, userRole, users } from "./clinics";

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    // sha-256 of the one-time token; the token itself is shown once and never stored
    tokenHash: text("token_hash").notNull(),
    role: userRole("role").notNull(),
    athleteId: uuid("athlete_id").references(() => athletes.id),
    email: text("email"),
    name: text("name"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invites_token_hash_unique").on(t.tokenHash),
    index("invites_clinic_athlete_idx").on(t.clinicId, t.athleteId),
    index("invites_created_by_idx").on(t.createdBy),
  ],
);

export type Invite = typeof invites.$inferSelect;
