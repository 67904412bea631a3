import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { athletes, injuryEpisodes, users, type InjuredSide } from "@/db/schema";
import { isTrainerScope, type Scope, type TrainerScope } from "@/lib/auth/scope";
import { conflict, invalid, isUniqueViolation, notFound } from "@/lib/errors";
import type { EpisodeResolveInput, EpisodeStartInput } from "@/lib/validation/clinical";
import { athleteAccess, type AthleteAccess } from "./access";
import { writeAudit } from "./audit";

/**
 * Injury episodes (issue 18): staff-only, like clinical notes. At most one active per athlete (a
 * partial unique index); a new one starts only after the current one is resolved, so an episode's
 * alerts and program changes never belong to two at once. The profile's condition, side and onset
 * mirror the current episode (drizzle/0019 triggers keep them in step whichever is written).
 */
export type EpisodeView = {
  id: string;
  condition: string;
  side: InjuredSide | null;
  onsetDate: string | null;
  status: "active" | "resolved";
  resolvedOn: string | null;
  resolutionNote: string | null;
  openedByName: string | null;
  resolvedByName: string | null;
  createdAt: Date;
};

/** Staff only: an athlete (or anyone outside the clinic) is told the athlete was not found. */
export async function staffAccess(scope: Scope, athleteId: string, options: { write?: boolean; db?: Tx } = {}): Promise<AthleteAccess> {
  if (!isTrainerScope(scope)) throw notFound("Athlete");
  return athleteAccess(scope, athleteId, options);
}

/** Newest first; the active one (if any) leads. */
export async function listEpisodes(scope: Scope, athleteId: string): Promise<EpisodeView[]> {
  const target = await staffAccess(scope, athleteId);
  const opener = users;
  const rows = await getDb()
    .select({
      id: injuryEpisodes.id,
      condition: injuryEpisodes.condition,
      side: injuryEpisodes.side,
      onsetDate: injuryEpisodes.onsetDate,
      status: injuryEpisodes.status,
      resolvedOn: injuryEpisodes.resolvedOn,
      resolutionNote: injuryEpisodes.resolutionNote,
      openedByName: opener.name,
      resolvedByName: sql<string | null>`(select u.name from ${users} u where u.id = ${injuryEpisodes.resolvedBy} and u.clinic_id = ${target.clinicId})`,
      createdAt: injuryEpisodes.createdAt,
    })
    .from(injuryEpisodes)
    .leftJoin(opener, and(eq(opener.id, injuryEpisodes.openedBy), eq(opener.clinicId, target.clinicId)))
    .where(and(eq(injuryEpisodes.clinicId, target.clinicId), eq(injuryEpisodes.athleteId, target.athleteId)))
    .orderBy(sql`(${injuryEpisodes.status} = 'active') desc`, desc(injuryEpisodes.createdAt));
  return rows;
}

/** The athlete's active episode id, inside a write's transaction. */
export async function activeEpisodeId(tx: Tx, clinicId: string, athleteId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: injuryEpisodes.id })
    .from(injuryEpisodes)
    .where(and(eq(injuryEpisodes.clinicId, clinicId), eq(injuryEpisodes.athleteId, athleteId), eq(injuryEpisodes.status, "active")));
  return row?.id ?? null;
}

/** A new active episode; refused while another is active (resolve it first). */
export async function startEpisode(scope: TrainerScope, input: EpisodeStartInput): Promise<{ id: string }> {
  try {
    return await getDb().transaction(async (tx) => {
      const target = await staffAccess(scope, input.athleteId, { write: true, db: tx });
      if (input.onsetDate && input.onsetDate > target.today) throw invalid("The onset date cannot be in the future.", { onsetDate: ["The onset date cannot be in the future."] });
      // one episode change of an athlete at a time
      await tx.select({ id: athletes.id }).from(athletes).where(and(eq(athletes.id, target.athleteId), eq(athletes.clinicId, target.clinicId))).for("no key update");
      if (await activeEpisodeId(tx, target.clinicId, target.athleteId)) throw activeExists();
      const [row] = await tx
        .insert(injuryEpisodes)
        .values({ clinicId: target.clinicId, athleteId: target.athleteId, condition: input.condition, side: input.side ?? null, onsetDate: input.onsetDate ?? null, openedBy: scope.userId })
        .returning();
      // the profile describes the current episode (its trigger finds this one active and leaves it)
      await tx
        .update(athletes)
        .set({ condition: input.condition, injuredSide: input.side ?? null, onsetDate: input.onsetDate ?? null, updatedAt: new Date() })
        .where(and(eq(athletes.id, target.athleteId), eq(athletes.clinicId, target.clinicId)));
      await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "episode.started", entity: "injury_episode", entityId: row!.id, after: { athleteId: target.athleteId, condition: row!.condition, side: row!.side, onsetDate: row!.onsetDate } });
      return { id: row!.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw activeExists();
    throw err;
  }
}

const activeExists = () => conflict("This athlete already has an active episode. Resolve it before starting a new one.");

/** Resolves the active episode, dated on or after its onset and not in the future. */
export async function resolveEpisode(scope: TrainerScope, input: EpisodeResolveInput): Promise<void> {
  await getDb().transaction(async (tx) => {
    const target = await staffAccess(scope, input.athleteId, { write: true, db: tx });
    const [episode] = await tx
      .select()
      .from(injuryEpisodes)
      .where(and(eq(injuryEpisodes.id, input.episodeId), eq(injuryEpisodes.clinicId, target.clinicId), eq(injuryEpisodes.athleteId, target.athleteId)))
      .for("update");
    if (!episode) throw notFound("Episode");
    if (episode.status !== "active") throw conflict("This episode is already resolved.");
    if (input.resolvedOn > target.today) throw invalid("The resolution date cannot be in the future.", { resolvedOn: ["The resolution date cannot be in the future."] });
    if (episode.onsetDate && input.resolvedOn < episode.onsetDate) throw invalid("The episode cannot be resolved before its onset.", { resolvedOn: [`Choose a date on or after the onset (${episode.onsetDate}).`] });
    const [after] = await tx
      .update(injuryEpisodes)
      .set({ status: "resolved", resolvedOn: input.resolvedOn, resolutionNote: input.note ?? null, resolvedBy: scope.userId, updatedAt: new Date() })
      .where(eq(injuryEpisodes.id, episode.id))
      .returning();
    await writeAudit(tx, { clinicId: target.clinicId, actorId: scope.userId, action: "episode.resolved", entity: "injury_episode", entityId: episode.id, before: { status: episode.status }, after: { athleteId: target.athleteId, status: after!.status, resolvedOn: after!.resolvedOn, resolutionNote: after!.resolutionNote } });
  });
}
