"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { formValues, runValidated, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { signUpClinic } from "@/lib/data/accounts";
import { acceptInvite } from "@/lib/data/invites";
import { describeWait } from "@/lib/domain/throttle";
import { checkInvite, checkSignIn, recordInviteFailure, signInKeys, sleep } from "@/lib/security/sign-in-throttle";
import { emailField, newPasswordField, signInSchema, signUpSchema } from "@/lib/validation/accounts";

const GENERIC_SIGN_IN_ERROR = "That email and password do not match an account.";

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const values = formValues(formData);
  delete values.password;
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, message: GENERIC_SIGN_IN_ERROR, values };
  const throttle = await checkSignIn(signInKeys(parsed.data.email, await headers()));
  if (!throttle.allowed) {
    return { ok: false, message: `Too many failed sign-ins for this account or network. Try again in ${describeWait(throttle.retryAfterSec)}.`, values };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { ok: true };
  } catch (err) {
    // a wrong password is an AuthError; anything else (including the success redirect) goes on up
    if (err instanceof AuthError) return { ok: false, message: GENERIC_SIGN_IN_ERROR, values };
    throw err;
  }
}

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const state = await runValidated(signUpSchema, formData, null, (input) => signUpClinic(input));
  if (!state.ok) {
    if (state.values) delete state.values.password;
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  }
  await signIn("credentials", { email: formData.get("email"), password: formData.get("password"), redirectTo: "/dashboard" });
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

const acceptInviteSchema = z.object({
  token: z.string().min(10).max(200),
  password: newPasswordField,
  email: z.preprocess((v) => (v === "" ? undefined : v), emailField.optional()),
});

export async function acceptInviteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  // guessing tokens is throttled per IP, counted in the database like sign-ins
  const requestHeaders = await headers();
  const throttle = await checkInvite(requestHeaders);
  if (!throttle.allowed) {
    return { ok: false, message: `Too many invitation attempts from this network. Try again in ${describeWait(throttle.retryAfterSec)}.` };
  }
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);
  const state = await runValidated(acceptInviteSchema, formData, null, (input) => acceptInvite(input));
  if (!state.ok || !state.result) {
    // a wrong or used token counts; a too-short password does not
    if (!state.fieldErrors || state.fieldErrors.token) await recordInviteFailure(requestHeaders);
    if (state.values) delete state.values.password;
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  }
  await signIn("credentials", { email: state.result.email, password: formData.get("password"), redirectTo: "/" });
  return { ok: true };
}
