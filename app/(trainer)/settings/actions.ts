"use server";

import { revalidatePath } from "next/cache";
import { trainerAction, runValidated, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { requireOwner } from "@/lib/auth/guards";
import { updateClinic } from "@/lib/data/clinics";
import { createTrainerInvite } from "@/lib/data/invites";
import { setTrainerActive } from "@/lib/data/staff";
import { setTwoFactorRequired } from "@/lib/data/two-factor";
import { clinicSettingsSchema, staffMemberSchema, trainerInviteSchema, twoFactorRequiredSchema } from "@/lib/validation/accounts";
import { z } from "zod";

export const updateClinicAction = trainerAction(clinicSettingsSchema, async (input, scope) => {
  await updateClinic(scope, input);
  revalidatePath("/", "layout");
});

export type TrainerInviteState = ActionState;

export async function inviteTrainerAction(_prev: TrainerInviteState, formData: FormData): Promise<TrainerInviteState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireOwner();
  const state = await runValidated(trainerInviteSchema, formData, scope, (input, s) => createTrainerInvite(s, input));
  if (!state.ok || !state.result) return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  revalidatePath("/settings");
  // the same answer whether or not the address has an account; the link goes only to that mailbox
  return { ok: true, message: `Invitation emailed to ${state.result.email}. It works once and expires in 7 days.` };
}

const staffActiveSchema = staffMemberSchema.extend({ active: z.enum(["true", "false"], { error: "Say whether to deactivate or reactivate." }).transform((v) => v === "true") });

/** The owner deactivates a trainer (their sessions end at once) or reactivates them. */
export const setTrainerActiveAction = trainerAction(staffActiveSchema, async ({ userId, active }, scope) => {
  await setTrainerActive(scope, userId, active);
  revalidatePath("/settings");
});

/** The owner requires two-factor sign-in of every trainer (once their own is on), or stops requiring it. */
export const setTwoFactorRequiredAction = trainerAction(twoFactorRequiredSchema, async ({ required }, scope) => {
  await setTwoFactorRequired(scope, required);
  revalidatePath("/settings");
});
