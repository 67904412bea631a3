import "server-only";
import { and, eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { alerts, athletes, checkIns, clinics, activities, exerciseLogs, exercises, programItemEvents, programItems, runningPrescriptions, shoes, stageAssignments, users } from "@/db/schema";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { forbidden } from "@/lib/errors";
import { athleteView, type RecordKind } from "./visibility";

/**
 * Data rights: every record stored about one athlete, each as the athlete may see it (for them:
 * ./visibility keeps the staff's notes and the app's bookkeeping out), and everything a clinic
 * holds (for its owner, every field). Archived rows are included and marked, since "everything"
 * means everything; password hashes and token hashes never leave the database.
 */
export type Dataset = Record<string, unknown>[];
export type AthleteExport = { exportedAt: string; athlete: Record<string, unknown>; datasets: Record<string, Dataset> };

export const ATHLETE_DATASETS = ["check_ins", "activities", "exercise_logs", "program_items", "program_history", "running_prescriptions", "shoes", "stage_assignments", "alerts"] as const;

export async function exportAthleteData(scope: AthleteScope): Promise<AthleteExport> {
  const db = getDb();
  const mine = (t: { clinicId: AnyPgColumn; athleteId: AnyPgColumn }) => and(eq(t.clinicId, scope.clinicId), eq(t.athleteId, scope.athleteId));
  const [[athlete], ci, act, logs, items, events, rx, sh, stages, al] = await Promise.all([
    db.select().from(athletes).where(and(eq(athletes.id, scope.athleteId), eq(athletes.clinicId, scope.clinicId))),
    db.select().from(checkIns).where(mine(checkIns)).orderBy(checkIns.date),
    db.select().from(activities).where(mine(activities)).orderBy(activities.startedAt),
    db.select().from(exerciseLogs).where(mine(exerciseLogs)).orderBy(exerciseLogs.date),
    db
      .select({ item: programItems, exerciseName: exercises.name })
      .from(programItems)
      .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
      .where(mine(programItems)),
    db.select().from(programItemEvents).where(mine(programItemEvents)).orderBy(programItemEvents.createdAt),
    db.select().from(runningPrescriptions).where(mine(runningPrescriptions)).orderBy(runningPrescriptions.createdAt),
    db.select().from(shoes).where(mine(shoes)),
    db.select().from(stageAssignments).where(mine(stageAssignments)).orderBy(stageAssignments.createdAt),
    db.select().from(alerts).where(mine(alerts)).orderBy(alerts.date),
  ]);
  // the athlete's self-service export: each record as the athlete may see it (./visibility), so
  // the staff's notes and reasons stay out; the owner's clinic export below has every field
  const seen = <T extends object>(kind: RecordKind, rows: T[]) => rows.map((r) => athleteView(kind, r));
  return {
    exportedAt: new Date().toISOString(),
    athlete: athlete ? athleteView("athlete", athlete) : {},
    datasets: {
      check_ins: seen("checkIn", ci),
      activities: seen("activity", act),
      exercise_logs: seen("exerciseLog", logs),
      program_items: seen("programItem", items.map((r) => ({ ...r.item, exerciseName: r.exerciseName }))),
      program_history: seen("programEvent", events),
      running_prescriptions: seen("prescription", rx),
      shoes: seen("shoe", sh),
      stage_assignments: seen("stageAssignment", stages),
      alerts: seen("alert", al),
    },
  };
}

/** The owner's export of the whole clinic, one dataset per table. */
export async function exportClinicData(scope: TrainerScope): Promise<{ exportedAt: string; clinic: Record<string, unknown>; datasets: Record<string, Dataset> }> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can export the clinic's data.");
  const db = getDb();
  const byClinic = (t: { clinicId: AnyPgColumn }) => eq(t.clinicId, scope.clinicId);
  const [[clinic], people, roster, ci, act, logs, items, events, rx, sh, stages, al] = await Promise.all([
    db.select().from(clinics).where(eq(clinics.id, scope.clinicId)),
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, unit: users.unit, archivedAt: users.archivedAt, createdAt: users.createdAt })
      .from(users)
      .where(byClinic(users)),
    db.select().from(athletes).where(byClinic(athletes)),
    db.select().from(checkIns).where(byClinic(checkIns)),
    db.select().from(activities).where(byClinic(activities)),
    db.select().from(exerciseLogs).where(byClinic(exerciseLogs)),
    db.select().from(programItems).where(byClinic(programItems)),
    db.select().from(programItemEvents).where(byClinic(programItemEvents)),
    db.select().from(runningPrescriptions).where(byClinic(runningPrescriptions)),
    db.select().from(shoes).where(byClinic(shoes)),
    db.select().from(stageAssignments).where(byClinic(stageAssignments)),
    db.select().from(alerts).where(byClinic(alerts)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    clinic: clinic ?? {},
    datasets: { users: people, athletes: roster, check_ins: ci, activities: act, exercise_logs: logs, program_items: items, program_history: events, running_prescriptions: rx, shoes: sh, stage_assignments: stages, alerts: al },
  };
}
