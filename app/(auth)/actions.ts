"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { formValues, runValidated, type ActionState } from "@/lib/auth/action";
import { signUpClinic } from "@/lib/data/accounts";
import { acceptInvite } from "@/lib/data/invites";
import { emailField, newPasswordField, signInSchema, signUpSchema } from "@/lib/validation/accounts";

const GENERIC_SIGN_IN_ERROR = "That email and password do not match an account.";

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  delete values.password;
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, message: GENERIC_SIGN_IN_ERROR, values };
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
  const state = await runValidated(acceptInviteSchema, formData, null, (input) => acceptInvite(input));
  if (!state.ok || !state.result) {
    if (state.values) delete state.values.password;
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  }
  await signIn("credentials", { email: state.result.email, password: formData.get("password"), redirectTo: "/" });
  return { ok: true };
}
