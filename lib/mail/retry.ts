/**
 * What to do after a failed send. SMTP answers 5xx for a message that will never go (no such
 * mailbox, refused sender): no retry. Anything else (4xx, a connection that failed, a timeout) is
 * tried again, waiting 1, 2, 4, 8 … minutes, up to MAX_ATTEMPTS attempts in all.
 */
export const MAX_ATTEMPTS = 6;
export const FIRST_RETRY_MS = 60_000;

export type SendFailure = { responseCode?: number; message: string };

export type RetryDecision = { retry: true; afterMs: number } | { retry: false; reason: string };

export function afterFailedSend(attempts: number, failure: SendFailure): RetryDecision {
  if (failure.responseCode !== undefined && failure.responseCode >= 500 && failure.responseCode < 600) {
    return { retry: false, reason: `refused by the mail server (${failure.responseCode}): ${failure.message}` };
  }
  if (attempts >= MAX_ATTEMPTS) return { retry: false, reason: `gave up after ${attempts} attempts: ${failure.message}` };
  return { retry: true, afterMs: FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1) };
}

/** A message whose send was claimed this long ago and never marked is treated as not sent. */
export const CLAIM_LEASE_MS = 10 * 60_000;
