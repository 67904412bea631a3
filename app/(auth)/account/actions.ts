"use server";

import { redirect } from "next/navigation";
import { runValidated, isForm, NOT_A_FORM, type ActionState } from "@/lib/auth/action";
import { signOut } from "@/lib/auth";
import { getSignedIn } from "@/lib/auth/guards";
import { changePassword, signOutEverywhere } from "@/lib/data/accounts";
import { changePasswordSchema } from "@/lib/validation/accounts";

/** Trainers and athletes alike: the session of the caller, or to sign-in. */
async function requireSignedIn() {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/sign-in");
  // a trainer owing enrolment (their clinic requires two-factor sign-in) does that first
  if (signedIn.mustEnrol) redirect("/account/two-factor");
  return { scope: signedIn.scope, sessionId: signedIn.sessionId };
}

export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const { scope, sessionId } = await requireSignedIn();
  const state = await runValidated(changePasswordSchema, formData, scope, (input, s) => changePassword(s, sessionId, input));
  // passwords are never sent back into the form
  if (!state.ok) return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  return { ok: true, message: "Password changed. Every other session has been signed out." };
}

/** Takes no input (like signOutAction): whatever a request sends, it acts on the caller alone. */
export async function signOutEverywhereAction(): Promise<void> {
  const { scope } = await requireSignedIn();
  await signOutEverywhere(scope);
  await signOut({ redirectTo: "/sign-in" });
}
