import "server-only";
import { and, eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  alerts,
  athletes,
  checkIns,
  clinicalNotes,
  clinics,
  activities,
  exerciseLogs,
  exercises,
  injuryEpisodes,
  programItemEvents,
  programItems,
  runningPrescriptions,
  shoes,
  stageAssignments,
  users,
} from "@/db/schema";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { forbidden } from "@/lib/errors";
import { athleteAccess } from "./access";
import { athleteView, type RecordKind } from "./visibility";

/**
 * Data rights: every record stored about one athlete, each as the athlete may see it (for them:
 * ./visibility keeps the staff's notes, episodes and the app's bookkeeping out); one athlete's whole
 * record with the staff-only episodes and clinical notes (for the owner, for a formal records
 * request); and everything a clinic holds (for its owner, every field). Archived rows are included
 * and marked, since "everything" means everything; password hashes and token hashes never leave
 * the database.
 */
export type Dataset = Record<string, unknown>[];
export type AthleteExport = { exportedAt: string; athlete: Record<string, unknown>; datasets: Record<string, Dataset> };

export const ATHLETE_DATASETS = ["check_ins", "activities", "exercise_logs", "program_items", "program_history", "running_prescriptions", "shoes", "stage_assignments", "alerts"] as const;

/** The athlete's records as stored, every field; the staff-only tables (notes, episodes) are not here. */
export async function athleteRecords(clinicId: string, athleteId: string) {
  const db = getDb();
  const mine = (t: { clinicId: AnyPgColumn; athleteId: AnyPgColumn }) => and(eq(t.clinicId, clinicId), eq(t.athleteId, athleteId));
  const [[athlete], ci, act, logs, items, events, rx, sh, stages, al] = await Promise.all([
    db.select().from(athletes).where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, clinicId))),
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
  return {
    athlete,
    rows: {
      checkIn: ci,
      activity: act,
      exerciseLog: logs,
      programItem: items.map((r) => ({ ...r.item, exerciseName: r.exerciseName })),
      programEvent: events,
      prescription: rx,
      shoe: sh,
      stageAssignment: stages,
      alert: al,
    },
  };
}

const DATASET_OF = {
  checkIn: "check_ins",
  activity: "activities",
  exerciseLog: "exercise_logs",
  programItem: "program_items",
  programEvent: "program_history",
  prescription: "running_prescriptions",
  shoe: "shoes",
  stageAssignment: "stage_assignments",
  alert: "alerts",
} as const satisfies Record<string, (typeof ATHLETE_DATASETS)[number]>;

/** The athlete's self-service export: each record as the athlete may see it (./visibility). */
export async function exportAthleteData(scope: AthleteScope): Promise<AthleteExport> {
  const { athlete, rows } = await athleteRecords(scope.clinicId, scope.athleteId);
  const datasets: Record<string, Dataset> = {};
  for (const [kind, dataset] of Object.entries(DATASET_OF)) {
    datasets[dataset] = (rows[kind as keyof typeof rows] as Dataset).map((r) => athleteView(kind as RecordKind, r));
  }
  return { exportedAt: new Date().toISOString(), athlete: athlete ? athleteView("athlete", athlete) : {}, datasets };
}

/**
 * The owner's export of one athlete for a formal records request: every field of every record,
 * plus the staff-only injury episodes and clinical notes (archived and corrected notes included and
 * marked, with their authors' names).
 */
export async function exportAthleteRecord(scope: TrainerScope, athleteId: string): Promise<AthleteExport> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can export an athlete's record.");
  const target = await athleteAccess(scope, athleteId);
  const db = getDb();
  const [{ athlete, rows }, episodes, notes] = await Promise.all([
    athleteRecords(target.clinicId, target.athleteId),
    db
      .select()
      .from(injuryEpisodes)
      .where(and(eq(injuryEpisodes.clinicId, target.clinicId), eq(injuryEpisodes.athleteId, target.athleteId)))
      .orderBy(injuryEpisodes.createdAt),
    db
      .select({ note: clinicalNotes, authorName: users.name })
      .from(clinicalNotes)
      .leftJoin(users, and(eq(users.id, clinicalNotes.authorId), eq(users.clinicId, target.clinicId)))
      .where(and(eq(clinicalNotes.clinicId, target.clinicId), eq(clinicalNotes.athleteId, target.athleteId)))
      .orderBy(clinicalNotes.createdAt),
  ]);
  const datasets: Record<string, Dataset> = {};
  for (const [kind, dataset] of Object.entries(DATASET_OF)) datasets[dataset] = rows[kind as keyof typeof rows] as Dataset;
  return {
    exportedAt: new Date().toISOString(),
    athlete: athlete ?? {},
    datasets: { ...datasets, injury_episodes: episodes, clinical_notes: notes.map((r) => ({ ...r.note, authorName: r.authorName })) },
  };
}

/** The owner's export of the whole clinic, one dataset per table. */
export async function exportClinicData(scope: TrainerScope): Promise<{ exportedAt: string; clinic: Record<string, unknown>; datasets: Record<string, Dataset> }> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can export the clinic's data.");
  const db = getDb();
  const byClinic = (t: { clinicId: AnyPgColumn }) => eq(t.clinicId, scope.clinicId);
  const [[clinic], people, roster, ci, act, logs, items, events, rx, sh, stages, al, episodes, notes] = await Promise.all([
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
    db.select().from(injuryEpisodes).where(byClinic(injuryEpisodes)),
    db.select().from(clinicalNotes).where(byClinic(clinicalNotes)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    clinic: clinic ?? {},
    datasets: {
      users: people,
      athletes: roster,
      check_ins: ci,
      activities: act,
      exercise_logs: logs,
      program_items: items,
      program_history: events,
      running_prescriptions: rx,
      shoes: sh,
      stage_assignments: stages,
      alerts: al,
      injury_episodes: episodes,
      clinical_notes: notes,
    },
  };
}
