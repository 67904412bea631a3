import { inArray, sql } from "drizzle-orm";
import { BUILTIN_EXERCISES, BUILTIN_LADDERS } from "../../lib/exercise-library/builtin-exercises";
import { BUILTIN_TEMPLATES } from "../../lib/exercise-library/builtin-templates";
import type { Db } from "../../db/client";
import { exercises, ladderSteps, ladders, programTemplateItems, programTemplates } from "../../db/schema";

const excluded = (column: string) => sql.raw(`excluded."${column}"`);

/**
 * Upserts the built-in library (clinic_id NULL, keyed by slug) so every database, demo or
 * production, has it. Safe to run on every start and from several servers at once: it only ever
 * touches rows with a slug, and a clinic's own exercises, ladders, steps and templates have none.
 * Built-in templates are shared by every clinic (read-only; a clinic copies one to change it), so
 * they are seeded once here rather than per clinic at sign-up.
 */
export async function seedLibrary(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const ladderRows = await tx
      .insert(ladders)
      .values(BUILTIN_LADDERS.map((l) => ({ slug: l.slug, name: l.name, region: l.region, description: l.description })))
      .onConflictDoUpdate({
        target: ladders.slug,
        set: { name: excluded("name"), region: excluded("region"), description: excluded("description"), updatedAt: sql`now()` },
      })
      .returning({ id: ladders.id, slug: ladders.slug });
    const ladderId = new Map(ladderRows.map((r) => [r.slug!, r.id]));

    const ladderKind = new Map(BUILTIN_LADDERS.map((l) => [l.slug, l.kind]));
    const exerciseRows = await tx
      .insert(exercises)
      .values(
        BUILTIN_EXERCISES.map((e) => ({
          slug: e.slug,
          name: e.name,
          region: e.region,
          howTo: e.howTo,
          cues: e.cues,
          equipment: e.equipment,
          defaultSets: e.dosage.sets,
          defaultReps: e.dosage.reps ?? null,
          defaultHoldSec: e.dosage.holdSec ?? null,
          defaultDaysPerWeek: e.dosage.daysPerWeek,
          kind: ladderKind.get(e.ladderSlug)!,
          perSide: e.perSide ?? false,
        })),
      )
      .onConflictDoUpdate({
        target: exercises.slug,
        set: {
          name: excluded("name"),
          region: excluded("region"),
          howTo: excluded("how_to"),
          cues: excluded("cues"),
          equipment: excluded("equipment"),
          defaultSets: excluded("default_sets"),
          defaultReps: excluded("default_reps"),
          defaultHoldSec: excluded("default_hold_sec"),
          defaultDaysPerWeek: excluded("default_days_per_week"),
          kind: excluded("kind"),
          perSide: excluded("per_side"),
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: exercises.id, slug: exercises.slug });
    const exerciseId = new Map(exerciseRows.map((r) => [r.slug!, r.id]));

    await tx
      .insert(ladderSteps)
      .values(
        BUILTIN_EXERCISES.map((e) => ({
          clinicId: null,
          ladderId: ladderId.get(e.ladderSlug)!,
          exerciseId: exerciseId.get(e.slug)!,
          position: e.step,
        })),
      )
      .onConflictDoUpdate({
        target: ladderSteps.exerciseId,
        set: { ladderId: excluded("ladder_id"), position: excluded("position") },
      });

    const templateRows = await tx
      .insert(programTemplates)
      .values(BUILTIN_TEMPLATES.map((t) => ({ slug: t.slug, name: t.name, description: t.description })))
      .onConflictDoUpdate({
        target: programTemplates.slug,
        set: { name: excluded("name"), description: excluded("description"), updatedAt: sql`now()` },
      })
      .returning({ id: programTemplates.id, slug: programTemplates.slug });
    const templateId = new Map(templateRows.map((r) => [r.slug!, r.id]));

    // built-in template items belong to nobody but the seed: rewrite them to match the data
    await tx.delete(programTemplateItems).where(inArray(programTemplateItems.templateId, [...templateId.values()]));
    await tx.insert(programTemplateItems).values(
      BUILTIN_TEMPLATES.flatMap((t) =>
        t.items.map((item, i) => ({
          clinicId: null,
          templateId: templateId.get(t.slug)!,
          exerciseId: exerciseId.get(item.exerciseSlug)!,
          sets: item.sets,
          reps: item.reps ?? null,
          holdSec: item.holdSec ?? null,
          daysPerWeek: item.daysPerWeek,
          note: item.note ?? null,
          position: i + 1,
        })),
      ),
    );
  });
}
