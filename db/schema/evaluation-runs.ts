import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";

/**
 * One run of the day-start evaluation (DESIGN §2d: every active and return-to-run athlete is
 * evaluated when their local day begins; lib/data/derived/day-start.ts). A system record, not a
 * clinic's: which server ran it, when, and its totals across clinics. Counts are written after each
 * batch, so a run that died part-way shows what it did and has no finished_at.
 */
export const evaluationRuns = pgTable(
  "evaluation_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // schedule: the job queue's clock (or PGlite's in-process timer); startup: a server that just
    // started catches up at once; manual: an operator ran it
    trigger: text("trigger").notNull(),
    // host:pid of the process that ran it
    runner: text("runner").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // athletes found due, evaluated by this run, left to another run that held them, failed
    athletesDue: integer("athletes_due").notNull().default(0),
    athletesEvaluated: integer("athletes_evaluated").notNull().default(0),
    athletesSkipped: integer("athletes_skipped").notNull().default(0),
    failures: integer("failures").notNull().default(0),
    // for operators (logged too); never shown to a clinic
    lastError: text("last_error"),
  },
  (t) => [
    index("evaluation_runs_started_idx").on(t.startedAt),
    check("evaluation_runs_trigger", sql`${t.trigger} in ('schedule', 'startup', 'manual')`),
    check("evaluation_runs_counts", sql`${t.athletesDue} >= 0 and ${t.athletesEvaluated} >= 0 and ${t.athletesSkipped} >= 0 and ${t.failures} >= 0`),
  ],
);

/**
 * A run's numbers for one clinic, so an owner sees their own clinic's (settings page) and nothing
 * of another's. Only clinics the run evaluated or failed an athlete of have a row.
 */
export const evaluationRunClinics = pgTable(
  "evaluation_run_clinics",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    runId: uuid("run_id")
      .notNull()
      .references(() => evaluationRuns.id, { onDelete: "cascade" }),
    // the run's start, copied so "this clinic's latest run" is one index read
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    athletesEvaluated: integer("athletes_evaluated").notNull().default(0),
    failures: integer("failures").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.runId] }),
    index("evaluation_run_clinics_clinic_started_idx").on(t.clinicId, t.startedAt),
    index("evaluation_run_clinics_run_idx").on(t.runId),
    check("evaluation_run_clinics_counts", sql`${t.athletesEvaluated} >= 0 and ${t.failures} >= 0`),
  ],
);

export type EvaluationRun = typeof evaluationRuns.$inferSelect;
export type EvaluationRunClinic = typeof evaluationRunClinics.$inferSelect;
