import { sql } from "drizzle-orm";
import { boolean, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics";

/**
 * The exercise library. Built-in rows (DESIGN §2 ladders) have clinic_id NULL and a slug, and are
 * upserted by scripts/seed/library.ts on every fresh database; a clinic's own rows carry its clinic_id
 * and no slug, so the seed can never touch them. Built-ins are read-only to clinics: a clinic
 * copies one (copied_from_id) to change it.
 */
export const ladders = pgTable(
  "ladders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    slug: text("slug"),
    name: text("name").notNull(),
    region: text("region").notNull(),
    description: text("description").notNull().default(""),
    copiedFromId: uuid("copied_from_id"),
    createdBy: uuid("created_by").references(() => users.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // NULLs are distinct, so this only constrains built-in rows
    uniqueIndex("ladders_slug_unique").on(t.slug),
    index("ladders_clinic_region_idx").on(t.clinicId, t.region),
    index("ladders_created_by_idx").on(t.createdBy),
    check("ladders_builtin_has_slug", sql`(${t.clinicId} is null) = (${t.slug} is not null)`),
    check("ladders_region_known", sql`${t.region} in ('hip','foot','knee','core')`),
  ],
);

export const exercises = pgTable(
  "exercises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    slug: text("slug"),
    name: text("name").notNull(),
    region: text("region").notNull(),
    howTo: text("how_to").array().notNull().default(sql`'{}'::text[]`),
    cues: text("cues").array().notNull().default(sql`'{}'::text[]`),
    equipment: text("equipment").array().notNull().default(sql`'{}'::text[]`),
    defaultSets: integer("default_sets").notNull(),
    defaultReps: integer("default_reps"),
    defaultHoldSec: integer("default_hold_sec"),
    defaultDaysPerWeek: integer("default_days_per_week").notNull(),
    /** 'strength' or 'mobility' (stretching and mobility): what the library filters by. */
    kind: text("kind").notNull().default("strength"),
    /** Done one side at a time: the dosage is per side ("3 × 30 s each side"). */
    perSide: boolean("per_side").notNull().default(false),
    copiedFromId: uuid("copied_from_id"),
    createdBy: uuid("created_by").references(() => users.id),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("exercises_slug_unique").on(t.slug),
    index("exercises_clinic_region_name_idx").on(t.clinicId, t.region, t.name),
    index("exercises_clinic_kind_idx").on(t.clinicId, t.kind),
    index("exercises_created_by_idx").on(t.createdBy),
    check("exercises_builtin_has_slug", sql`(${t.clinicId} is null) = (${t.slug} is not null)`),
    check("exercises_region_known", sql`${t.region} in ('hip','foot','knee','core')`),
    check("exercises_kind_known", sql`${t.kind} in ('strength','mobility')`),
    check("exercises_sets_range", sql`${t.defaultSets} between 1 and 50`),
    check("exercises_reps_range", sql`${t.defaultReps} is null or ${t.defaultReps} between 1 and 200`),
    check("exercises_hold_range", sql`${t.defaultHoldSec} is null or ${t.defaultHoldSec} between 1 and 600`),
    check("exercises_days_range", sql`${t.defaultDaysPerWeek} between 1 and 7`),
    check("exercises_reps_xor_hold", sql`(${t.defaultReps} is null) <> (${t.defaultHoldSec} is null)`),
  ],
);

/**
 * One rung of a ladder. `position` is an ordering key that may be fractional (lib/domain/ladder.ts
 * insertPosition). A clinic may put its own exercise on a built-in ladder: that step row carries
 * the clinic's id, so each clinic sees the built-in steps plus its own, and nobody else's.
 * An exercise sits on at most one ladder.
 */
export const ladderSteps = pgTable(
  "ladder_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    ladderId: uuid("ladder_id")
      .notNull()
      .references(() => ladders.id),
    exerciseId: uuid("exercise_id")
      .notNull()
      .references(() => exercises.id),
    position: doublePrecision("position").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ladder_steps_exercise_unique").on(t.exerciseId),
    index("ladder_steps_clinic_ladder_idx").on(t.clinicId, t.ladderId, t.position),
    index("ladder_steps_ladder_idx").on(t.ladderId, t.position),
  ],
);

export type Ladder = typeof ladders.$inferSelect;
export type Exercise = typeof exercises.$inferSelect;
export type LadderStepRow = typeof ladderSteps.$inferSelect;
