/**
 * Throttling of failed attempts (sign-in, invite acceptance), as a pure decision over the times
 * of recent failures. Up to `freeFailures` failures cost nothing; after that every attempt waits a
 * delay that doubles per failure up to `maxDelayMs`; at `hardLimit` failures inside the window the
 * attempt is refused until enough of them have aged out of it. A policy without a hard limit
 * (`hardLimit: null`) only ever slows attempts down: that is the per-account policy, because
 * anyone can fail against anyone's email, and a stranger's failures must never lock the owner out.
 */
export type ThrottlePolicy = {
  windowMs: number;
  freeFailures: number;
  hardLimit: number | null;
  baseDelayMs: number;
  maxDelayMs: number;
};

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterSec: number };

/**
 * Sign-in, three counters (lib/security/sign-in-throttle.ts):
 * - per account (any address): delay only, 250 ms after 5 failures doubling to 3 s; never refused;
 * - per account and address: refused at 10 failures in 15 minutes (one guesser against one account);
 * - per address (any account): refused at 50 failures in 15 minutes (one guesser spraying accounts).
 * The two address counters exist only when the client's address is known (TRUST_PROXY_HOPS).
 */
export const SIGN_IN_ACCOUNT_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: null, baseDelayMs: 250, maxDelayMs: 3_000 };
export const SIGN_IN_ACCOUNT_ADDRESS_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 10, baseDelayMs: 250, maxDelayMs: 3_000 };
/** Codes of the second sign-in step: only the password's holder reaches it, so it may refuse. */
export const SECOND_FACTOR_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 20, baseDelayMs: 250, maxDelayMs: 2_000 };
export const SIGN_IN_ADDRESS_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 10, hardLimit: 50, baseDelayMs: 250, maxDelayMs: 3_000 };

export function decideThrottle(failures: readonly Date[], now: Date, policy: ThrottlePolicy): ThrottleDecision {
  const start = now.getTime() - policy.windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > start && t <= now.getTime()).sort((a, b) => a - b);
  const n = recent.length;
  if (policy.hardLimit !== null && n >= policy.hardLimit) {
    // refused until the count drops below the limit: the (n - hardLimit + 1)th oldest must age out
    const leaves = recent[n - policy.hardLimit]! + policy.windowMs;
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((leaves - now.getTime()) / 1000)) };
  }
  if (n < policy.freeFailures) return { allowed: true, delayMs: 0 };
  return { allowed: true, delayMs: Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - policy.freeFailures)) };
}

/** The stricter of several decisions (per account and per IP). */
export function strictest(decisions: readonly ThrottleDecision[]): ThrottleDecision {
  let delayMs = 0;
  let retryAfterSec = 0;
  for (const d of decisions) {
    if (!d.allowed) retryAfterSec = Math.max(retryAfterSec, d.retryAfterSec);
    else delayMs = Math.max(delayMs, d.delayMs);
  }
  return retryAfterSec > 0 ? { allowed: false, retryAfterSec } : { allowed: true, delayMs };
}

/** "3 minutes" / "40 seconds", for the message a person reads. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
