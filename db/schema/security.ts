import { sql } from "drizzle-orm";
import { bigserial, check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";

/**
 * Failed sign-ins and invite attempts, counted in the database so a limit holds across several
 * app servers. `kind` says what is counted (sign-in per account, sign-in per IP, invite per IP);
 * `key` is the account's email or the IP. Rows older than a day are pruned as new ones arrive.
 * Not tenant data: an attempt belongs to no clinic yet.
 */
export const authAttempts = pgTable(
  "auth_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_attempts_kind_key_created_idx").on(t.kind, t.key, t.createdAt), index("auth_attempts_created_idx").on(t.createdAt)],
);

export const apiTokenScope = pgEnum("api_token_scope", ["read", "write"]);

/** Personal API tokens of trainers: the token is shown once; only its sha-256 is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    // the first characters of the token, so a person can tell their tokens apart
    prefix: text("prefix").notNull(),
    scope: apiTokenScope("scope").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("api_tokens_token_hash_unique").on(t.tokenHash),
    index("api_tokens_clinic_user_idx").on(t.clinicId, t.userId),
    index("api_tokens_user_idx").on(t.userId),
    check("api_tokens_name_length", sql`char_length(${t.name}) between 1 and 80`),
  ],
);

export type ApiToken = typeof apiTokens.$inferSelect;
