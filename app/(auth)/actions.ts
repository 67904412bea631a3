"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { formValues, runValidated, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { requestPasswordReset, resetPassword } from "@/lib/data/password-resets";
import { confirmSignUp, requestSignUp } from "@/lib/data/sign-ups";
import { acceptInvite } from "@/lib/data/invites";
import { describeWait } from "@/lib/domain/throttle";
import { getPendingSignIn } from "@/lib/auth/guards";
import { completeSecondFactor } from "@/lib/data/two-factor";
import {
  checkInvite,
  checkMailRequest,
  checkSecondFactor,
  checkSignIn,
  clearSecondFactorFailures,
  recordInviteFailure,
  recordMailRequest,
  recordSecondFactorFailure,
  secondFactorChecks,
  signInChecks,
  sleep,
} from "@/lib/security/sign-in-throttle";
import { forgotPasswordSchema, newPasswordField, resetPasswordSchema, secondFactorSchema, signInSchema, signUpSchema } from "@/lib/validation/accounts";

const GENERIC_SIGN_IN_ERROR = "That email and password do not match an account.";

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const values = formValues(formData);
  delete values.password;
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, message: GENERIC_SIGN_IN_ERROR, values };
  const throttle = await checkSignIn(signInChecks(parsed.data.email, await headers()));
  if (!throttle.allowed) {
    return { ok: false, message: `Too many failed sign-ins from your network. Try again in ${describeWait(throttle.retryAfterSec)}.`, values };
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

const WRONG_SECOND_FACTOR = "That code is not right. Enter the 6-digit code your app shows now, or an unused recovery code.";

/**
 * The sign-in's second step, for staff with two-factor sign-in: the session the password opened
 * still owes its second factor (lib/data/sessions.ts) until a current code from the app or an
 * unused recovery code is given here. Throttled like passwords, per account and per network.
 */
export async function verifySecondFactorAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const pending = await getPendingSignIn();
  if (!pending) return { ok: false, message: "This sign-in has expired. Sign in again with your email and password." };
  const parsed = secondFactorSchema.safeParse({ code: formData.get("code") });
  if (!parsed.success) return { ok: false, message: WRONG_SECOND_FACTOR, fieldErrors: { code: [parsed.error.issues[0]!.message] } };
  const keys = secondFactorChecks(pending.scope.userId, await headers());
  const throttle = await checkSecondFactor(keys);
  if (!throttle.allowed) return { ok: false, message: `Too many wrong codes for this account or network. Try again in ${describeWait(throttle.retryAfterSec)}.` };
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);
  const used = await completeSecondFactor({ sessionId: pending.sessionId, userId: pending.scope.userId }, parsed.data.code);
  if (!used) {
    await recordSecondFactorFailure(keys);
    return { ok: false, message: WRONG_SECOND_FACTOR, fieldErrors: { code: ["That code is not right."] } };
  }
  await clearSecondFactorFailures(keys);
  redirect("/");
}

const SIGN_UP_SENT = "Check your email: we have sent a link to confirm the address and create your clinic. It works once, for 24 hours.";

/**
 * Step 1 of sign-up (lib/data/sign-ups.ts): the same answer, after the same work, whether or not
 * the email has an account; the email itself says which. Limited per recipient and per network.
 */
export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const requestHeaders = await headers();
  const state = await runValidated(signUpSchema, formData, null, async (input) => {
    const throttle = await checkMailRequest("signup", input.email, requestHeaders);
    if (!throttle.allowed) return { throttledFor: throttle.retryAfterSec };
    await recordMailRequest("signup", input.email, requestHeaders);
    await requestSignUp(input);
    return { throttledFor: 0 };
  });
  if (state.values) delete state.values.password;
  if (!state.ok || !state.result) return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  if (state.result.throttledFor > 0) {
    return { ok: false, message: `Too many sign-ups for this address or network. Try again in ${describeWait(state.result.throttledFor)}.`, values: state.values };
  }
  return { ok: true, message: SIGN_UP_SENT };
}

const confirmSignUpSchema = z.object({
  token: z.string({ error: "This confirmation link is not valid." }).min(20, "This confirmation link is not valid.").max(200, "This confirmation link is not valid."),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024),
});

/** Step 2: the emailed link and the chosen password create the clinic, then sign the owner in. */
export async function confirmSignUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  // guessing tokens (or the password of a pending sign-up) is throttled per network like invitations
  const requestHeaders = await headers();
  const throttle = await checkInvite(requestHeaders);
  if (!throttle.allowed) {
    return { ok: false, message: `Too many attempts from this network. Try again in ${describeWait(throttle.retryAfterSec)}.` };
  }
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);
  const state = await runValidated(confirmSignUpSchema, formData, null, (input) => confirmSignUp(input));
  if (!state.ok || !state.result) {
    if (!state.fieldErrors || state.fieldErrors.token || state.fieldErrors.password) await recordInviteFailure(requestHeaders);
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  }
  await signIn("credentials", { email: state.result.email, password: formData.get("password"), redirectTo: "/dashboard" });
  return { ok: true };
}

/** Ends this session on the server too (lib/auth/index.ts, events.signOut), not only the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

const RESET_REQUESTED = "If an account uses that email, we have sent it a link to choose a new password. The link works once, for an hour.";

/** Same answer whether or not the email has an account; limited per network and per address. */
export async function requestResetAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const values = formValues(formData);
  const parsed = forgotPasswordSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return { ok: false, message: "Enter the email address you sign in with.", fieldErrors: { email: ["Enter a valid email address, like name@example.com."] }, values };
  const requestHeaders = await headers();
  const throttle = await checkMailRequest("reset", parsed.data.email, requestHeaders);
  if (!throttle.allowed) {
    return { ok: false, message: `Too many reset requests for this address or network. Try again in ${describeWait(throttle.retryAfterSec)}.`, values };
  }
  await recordMailRequest("reset", parsed.data.email, requestHeaders);
  try {
    await requestPasswordReset(parsed.data.email);
  } catch (err) {
    console.error("[reset] could not queue a reset link", err);
    return { ok: false, message: "Something went wrong on our side. Please try again in a minute.", values };
  }
  return { ok: true, message: RESET_REQUESTED };
}

export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  // guessing reset tokens is throttled per IP like invitation tokens
  const requestHeaders = await headers();
  const throttle = await checkInvite(requestHeaders);
  if (!throttle.allowed) {
    return { ok: false, message: `Too many attempts from this network. Try again in ${describeWait(throttle.retryAfterSec)}.` };
  }
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);
  const state = await runValidated(resetPasswordSchema, formData, null, (input) => resetPassword(input));
  if (!state.ok) {
    if (!state.fieldErrors || state.fieldErrors.token) await recordInviteFailure(requestHeaders);
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  }
  redirect("/sign-in?reset=done");
}

// the address is the invitation's own (it was emailed there), never typed here
const acceptInviteSchema = z.object({
  token: z.string().min(10).max(200),
  password: newPasswordField,
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
