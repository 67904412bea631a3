import "server-only";
import { and, eq } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { alerts, athletes, checkIns, clinicalNotes, clinics, activities, exerciseLogs, exercises, injuryEpisodes, programItemEvents, programItems, runningPrescriptions, shoes, users } from "@/db/schema";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { forbidden } from "@/lib/errors";
import { athleteAccess } from "./access";

/**
 * Data rights: everything stored about one athlete (for them), and everything a clinic holds (for
 * its owner). Archived rows are included and marked, since "everything" means everything; password
 * hashes and token hashes never leave the database.
 */
export type Dataset = Record<string, unknown>[];
export type AthleteExport = { exportedAt: string; athlete: Record<string, unknown>; datasets: Record<string, Dataset> };

export const ATHLETE_DATASETS = ["check_ins", "activities", "exercise_logs", "program_items", "program_history", "running_prescriptions", "shoes", "alerts"] as const;

export async function exportAthleteData(scope: AthleteScope): Promise<AthleteExport> {
  const data = await athleteRecords(scope.clinicId, scope.athleteId);
  // the staff-only episode a row belongs to (issue 18) is not the athlete's to see, not even its id
  const withoutEpisode = (rows: Dataset) => rows.map(({ episodeId: _e, ...row }) => row);
  const { alerts: al, program_history: events, running_prescriptions: rx } = data.datasets;
  return { ...data, datasets: { ...data.datasets, alerts: withoutEpisode(al!), program_history: withoutEpisode(events!), running_prescriptions: withoutEpisode(rx!) } };
}

/** An athlete's records but the staff-only tables (notes, episodes); rows keep their episode id. */
async function athleteRecords(clinicId: string, athleteId: string): Promise<AthleteExport> {
  const db = getDb();
  const scope = { clinicId, athleteId };
  const mine = (t: { clinicId: AnyPgColumn; athleteId: AnyPgColumn }) => and(eq(t.clinicId, scope.clinicId), eq(t.athleteId, scope.athleteId));
  const [[athlete], ci, act, logs, items, events, rx, sh, al] = await Promise.all([
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
    db.select().from(alerts).where(mine(alerts)).orderBy(alerts.date),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    athlete: athlete ?? {},
    datasets: {
      check_ins: ci,
      activities: act,
      exercise_logs: logs,
      program_items: items.map((r) => ({ ...r.item, exerciseName: r.exerciseName })),
      program_history: events,
      running_prescriptions: rx,
      shoes: sh,
      alerts: al,
    },
  };
}

/**
 * The owner's export of one athlete for a formal records request: everything the athlete's own
 * export holds, plus the staff-only injury episodes and clinical notes (archived and corrected
 * notes included and marked, with their authors' names).
 */
export async function exportAthleteRecord(scope: TrainerScope, athleteId: string): Promise<AthleteExport> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can export an athlete's record.");
  const target = await athleteAccess(scope, athleteId);
  const db = getDb();
  const [base, episodes, notes] = await Promise.all([
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
  return {
    ...base,
    datasets: { ...base.datasets, injury_episodes: episodes, clinical_notes: notes.map((r) => ({ ...r.note, authorName: r.authorName })) },
  };
}

/** The owner's export of the whole clinic, one dataset per table. */
export async function exportClinicData(scope: TrainerScope): Promise<{ exportedAt: string; clinic: Record<string, unknown>; datasets: Record<string, Dataset> }> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can export the clinic's data.");
  const db = getDb();
  const byClinic = (t: { clinicId: AnyPgColumn }) => eq(t.clinicId, scope.clinicId);
  const [[clinic], people, roster, ci, act, logs, items, events, rx, sh, al, episodes, notes] = await Promise.all([
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
    db.select().from(alerts).where(byClinic(alerts)),
    db.select().from(injuryEpisodes).where(byClinic(injuryEpisodes)),
    db.select().from(clinicalNotes).where(byClinic(clinicalNotes)),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    clinic: clinic ?? {},
    datasets: { users: people, athletes: roster, check_ins: ci, activities: act, exercise_logs: logs, program_items: items, program_history: events, running_prescriptions: rx, shoes: sh, alerts: al, injury_episodes: episodes, clinical_notes: notes },
  };
}
