/**
 * Throttling of failed attempts (sign-in, invite acceptance), as a pure decision over the times
 * of recent failures. Up to `freeFailures` failures cost nothing; after that every attempt waits a
 * delay that doubles per failure up to `maxDelayMs`; at `hardLimit` failures inside the window the
 * attempt is refused until enough of them have aged out of it.
 */
export type ThrottlePolicy = {
  windowMs: number;
  freeFailures: number;
  hardLimit: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterSec: number };

export const SIGN_IN_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, freeFailures: 5, hardLimit: 20, baseDelayMs: 250, maxDelayMs: 4_000 };

export function decideThrottle(failures: readonly Date[], now: Date, policy: ThrottlePolicy): ThrottleDecision {
  const start = now.getTime() - policy.windowMs;
  const recent = failures.map((d) => d.getTime()).filter((t) => t > start && t <= now.getTime()).sort((a, b) => a - b);
  const n = recent.length;
  if (n >= policy.hardLimit) {
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
