import "server-only";
import { checkAttempts, clearAttempts, recordFailedAttempt, type AttemptKey } from "@/lib/data/auth-attempts";
import { withoutControlCharacters } from "@/lib/validation/fields";
import { SIGN_IN_POLICY, strictest, type ThrottleDecision, type ThrottlePolicy } from "@/lib/domain/throttle";
import { clientIp } from "./client-ip";

export const INVITE_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 20, baseDelayMs: 250, maxDelayMs: 2_000 };

export function signInKeys(email: string | null | undefined, headers: Headers): AttemptKey[] {
  const keys: AttemptKey[] = [{ kind: "signin:ip", key: clientIp(headers) }];
  // a key, never shown: control characters (a NUL would fail the database write) are dropped
  const account = typeof email === "string" ? withoutControlCharacters(email).trim().toLowerCase().slice(0, 320) : "";
  if (account) keys.push({ kind: "signin:account", key: account });
  return keys;
}

export const checkSignIn = (keys: AttemptKey[]): Promise<ThrottleDecision> => checkAttempts(keys, SIGN_IN_POLICY);
export const recordSignInFailure = (keys: AttemptKey[]) => recordFailedAttempt(keys);
export const clearSignInFailures = (keys: AttemptKey[]) => clearAttempts(keys.filter((k) => k.kind === "signin:account"));

/**
 * The sign-in's code step (lib/data/two-factor.ts): failures counted per account (the pending
 * session's user, so a stranger's guesses cannot reach it without its password) and per network,
 * under the sign-in policy; a right code clears the account's count.
 */
export function secondFactorKeys(userId: string, headers: Headers): AttemptKey[] {
  return [
    { kind: "signin:ip", key: clientIp(headers) },
    { kind: "2fa:account", key: userId },
  ];
}
export const checkSecondFactor = (keys: AttemptKey[]): Promise<ThrottleDecision> => checkAttempts(keys, SIGN_IN_POLICY);
export const recordSecondFactorFailure = (keys: AttemptKey[]) => recordFailedAttempt(keys);
export const clearSecondFactorFailures = (keys: AttemptKey[]) => clearAttempts(keys.filter((k) => k.kind === "2fa:account"));

export function inviteKeys(headers: Headers): AttemptKey[] {
  return [{ kind: "invite:ip", key: clientIp(headers) }];
}
export const checkInvite = (headers: Headers) => checkAttempts(inviteKeys(headers), INVITE_POLICY);
export const recordInviteFailure = (headers: Headers) => recordFailedAttempt(inviteKeys(headers));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Reset links asked for: every request counts (not only failures), per network and per address,
 * so the form cannot be used to flood someone's mailbox. Known and unknown addresses count alike.
 */
export const RESET_ACCOUNT_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 5, baseDelayMs: 0, maxDelayMs: 0 };
export const RESET_IP_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 30, hardLimit: 30, baseDelayMs: 0, maxDelayMs: 0 };
const resetKeys = (email: string, headers: Headers) => ({
  ip: { kind: "reset:ip", key: clientIp(headers) },
  account: { kind: "reset:account", key: email.trim().toLowerCase().slice(0, 320) },
});
export async function checkResetRequest(email: string, headers: Headers): Promise<ThrottleDecision> {
  const { ip, account } = resetKeys(email, headers);
  return strictest([await checkAttempts([ip], RESET_IP_POLICY), await checkAttempts([account], RESET_ACCOUNT_POLICY)]);
}
export const recordResetRequest = (email: string, headers: Headers) => {
  const { ip, account } = resetKeys(email, headers);
  return recordFailedAttempt([ip, account]);
};
