"use server";

import { revalidatePath } from "next/cache";
import { athleteAction } from "@/lib/auth/action";
import { applyStageStep } from "@/lib/data/return-to-run";
import { recordStageSession } from "@/lib/data/stage-sessions";
import { athleteStageStepFormSchema, stageSessionFormSchema } from "@/lib/validation/return-to-run";

export const logStageSessionAction = athleteAction(stageSessionFormSchema, async (input, scope) => {
  await recordStageSession(scope, input);
  revalidatePath("/today");
  revalidatePath("/history");
});

export const athleteStageStepAction = athleteAction(athleteStageStepFormSchema, async (input, scope) => {
  await applyStageStep(scope, undefined, input);
  revalidatePath("/today");
});
