import "server-only";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { exercises, programItems, programTemplateItems, programTemplates } from "@/db/schema";
import type { Scope, TrainerScope } from "@/lib/auth/scope";
import { forbidden, invalid, notFound } from "@/lib/errors";
import type { DosageInput } from "@/lib/validation/programs";
import { writeAudit } from "./audit";
import { visibleTo, type Conn } from "./library-scope";
import { ensureProgram, insertItem, snapshot, visibleExercise } from "./programs";

/**
 * Built-in templates (clinic_id NULL) are shared by every clinic and read-only; a clinic saves its
 * own from a program, or copies a built-in to change it. One shared copy means a wording fix in
 * the library reaches every clinic, and sign-up does not have to seed anything per clinic.
 */
export type TemplateSummary = { id: string; name: string; description: string; builtin: boolean; itemCount: number };
export type TemplateItemView = DosageInput & { id: string; exerciseId: string; exerciseName: string; exerciseArchived: boolean; perSide: boolean };
export type TemplateDetail = TemplateSummary & { items: TemplateItemView[] };

const liveItems = (clinicId: string) => and(visibleTo(programTemplateItems.clinicId, clinicId), isNull(programTemplateItems.archivedAt));

export async function listTemplates(scope: Scope): Promise<TemplateSummary[]> {
  const rows = await getDb()
    .select({ id: programTemplates.id, name: programTemplates.name, description: programTemplates.description, clinicId: programTemplates.clinicId, itemCount: count(programTemplateItems.id) })
    .from(programTemplates)
    .leftJoin(programTemplateItems, and(eq(programTemplateItems.templateId, programTemplates.id), liveItems(scope.clinicId)))
    .where(and(visibleTo(programTemplates.clinicId, scope.clinicId), isNull(programTemplates.archivedAt)))
    .groupBy(programTemplates.id)
    .orderBy(asc(programTemplates.clinicId), asc(programTemplates.name));
  return rows.map(({ clinicId, ...r }) => ({ ...r, builtin: clinicId === null, itemCount: Number(r.itemCount) }));
}

async function templateRow(db: Conn, scope: Scope, templateId: string) {
  const [t] = await db
    .select()
    .from(programTemplates)
    .where(and(eq(programTemplates.id, templateId), visibleTo(programTemplates.clinicId, scope.clinicId), isNull(programTemplates.archivedAt)));
  if (!t) throw notFound("Template");
  return t;
}

async function templateItems(db: Conn, scope: Scope, templateId: string): Promise<TemplateItemView[]> {
  const rows = await db
    .select({ item: programTemplateItems, exerciseName: exercises.name, exerciseArchivedAt: exercises.archivedAt, perSide: exercises.perSide })
    .from(programTemplateItems)
    .innerJoin(exercises, eq(exercises.id, programTemplateItems.exerciseId))
    .where(and(eq(programTemplateItems.templateId, templateId), liveItems(scope.clinicId)))
    .orderBy(asc(programTemplateItems.position), asc(programTemplateItems.createdAt));
  return rows.map(({ item, exerciseName, exerciseArchivedAt, perSide }) => ({
    id: item.id,
    exerciseId: item.exerciseId,
    exerciseName,
    exerciseArchived: exerciseArchivedAt !== null,
    perSide,
    sets: item.sets,
    reps: item.reps ?? undefined,
    holdSec: item.holdSec ?? undefined,
    daysPerWeek: item.daysPerWeek,
    load: item.load ?? undefined,
    note: item.note ?? undefined,
  }));
}

export async function getTemplate(scope: Scope, templateId: string): Promise<TemplateDetail> {
  const db = getDb();
  const t = await templateRow(db, scope, templateId);
  const items = await templateItems(db, scope, templateId);
  return { id: t.id, name: t.name, description: t.description, builtin: t.clinicId === null, itemCount: items.length, items };
}

/**
 * Applies a template to an athlete in one transaction: every item is added with the template's
 * dosage and an "added" history row. An exercise already active or paused in the program is left
 * as it is rather than doubled. Returns how many were added and skipped.
 */
export async function applyTemplate(scope: TrainerScope, input: { athleteId: string; templateId: string }): Promise<{ added: number; skipped: number }> {
  return getDb().transaction(async (tx) => {
    const t = await templateRow(tx, scope, input.templateId);
    const programId = await ensureProgram(tx, scope, input.athleteId);
    const items = await templateItems(tx, scope, t.id);
    const current = await tx
      .select({ exerciseId: programItems.exerciseId, status: programItems.status })
      .from(programItems)
      .where(and(eq(programItems.clinicId, scope.clinicId), eq(programItems.programId, programId)));
    const present = new Set(current.filter((c) => c.status !== "removed").map((c) => c.exerciseId));
    let added = 0;
    for (const it of items) {
      if (present.has(it.exerciseId) || it.exerciseArchived) continue;
      await insertItem(tx, scope, programId, input.athleteId, it, `From template "${t.name}"`);
      present.add(it.exerciseId);
      added += 1;
    }
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "template.applied", entity: "athlete", entityId: input.athleteId, after: { templateId: t.id, added } });
    return { added, skipped: items.length - added };
  });
}

async function insertTemplate(tx: Tx, scope: TrainerScope, name: string, description: string, items: (DosageInput & { exerciseId: string })[], action: string) {
  const [t] = await tx
    .insert(programTemplates)
    .values({ clinicId: scope.clinicId, name, description, createdBy: scope.userId })
    .returning({ id: programTemplates.id });
  if (items.length) {
    await tx.insert(programTemplateItems).values(items.map((it, i) => ({ clinicId: scope.clinicId, templateId: t!.id, exerciseId: it.exerciseId, ...snapshot(it), position: i + 1 })));
  }
  await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action, entity: "template", entityId: t!.id, after: { name, items: items.length } });
  return t!;
}

/** Saves the athlete's current (active and paused) items as a clinic template. */
export async function saveProgramAsTemplate(scope: TrainerScope, input: { athleteId: string; name: string; description?: string }): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const programId = await ensureProgram(tx, scope, input.athleteId);
    const rows = await tx
      .select()
      .from(programItems)
      .where(and(eq(programItems.clinicId, scope.clinicId), eq(programItems.programId, programId)))
      .orderBy(asc(programItems.position));
    const live = rows.filter((r) => r.status !== "removed");
    if (!live.length) throw invalid("This program has no exercises to save yet.");
    const items = live.map((r) => ({ exerciseId: r.exerciseId, sets: r.sets, reps: r.reps ?? undefined, holdSec: r.holdSec ?? undefined, daysPerWeek: r.daysPerWeek, load: r.load ?? undefined, note: r.note ?? undefined }));
    return insertTemplate(tx, scope, input.name, input.description ?? "", items, "template.saved_from_program");
  });
}

export async function copyTemplate(scope: TrainerScope, templateId: string): Promise<{ id: string }> {
  return getDb().transaction(async (tx) => {
    const t = await templateRow(tx, scope, templateId);
    const items = await templateItems(tx, scope, templateId);
    return insertTemplate(tx, scope, t.clinicId === null ? t.name : `${t.name} (copy)`, t.description, items, "template.copied");
  });
}

async function ownTemplate(tx: Tx, scope: TrainerScope, templateId: string) {
  const t = await templateRow(tx, scope, templateId);
  if (t.clinicId === null) throw forbidden("Built-in templates are read-only. Copy it into your clinic to change it.");
  return t;
}

export async function updateTemplate(scope: TrainerScope, input: { templateId: string; name: string; description?: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const before = await ownTemplate(tx, scope, input.templateId);
    await tx
      .update(programTemplates)
      .set({ name: input.name, description: input.description ?? "", updatedAt: new Date() })
      .where(and(eq(programTemplates.id, before.id), eq(programTemplates.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "template.updated", entity: "template", entityId: before.id, before: { name: before.name }, after: { name: input.name } });
  });
}

export async function archiveTemplate(scope: TrainerScope, templateId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const t = await ownTemplate(tx, scope, templateId);
    await tx.update(programTemplates).set({ archivedAt: new Date(), updatedAt: new Date() }).where(and(eq(programTemplates.id, t.id), eq(programTemplates.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "template.archived", entity: "template", entityId: t.id });
  });
}

export async function addTemplateItem(scope: TrainerScope, input: DosageInput & { templateId: string; exerciseId: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const t = await ownTemplate(tx, scope, input.templateId);
    await visibleExercise(tx, scope, input.exerciseId);
    const count = (await templateItems(tx, scope, t.id)).length;
    await tx.insert(programTemplateItems).values({ clinicId: scope.clinicId, templateId: t.id, exerciseId: input.exerciseId, ...snapshot(input), position: count + 1 });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "template.item_added", entity: "template", entityId: t.id, after: { exerciseId: input.exerciseId, ...snapshot(input) } });
  });
}

async function ownTemplateItem(tx: Tx, scope: TrainerScope, templateItemId: string) {
  const [row] = await tx
    .select()
    .from(programTemplateItems)
    .where(and(eq(programTemplateItems.id, templateItemId), eq(programTemplateItems.clinicId, scope.clinicId), isNull(programTemplateItems.archivedAt)));
  if (!row) throw notFound("Template item");
  await ownTemplate(tx, scope, row.templateId);
  return row;
}

export async function updateTemplateItem(scope: TrainerScope, input: DosageInput & { templateItemId: string }): Promise<{ templateId: string }> {
  return getDb().transaction(async (tx) => {
    const row = await ownTemplateItem(tx, scope, input.templateItemId);
    await tx.update(programTemplateItems).set({ ...snapshot(input), updatedAt: new Date() }).where(and(eq(programTemplateItems.id, row.id), eq(programTemplateItems.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "template.item_updated", entity: "template", entityId: row.templateId, before: snapshot(row), after: snapshot(input) });
    return { templateId: row.templateId };
  });
}

export async function removeTemplateItem(scope: TrainerScope, templateItemId: string): Promise<{ templateId: string }> {
  return getDb().transaction(async (tx) => {
    const row = await ownTemplateItem(tx, scope, templateItemId);
    await tx.update(programTemplateItems).set({ archivedAt: new Date(), updatedAt: new Date() }).where(and(eq(programTemplateItems.id, row.id), eq(programTemplateItems.clinicId, scope.clinicId)));
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "template.item_removed", entity: "template", entityId: row.templateId, before: { exerciseId: row.exerciseId, ...snapshot(row) } });
    return { templateId: row.templateId };
  });
}
