import "server-only";
import { and, asc, eq, gt, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authAttempts } from "@/db/schema";
import { decideThrottle, strictest, type ThrottleDecision, type ThrottlePolicy } from "@/lib/domain/throttle";

/**
 * Failed attempts counted in PostgreSQL (not in memory), so every app server sees the same count.
 * A key is { kind, key }: "signin:account" + email, "signin:ip" + IP, "invite:ip" + IP.
 */
export type AttemptKey = { kind: string; key: string };

const PRUNE_AFTER_MS = 24 * 60 * 60_000;

const matches = (keys: readonly AttemptKey[]) => or(...keys.map((k) => and(eq(authAttempts.kind, k.kind), eq(authAttempts.key, k.key))));

export async function checkAttempts(keys: readonly AttemptKey[], policy: ThrottlePolicy, now = new Date()): Promise<ThrottleDecision> {
  if (keys.length === 0) return { allowed: true, delayMs: 0 };
  const rows = await getDb()
    .select({ kind: authAttempts.kind, key: authAttempts.key, createdAt: authAttempts.createdAt })
    .from(authAttempts)
    .where(and(matches(keys), gt(authAttempts.createdAt, new Date(now.getTime() - policy.windowMs))))
    .orderBy(asc(authAttempts.createdAt))
    // enough to decide: beyond the hard limit more rows change nothing but the wait
    .limit(policy.hardLimit * keys.length * 4);
  return strictest(keys.map((k) => decideThrottle(rows.filter((r) => r.kind === k.kind && r.key === k.key).map((r) => r.createdAt), now, policy)));
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
