"use server";

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { isForm, NOT_A_FORM, runValidated, type ActionState } from "@/lib/auth/action";
import { getSignedIn } from "@/lib/auth/guards";
import type { TrainerScope } from "@/lib/auth/scope";
import { confirmTwoFactor, disableTwoFactor, regenerateRecoveryCodes, startTwoFactorSetup } from "@/lib/data/two-factor";
import { disableTwoFactorSchema, secondFactorSchema } from "@/lib/validation/accounts";
import { z } from "zod";

/**
 * The caller's own two-factor sign-in (trainers and owners). A trainer whose clinic requires it and
 * who has not set it up may use these (and nothing else): that is how they get through.
 */
async function requireStaffSelf(): Promise<TrainerScope> {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/sign-in");
  if (signedIn.scope.role === "athlete") notFound();
  return signedIn.scope;
}

export type RecoveryCodesState = ActionState & { recoveryCodes?: string[] };

/** Makes a new secret to scan (takes no input; replaces one not yet confirmed). */
export async function startTwoFactorSetupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireStaffSelf();
  const state = await runValidated(z.object({}), formData, scope, (_input, s) => startTwoFactorSetup(s));
  if (!state.ok) return { ok: false, message: state.message };
  revalidatePath("/account/two-factor");
  return { ok: true };
}

export async function confirmTwoFactorAction(_prev: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireStaffSelf();
  const state = await runValidated(secondFactorSchema, formData, scope, (input, s) => confirmTwoFactor(s, input.code));
  if (!state.ok || !state.result) return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  return { ok: true, message: "Two-factor sign-in is on. Save these recovery codes now: they are shown only this once.", recoveryCodes: state.result };
}

export async function regenerateRecoveryCodesAction(_prev: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireStaffSelf();
  const state = await runValidated(secondFactorSchema, formData, scope, (input, s) => regenerateRecoveryCodes(s, input.code));
  if (!state.ok || !state.result) return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  return { ok: true, message: "New recovery codes. The old ones no longer work. Save these now: they are shown only this once.", recoveryCodes: state.result };
}

export async function disableTwoFactorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireStaffSelf();
  const state = await runValidated(disableTwoFactorSchema, formData, scope, (input, s) => disableTwoFactor(s, input));
  // the password is never sent back into the form
  if (!state.ok) return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  revalidatePath("/account/two-factor");
  return { ok: true, message: "Two-factor sign-in is off. Your password alone signs you in again." };
}
