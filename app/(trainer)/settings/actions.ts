"use server";

import { revalidatePath } from "next/cache";
import { trainerAction, runValidated, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { requireOwner } from "@/lib/auth/guards";
import { updateClinic } from "@/lib/data/clinics";
import { createTrainerInvite } from "@/lib/data/invites";
import { mailer } from "@/lib/mail";
import { requestOrigin } from "@/lib/request-origin";
import { clinicSettingsSchema, trainerInviteSchema } from "@/lib/validation/accounts";

export const updateClinicAction = trainerAction(clinicSettingsSchema, async (input, scope) => {
  await updateClinic(scope, input);
  revalidatePath("/", "layout");
});

export type TrainerInviteState = ActionState & { link?: string };

export async function inviteTrainerAction(_prev: TrainerInviteState, formData: FormData): Promise<TrainerInviteState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireOwner();
  const state = await runValidated(trainerInviteSchema, formData, scope, (input, s) => createTrainerInvite(s, input));
  if (!state.ok || !state.result) return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  const link = `${await requestOrigin()}/invite/${state.result.token}`;
  await mailer().send({ to: state.result.email!, subject: `${state.result.clinicName} invites you to Stride Clinic`, text: `Open this link to join as a trainer (it works once, for 7 days):\n${link}` });
  revalidatePath("/settings");
  return { ok: true, message: "Invitation link created. Send it to the trainer; it works once and expires in 7 days.", link };
}
