"use server";

import { revalidatePath } from "next/cache";
import { trainerAction } from "@/lib/auth/action";
import { applyStageStep, endReturnToRun, finishReturnToRun, setAthleteMayStepUp, startReturnToRun } from "@/lib/data/return-to-run";
import { invalid } from "@/lib/errors";
import { prescriptionSchema } from "@/lib/validation/programs";
import { mayStepUpSchema, startReturnToRunFormSchema, stopReturnToRunSchema, trainerStageStepFormSchema } from "@/lib/validation/return-to-run";

const refresh = (athleteId: string) => {
  revalidatePath(`/athletes/${athleteId}`);
  revalidatePath("/dashboard");
};

export const startReturnToRunAction = trainerAction(startReturnToRunFormSchema, async (input, scope) => {
  await startReturnToRun(scope, input);
  refresh(input.athleteId);
});

export const stageStepAction = trainerAction(trainerStageStepFormSchema, async (input, scope) => {
  await applyStageStep(scope, input.athleteId, input);
  refresh(input.athleteId);
});

export const stopReturnToRunAction = trainerAction(stopReturnToRunSchema, async (input, scope) => {
  await endReturnToRun(scope, { ...input, finished: false });
  refresh(input.athleteId);
});

export const mayStepUpAction = trainerAction(mayStepUpSchema, async (input, scope) => {
  await setAthleteMayStepUp(scope, input);
  refresh(input.athleteId);
});

/** §2c: at the last stage the trainer finishes the plan by setting a distance prescription. */
export const finishReturnToRunAction = trainerAction(prescriptionSchema, async (input, scope, formData) => {
  const reason = String(formData.get("reason") ?? "").trim();
  if (reason.length < 3) throw invalid("Say why.", { reason: ["Say why, in a few words."] });
  await finishReturnToRun(scope, { prescription: input, reason });
  refresh(input.athleteId);
});
