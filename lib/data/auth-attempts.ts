import "server-only";
import { and, desc, eq, gt, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authAttempts } from "@/db/schema";
import { decideThrottle, strictest, type ThrottleDecision, type ThrottlePolicy } from "@/lib/domain/throttle";

/**
 * Failed attempts counted in PostgreSQL (not in memory), so every app server sees the same count.
 * A key is { kind, key }: "signin:account" + email, "signin:account-ip" + email and IP,
 * "signin:ip" + IP, "invite:ip" + IP, "reset:account" + email, "signup:ip" + IP …
 */
export type AttemptKey = { kind: string; key: string };

const PRUNE_AFTER_MS = 24 * 60 * 60_000;

const matches = (keys: readonly AttemptKey[]) => or(...keys.map((k) => and(eq(authAttempts.kind, k.kind), eq(authAttempts.key, k.key))));

/** A counter and the policy that judges it. */
export type AttemptCheck = { key: AttemptKey; policy: ThrottlePolicy };

/** The strictest decision over several counters, each judged by its own policy. */
export async function checkAttempts(checks: readonly AttemptCheck[], now = new Date()): Promise<ThrottleDecision> {
  const db = getDb();
  const decisions = await Promise.all(
    checks.map(async ({ key, policy }) => {
      const rows = await db
        .select({ createdAt: authAttempts.createdAt })
        .from(authAttempts)
        .where(and(matches([key]), gt(authAttempts.createdAt, new Date(now.getTime() - policy.windowMs))))
        .orderBy(desc(authAttempts.createdAt))
        // enough to decide: past the hard limit (or the delay's cap) more rows change nothing but the wait
        .limit((policy.hardLimit ?? 0) + 64);
      return decideThrottle(rows.map((r) => r.createdAt), now, policy);
    }),
  );
  return strictest(decisions);
}

export async function recordFailedAttempt(keys: readonly AttemptKey[]): Promise<void> {
  if (keys.length === 0) return;
  const db = getDb();
  await db.insert(authAttempts).values(keys.map((k) => ({ kind: k.kind, key: k.key })));
  // keep the table small: a day-old failure counts for nothing
  await db.delete(authAttempts).where(and(matches(keys), lt(authAttempts.createdAt, new Date(Date.now() - PRUNE_AFTER_MS))));
}

/** A correct password clears the account's count (an IP's count stays: one success proves little). */
export async function clearAttempts(keys: readonly AttemptKey[]): Promise<void> {
  if (keys.length === 0) return;
  await getDb().delete(authAttempts).where(matches(keys));
}
