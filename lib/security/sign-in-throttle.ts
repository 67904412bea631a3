import "server-only";
import { checkAttempts, clearAttempts, recordFailedAttempt, type AttemptCheck, type AttemptKey } from "@/lib/data/auth-attempts";
import { env } from "@/lib/env";
import { withoutControlCharacters } from "@/lib/validation/fields";
import {
  SECOND_FACTOR_POLICY,
  SIGN_IN_ACCOUNT_ADDRESS_POLICY,
  SIGN_IN_ACCOUNT_POLICY,
  SIGN_IN_ADDRESS_POLICY,
  type ThrottleDecision,
  type ThrottlePolicy,
} from "@/lib/domain/throttle";
import { clientIp } from "./client-ip";

export const INVITE_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 20, baseDelayMs: 250, maxDelayMs: 2_000 };

/** The client's address as TRUST_PROXY_HOPS allows us to know it, or null. */
const addressOf = (headers: Headers) => clientIp(headers, env().TRUST_PROXY_HOPS);

/** A key, never shown: control characters (a NUL would fail the database write) are dropped. */
const accountKey = (email: string | null | undefined) => (typeof email === "string" ? withoutControlCharacters(email).trim().toLowerCase().slice(0, 320) : "");

/**
 * The counters of one sign-in attempt, each with its policy (lib/domain/throttle.ts): the account
 * only slows down (a stranger cannot lock the owner out); the address, and the account from that
 * address, are refused at their limits.
 */
export function signInChecks(email: string | null | undefined, headers: Headers): AttemptCheck[] {
  const checks: AttemptCheck[] = [];
  const ip = addressOf(headers);
  const account = accountKey(email);
  if (ip) checks.push({ key: { kind: "signin:ip", key: ip }, policy: SIGN_IN_ADDRESS_POLICY });
  if (account) checks.push({ key: { kind: "signin:account", key: account }, policy: SIGN_IN_ACCOUNT_POLICY });
  if (account && ip) checks.push({ key: { kind: "signin:account-ip", key: `${account} ${ip}` }, policy: SIGN_IN_ACCOUNT_ADDRESS_POLICY });
  return checks;
}

const keysOf = (checks: readonly AttemptCheck[]): AttemptKey[] => checks.map((c) => c.key);

/**
 * The sign-in's code step (lib/data/two-factor.ts): failures counted per account (the pending
 * session's user: only someone who knew the password gets here, so a hard limit locks out no
 * stranger's victim) and per address, as TRUST_PROXY_HOPS allows us to know it.
 */
export function secondFactorChecks(userId: string, headers: Headers): AttemptCheck[] {
  const ip = addressOf(headers);
  return [
    ...(ip ? [{ key: { kind: "signin:ip", key: ip }, policy: SIGN_IN_ADDRESS_POLICY }] : []),
    { key: { kind: "2fa:account", key: userId }, policy: SECOND_FACTOR_POLICY },
  ];
}
export const checkSecondFactor = (checks: AttemptCheck[]): Promise<ThrottleDecision> => checkAttempts(checks);
export const recordSecondFactorFailure = (checks: AttemptCheck[]) => recordFailedAttempt(keysOf(checks));
export const clearSecondFactorFailures = (checks: AttemptCheck[]) => clearAttempts(keysOf(checks).filter((k) => k.kind === "2fa:account"));

export const checkSignIn = (checks: AttemptCheck[]): Promise<ThrottleDecision> => checkAttempts(checks);
export const recordSignInFailure = (checks: AttemptCheck[]) => recordFailedAttempt(keysOf(checks));
/** The right password clears the account's counters (an address's count stays: one success proves little). */
export const clearSignInFailures = (checks: AttemptCheck[]) => clearAttempts(keysOf(checks).filter((k) => k.kind !== "signin:ip"));

function inviteChecks(headers: Headers): AttemptCheck[] {
  const ip = addressOf(headers);
  return ip ? [{ key: { kind: "invite:ip", key: ip }, policy: INVITE_POLICY }] : [];
}
/** Guessing invitation, reset and sign-up confirmation tokens (32 random bytes each), per address. */
export const checkInvite = (headers: Headers) => checkAttempts(inviteChecks(headers));
export const recordInviteFailure = (headers: Headers) => recordFailedAttempt(keysOf(inviteChecks(headers)));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Emails asked for (reset links, sign-up confirmations): every request counts (not only
 * failures), per address and per recipient, so the forms cannot flood someone's mailbox. Known
 * and unknown emails count alike, so the limit says nothing about which exist.
 */
export const MAIL_REQUEST_ACCOUNT_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 5, baseDelayMs: 0, maxDelayMs: 0 };
export const MAIL_REQUEST_IP_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 30, hardLimit: 30, baseDelayMs: 0, maxDelayMs: 0 };

function mailRequestChecks(what: "reset" | "signup", email: string, headers: Headers): AttemptCheck[] {
  const ip = addressOf(headers);
  const checks: AttemptCheck[] = [{ key: { kind: `${what}:account`, key: accountKey(email) }, policy: MAIL_REQUEST_ACCOUNT_POLICY }];
  if (ip) checks.push({ key: { kind: `${what}:ip`, key: ip }, policy: MAIL_REQUEST_IP_POLICY });
  return checks;
}
export const checkMailRequest = (what: "reset" | "signup", email: string, headers: Headers): Promise<ThrottleDecision> =>
  checkAttempts(mailRequestChecks(what, email, headers));
export const recordMailRequest = (what: "reset" | "signup", email: string, headers: Headers) => recordFailedAttempt(keysOf(mailRequestChecks(what, email, headers)));

