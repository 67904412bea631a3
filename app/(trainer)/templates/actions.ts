"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { trainerAction } from "@/lib/auth/action";
import { addTemplateItem, archiveTemplate, copyTemplate, removeTemplateItem, updateTemplate, updateTemplateItem } from "@/lib/data/templates";
import { addTemplateItemSchema, templateIdSchema, templateItemIdSchema, templateMetaSchema, updateTemplateItemSchema } from "@/lib/validation/programs";

const refresh = (templateId: string) => {
  revalidatePath("/templates");
  revalidatePath(`/templates/${templateId}`);
};

export const copyTemplateAction = trainerAction(templateIdSchema, async ({ templateId }, scope) => {
  const { id } = await copyTemplate(scope, templateId);
  revalidatePath("/templates");
  redirect(`/templates/${id}`);
});

export const updateTemplateAction = trainerAction(templateMetaSchema, async (input, scope) => {
  await updateTemplate(scope, input);
  refresh(input.templateId);
});

export const archiveTemplateAction = trainerAction(templateIdSchema, async ({ templateId }, scope) => {
  await archiveTemplate(scope, templateId);
  revalidatePath("/templates");
  redirect("/templates");
});

export const addTemplateItemAction = trainerAction(addTemplateItemSchema, async (input, scope) => {
  await addTemplateItem(scope, input);
  refresh(input.templateId);
});

export const updateTemplateItemAction = trainerAction(updateTemplateItemSchema, async (input, scope) => {
  const { templateId } = await updateTemplateItem(scope, input);
  refresh(templateId);
});

export const removeTemplateItemAction = trainerAction(templateItemIdSchema, async ({ templateItemId }, scope) => {
  const { templateId } = await removeTemplateItem(scope, templateItemId);
  refresh(templateId);
});
