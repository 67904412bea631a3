"use server";

import { revalidatePath } from "next/cache";
import { trainerAction } from "@/lib/auth/action";
import { setRunningPrescription } from "@/lib/data/prescriptions";
import { addProgramItem, itemAthleteId, setItemStatus, stepItem, updateItemDosage } from "@/lib/data/programs";
import { applyTemplate, saveProgramAsTemplate } from "@/lib/data/templates";
import {
  addItemSchema,
  applyTemplateSchema,
  itemStatusSchema,
  prescriptionSchema,
  saveTemplateSchema,
  stepItemSchema,
  updateDosageSchema,
} from "@/lib/validation/programs";

const refresh = (athleteId: string) => {
  revalidatePath(`/athletes/${athleteId}`);
  revalidatePath(`/athletes/${athleteId}/print`);
};

export const addItemAction = trainerAction(addItemSchema, async (input, scope) => {
  await addProgramItem(scope, input);
  refresh(input.athleteId);
});

export const updateDosageAction = trainerAction(updateDosageSchema, async ({ itemId, reason, ...dosage }, scope) => {
  await updateItemDosage(scope, itemId, dosage, reason ?? null);
  refresh(await itemAthleteId(scope, itemId));
});

export const stepItemAction = trainerAction(stepItemSchema, async (input, scope) => {
  const item = await stepItem(scope, input);
  refresh(item.athleteId);
  // a step resolves the item's "ready to progress" alerts: the triage view's good news changes
  revalidatePath("/dashboard");
});

export const itemStatusAction = trainerAction(itemStatusSchema, async (input, scope) => {
  await setItemStatus(scope, input);
  refresh(await itemAthleteId(scope, input.itemId));
});

export const applyTemplateAction = trainerAction(applyTemplateSchema, async (input, scope) => {
  await applyTemplate(scope, input);
  refresh(input.athleteId);
});

export const saveTemplateAction = trainerAction(saveTemplateSchema, async (input, scope) => {
  await saveProgramAsTemplate(scope, input);
  revalidatePath("/templates");
});

export const prescriptionAction = trainerAction(prescriptionSchema, async (input, scope) => {
  await setRunningPrescription(scope, input);
  refresh(input.athleteId);
});
