import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A sign-up waiting for its owner to confirm the email address (lib/data/sign-ups.ts): the clinic
 * and the account are created only when the emailed link is opened. Only the token's sha-256 is
 * stored; the password is kept as its argon2 hash, checked again at confirmation. Not tenant
 * data: it belongs to no clinic yet.
 */
export const pendingSignUps = pgTable(
  "pending_sign_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull(),
    clinicName: text("clinic_name").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pending_sign_ups_token_hash_unique").on(t.tokenHash),
    index("pending_sign_ups_email_idx").on(t.email),
    check("pending_sign_ups_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export type PendingSignUp = typeof pendingSignUps.$inferSelect;
