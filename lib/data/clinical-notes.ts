import "server-only";
import { cache } from "react";
import { and, desc, eq, ilike, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db/client";
import { alerts, clinicalNotes, exercises, injuryEpisodes, programItemEvents, users, type InjuredSide, type ProgramEventKind } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { conflict, forbidden, invalid, isUniqueViolation, notFound } from "@/lib/errors";
import type { NoteArchiveInput, NoteCreateInput, NoteEditInput } from "@/lib/validation/clinical";
import { writeAudit } from "./audit";
import { activeEpisodeId, staffAccess, type EpisodeView } from "./episodes";

/**
 * Staff-only clinical notes (issue 18). Only staff of the athlete's clinic read or write them
 * (staffAccess: an athlete, or another clinic, gets "not found"). The author may edit or archive a
 * note for 24 hours after writing it (the database's clock decides, in the UPDATE itself); after
 * that, and for everyone else, a note is changed only by a new note that corrects it. Nothing is
 * deleted; every write is audited.
 */
export const EDIT_WINDOW_HOURS = 24;

export type NoteView = {
  id: string;
  body: string;
  authorId: string;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  /** The author may still edit or archive it (within 24 hours, not corrected). */
  editable: boolean;
  correctsNoteId: string | null;
  /** When the note this one corrects was written. */
  correctsWrittenAt: Date | null;
  correctedByNoteId: string | null;
  alert: { id: string; date: string; reason: string } | null;
  programEvent: { id: string; kind: string; exercise: string | null; at: Date } | null;
  episode: { id: string; condition: string; onsetDate: string | null } | null;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const withinWindow = sql`${clinicalNotes.createdAt} > now() - make_interval(hours => ${EDIT_WINDOW_HOURS})`;

/** The athlete's timeline, newest first, archived notes left out; `q` filters the text (server side). */
export async function listNotes(scope: Scope, athleteId: string, { q }: { q?: string } = {}): Promise<NoteView[]> {
  const target = await staffAccess(scope, athleteId);
  const correction = alias(clinicalNotes, "correction");
  const corrected = alias(clinicalNotes, "corrected");
  const toEx = alias(exercises, "to_ex");
  const where: SQL[] = [eq(clinicalNotes.clinicId, target.clinicId), eq(clinicalNotes.athleteId, target.athleteId), isNull(clinicalNotes.archivedAt)];
  if (q) where.push(ilike(clinicalNotes.body, `%${escapeLike(q)}%`));
  const rows = await getDb()
    .select({
      id: clinicalNotes.id,
      body: clinicalNotes.body,
      authorId: clinicalNotes.authorId,
      authorName: users.name,
      createdAt: clinicalNotes.createdAt,
      editedAt: clinicalNotes.editedAt,
      inWindow: sql<boolean>`${withinWindow}`,
      correctsNoteId: clinicalNotes.correctsNoteId,
      correctsWrittenAt: corrected.createdAt,
      correctedByNoteId: correction.id,
      alertId: alerts.id,
      alertDate: alerts.date,
      alertReason: alerts.reason,
      eventId: programItemEvents.id,
      eventKind: programItemEvents.kind,
      eventExercise: toEx.name,
      eventAt: programItemEvents.createdAt,
      episodeId: injuryEpisodes.id,
      episodeCondition: injuryEpisodes.condition,
      episodeOnset: injuryEpisodes.onsetDate,
    })
    .from(clinicalNotes)
    .leftJoin(users, and(eq(users.id, clinicalNotes.authorId), eq(users.clinicId, target.clinicId)))
    .leftJoin(correction, and(eq(correction.correctsNoteId, clinicalNotes.id), isNull(correction.archivedAt)))
    .leftJoin(corrected, and(eq(corrected.id, clinicalNotes.correctsNoteId), eq(corrected.clinicId, target.clinicId)))
    .leftJoin(alerts, and(eq(alerts.id, clinicalNotes.alertId), eq(alerts.clinicId, target.clinicId)))
    .leftJoin(programItemEvents, and(eq(programItemEvents.id, clinicalNotes.programEventId), eq(programItemEvents.clinicId, target.clinicId)))
    .leftJoin(toEx, eq(toEx.id, programItemEvents.toExerciseId))
    .leftJoin(injuryEpisodes, and(eq(injuryEpisodes.id, clinicalNotes.episodeId), eq(injuryEpisodes.clinicId, target.clinicId)))
    .where(and(...where))
    .orderBy(desc(clinicalNotes.createdAt), desc(clinicalNotes.id))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    authorId: r.authorId,
    authorName: r.authorName,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    editable: r.authorId === scope.userId && r.inWindow && !r.correctedByNoteId,
    correctsNoteId: r.correctsNoteId,
    correctsWrittenAt: r.correctsWrittenAt,
    correctedByNoteId: r.correctedByNoteId,
    alert: r.alertId ? { id: r.alertId, date: r.alertDate!, reason: r.alertReason! } : null,
    programEvent: r.eventId ? { id: r.eventId, kind: r.eventKind!, exercise: r.eventExercise, at: r.eventAt! } : null,
    episode: r.episodeId ? { id: r.episodeId, condition: r.episodeCondition!, onsetDate: r.episodeOnset } : null,
  }));
}

/** What a note may be tied to: the athlete's recent alerts and program changes, and their episodes. */
export async function listNoteLinks(scope: Scope, athleteId: string) {
  return (await getEpisodesAndLinks(scope, athleteId)).links;
}

/**
 * The athlete page's injury episodes (what listEpisodes gives) and a note's link choices (alerts,
 * program changes, episodes) in one statement, once per request. Staff only.
 */
export const getEpisodesAndLinks = cache(async (scope: Scope, athleteId: string) => {
  const target = await staffAccess(scope, athleteId);
  const toEx = alias(exercises, "to_ex");
  const mine = <T extends typeof alerts | typeof programItemEvents | typeof injuryEpisodes>(t: T) => and(eq(t.clinicId, target.clinicId), eq(t.athleteId, target.athleteId));
  const ms = (at: unknown) => sql`(extract(epoch from ${at}) * 1000)::float8`;
  // each list a JSON array of arrays, in its order
  const alertList = getDb()
    .select({ r: sql`json_build_array(${alerts.id}, ${alerts.date}, ${alerts.reason})`.as("r") })
    .from(alerts)
    .where(and(mine(alerts), isNull(alerts.retiredAt)))
    .orderBy(desc(alerts.date))
    .limit(30)
    .as("a");
  const eventList = getDb()
    .select({ r: sql`json_build_array(${programItemEvents.id}, ${programItemEvents.kind}, ${toEx.name}, ${ms(programItemEvents.createdAt)})`.as("r") })
    .from(programItemEvents)
    .leftJoin(toEx, eq(toEx.id, programItemEvents.toExerciseId))
    .where(mine(programItemEvents))
    .orderBy(desc(programItemEvents.createdAt))
    .limit(30)
    .as("e");
  const agg = (list: { r: unknown }) => sql`(select coalesce(json_agg(${list.r}), '[]'::json) from ${list})`;
  const userName = (id: unknown) => sql`(select u.name from ${users} u where u.id = ${id} and u.clinic_id = ${target.clinicId})`;
  const ep = injuryEpisodes;
  const [row] = await getDb()
    .select({
      alerts: sql<[string, string, string][]>`${agg(alertList)}`,
      events: sql<[string, string, string | null, number][]>`${agg(eventList)}`,
      // listEpisodes' order: the active one first, then newest
      episodes: sql<[string, string, InjuredSide | null, string | null, "active" | "resolved", string | null, string | null, string | null, string | null, number][]>`(select coalesce(json_agg(json_build_array(${ep.id}, ${ep.condition}, ${ep.side}, ${ep.onsetDate}, ${ep.status}, ${ep.resolvedOn}, ${ep.resolutionNote}, ${userName(ep.openedBy)}, ${userName(ep.resolvedBy)}, ${ms(ep.createdAt)}) order by (${ep.status} = 'active') desc, ${ep.createdAt} desc), '[]'::json) from ${ep} where ${mine(ep)})`,
    })
    .from(sql`(select 1) one`);
  const episodes: EpisodeView[] = row!.episodes.map(([id, condition, side, onsetDate, status, resolvedOn, resolutionNote, openedByName, resolvedByName, at]) => ({ id, condition, side, onsetDate, status, resolvedOn, resolutionNote, openedByName, resolvedByName, createdAt: new Date(at) }));
  return {
    episodes,
    links: {
      alerts: row!.alerts.map(([id, date, reason]) => ({ id, date, reason })),
      programEvents: row!.events.map(([id, kind, exercise, at]) => ({ id, kind: kind as ProgramEventKind, exercise, at: new Date(at) })),
      // newest first, as a note's link choices list them
      episodes: [...episodes].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).map(({ id, condition, onsetDate, status }) => ({ id, condition, onsetDate, status })),
    },
  };
});

/** Checks that a linked row is the same athlete's; a foreign id is a field error, never a join across clinics. */
async function assertLinks(tx: Tx, clinicId: string, athleteId: string, input: NoteCreateInput) {
  const owned = async (table: typeof alerts | typeof programItemEvents | typeof injuryEpisodes | typeof clinicalNotes, id: string | undefined, field: string, what: string) => {
    if (!id) return;
    const [row] = await tx.select({ id: table.id }).from(table).where(and(eq(table.id, id), eq(table.clinicId, clinicId), eq(table.athleteId, athleteId)));
    if (!row) throw invalid(`Choose ${what} of this athlete.`, { [field]: [`Choose ${what} of this athlete.`] });
  };
  await owned(alerts, input.alertId, "alertId", "an alert");
  await owned(programItemEvents, input.programEventId, "programEventId", "a program change");
  await owned(injuryEpisodes, input.episodeId, "episodeId", "an episode");
  await owned(clinicalNotes, input.correctsNoteId, "correctsNoteId", "a note");
}

const alreadyCorrected = () => conflict("That note has already been corrected: correct the newest note instead.");

/** A new note (or a correction of an earlier one). Unless an episode is chosen, it belongs to the active episode. */
export async function addNote(scope: TrainerScope, input: NoteCreateInput): Promise<{ id: string }> {
  try {
    return await getDb().transaction(async (tx) => {
      const target = await staffAccess(scope, input.athleteId, { write: true, db: tx });
      await assertLinks(tx, target.clinicId, target.athleteId, input);
      if (input.correctsNoteId) {
        const [old] = await tx
          .select({ archivedAt: clinicalNotes.archivedAt, corrected: sql<boolean>`exists (select 1 from ${clinicalNotes} c where c.corrects_note_id = ${clinicalNotes.id})` })
          .from(clinicalNotes)
          .where(eq(clinicalNotes.id, input.correctsNoteId))
          .for("update");
        if (old?.archivedAt) throw conflict("That note is archived; there is nothing to correct.");
        if (old?.corrected) throw alreadyCorrected();
      }
      const episodeId = input.episodeId ?? (await activeEpisodeId(tx, target.clinicId, target.athleteId));
      const [row] = await tx
        .insert(clinicalNotes)
        .values({
          clinicId: target.clinicId,
          athleteId: target.athleteId,
          authorId: scope.userId,
          body: input.body,
          alertId: input.alertId ?? null,
          programEventId: input.programEventId ?? null,
          episodeId,
          correctsNoteId: input.correctsNoteId ?? null,
        })
        .returning();
      const { clinicId: _c, ...after } = row!;
      await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: input.correctsNoteId ? "clinical_note.corrected" : "clinical_note.created", entity: "clinical_note", entityId: row!.id, after });
      return { id: row!.id };
    });
  } catch (err) {
    if (isUniqueViolation(err, "clinical_notes_corrects_unique")) throw alreadyCorrected();
    throw err;
  }
}

/** Why an edit or archive of a note was refused: missing, someone else's, too old or already corrected. */
async function refusal(tx: Tx, clinicId: string, athleteId: string, noteId: string, userId: string): Promise<Error> {
  const [note] = await tx
    .select({
      authorId: clinicalNotes.authorId,
      archivedAt: clinicalNotes.archivedAt,
      inWindow: sql<boolean>`${withinWindow}`,
      corrected: sql<boolean>`exists (select 1 from ${clinicalNotes} c where c.corrects_note_id = ${clinicalNotes.id})`,
    })
    .from(clinicalNotes)
    .where(and(eq(clinicalNotes.id, noteId), eq(clinicalNotes.clinicId, clinicId), eq(clinicalNotes.athleteId, athleteId)));
  if (!note || note.archivedAt) return notFound("Note");
  if (note.authorId !== userId) return forbidden("Only the author can change a note. Add a note that corrects it.");
  if (note.corrected) return conflict("This note has been corrected; it can no longer be changed.");
  if (!note.inWindow) return conflict(`A note can be edited for ${EDIT_WINDOW_HOURS} hours. Add a note that corrects it.`);
  return conflict("This note could not be changed.");
}

/** Guards an UPDATE of the author's note within the window; the old text stays in the audit row. */
function editable(clinicId: string, athleteId: string, noteId: string, userId: string) {
  return and(
    eq(clinicalNotes.id, noteId),
    eq(clinicalNotes.clinicId, clinicId),
    eq(clinicalNotes.athleteId, athleteId),
    eq(clinicalNotes.authorId, userId),
    isNull(clinicalNotes.archivedAt),
    withinWindow,
    sql`not exists (select 1 from ${clinicalNotes} c where c.corrects_note_id = ${clinicalNotes.id})`,
  );
}

export async function editNote(scope: TrainerScope, input: NoteEditInput): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await staffAccess(scope, input.athleteId, { write: true, db: tx });
    const [before] = await tx.select({ body: clinicalNotes.body }).from(clinicalNotes).where(and(eq(clinicalNotes.id, input.noteId), eq(clinicalNotes.clinicId, target.clinicId))).for("update");
    const now = new Date();
    const [row] = await tx
      .update(clinicalNotes)
      .set({ body: input.body, editedAt: now, updatedAt: now })
      .where(editable(target.clinicId, target.athleteId, input.noteId, scope.userId))
      .returning({ id: clinicalNotes.id, body: clinicalNotes.body });
    if (!row) throw await refusal(tx, target.clinicId, target.athleteId, input.noteId, scope.userId);
    await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "clinical_note.edited", entity: "clinical_note", entityId: row.id, before: { body: before?.body }, after: { athleteId: target.athleteId, body: row.body } });
  });
}

/** The author's "written by mistake" within the window: archived (kept, out of the timeline), never deleted. */
export async function archiveNote(scope: TrainerScope, input: NoteArchiveInput): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await staffAccess(scope, input.athleteId, { write: true, db: tx });
    const now = new Date();
    const [row] = await tx
      .update(clinicalNotes)
      .set({ archivedAt: now, updatedAt: now })
      .where(editable(target.clinicId, target.athleteId, input.noteId, scope.userId))
      .returning({ id: clinicalNotes.id });
    if (!row) throw await refusal(tx, target.clinicId, target.athleteId, input.noteId, scope.userId);
    await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "clinical_note.archived", entity: "clinical_note", entityId: row.id, after: { athleteId: target.athleteId, archivedAt: now } });
  });
}
