import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";

/**
 * One row per sign-in. The session cookie stays a next-auth JWT (the credentials provider only
 * works with JWT sessions) and carries this row's id (`sid`); every request checks that the row
 * is not ended and its user not deactivated (lib/auth/session-check.ts). Ending a row is how
 * sign-out, "sign out everywhere", a password change or reset and a deactivation take effect.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    // signed_out, signed_out_everywhere, password_changed, password_reset, deactivated
    endedReason: text("ended_reason"),
    // a password was right but the second factor is still owed: no guard treats this as signed in
    secondFactorPending: boolean("second_factor_pending").notNull().default(false),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.endedAt), index("user_sessions_clinic_idx").on(t.clinicId)],
);

/** Password reset links: single use, one hour; only the token's sha-256 is stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    tokenHash: text("token_hash").notNull(),
    // null: the person asked themselves; else the trainer who sent it
    requestedBy: uuid("requested_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_unique").on(t.tokenHash),
    index("password_resets_user_idx").on(t.userId),
    index("password_resets_clinic_idx").on(t.clinicId),
    index("password_resets_requested_by_idx").on(t.requestedBy),
  ],
);

/**
 * Every outgoing email, written in the transaction of the action that causes it; a worker sends
 * pending rows (lib/mail/deliver.ts). `messageKey` is unique (say `invite:<id>`), so a retried
 * action queues one message; `status` moves pending → sending → sent (or failed after the last
 * attempt). The body of a sent message is cleared when it carried a link that signs someone in.
 * `clinicId` is null for mail to someone who belongs to no clinic yet (a sign-up's confirmation):
 * no owner's outbox shows it.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    messageKey: text("message_key").notNull(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body"),
    // the body holds a secret link: cleared once it is out of our hands
    secret: boolean("secret").notNull().default(false),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    transport: text("transport"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outbox_message_key_unique").on(t.messageKey),
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_clinic_created_idx").on(t.clinicId, t.createdAt),
    check("outbox_status", sql`${t.status} in ('pending', 'sending', 'sent', 'failed')`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * A staff member's TOTP (lib/data/two-factor.ts). `secretEnc` is the base32 secret sealed with
 * AES-256-GCM under a key derived from AUTH_SECRET (lib/auth/two-factor.ts). `enabledAt` null: set
 * up but not yet confirmed with a code (not in force). `lastTimeStep`: the last accepted code's
 * 30-second step; a code of that step or earlier is refused (no replay).
 */
export const userTwoFactor = pgTable(
  "user_two_factor",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    secretEnc: text("secret_enc").notNull(),
    enabledAt: timestamp("enabled_at", { withTimezone: true }),
    lastTimeStep: integer("last_time_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("user_two_factor_clinic_idx").on(t.clinicId)],
);

/** Ten one-time recovery codes per enrolment; only each code's sha-256 is stored. */
export const twoFactorRecoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("two_factor_recovery_codes_user_hash_unique").on(t.userId, t.codeHash)],
);
