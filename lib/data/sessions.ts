import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb, type Tx } from "@/db/client";
import { userSessions, users } from "@/db/schema";

/**
 * Server-side sessions behind the JWT cookie. A sign-in inserts a row and the cookie carries its
 * id; a request is signed in only while that row is not ended and its user not deactivated.
 * The answer is remembered for LIVE_CACHE_MS per server: ending sessions on this server forgets
 * everything remembered at once, so here the change is immediate; another server sees it within
 * LIVE_CACHE_MS. One indexed lookup per session per few seconds instead of one per request.
 */
export type EndReason = "signed_out" | "signed_out_everywhere" | "password_changed" | "password_reset" | "deactivated";

export const LIVE_CACHE_MS = 5_000;
// on globalThis: Next bundles route handlers, pages and actions separately, each with its own copy
// of this module; one cache per server is what lets "forget" reach the route that asks next
const globalForSessions = globalThis as unknown as { strideLiveSessions?: LRUCache<string, boolean> };
const live = (globalForSessions.strideLiveSessions ??= new LRUCache<string, boolean>({ max: 20_000, ttl: LIVE_CACHE_MS }));

export function forgetRememberedSessions(): void {
  live.clear();
}

export async function startSession(user: { id: string; clinicId: string }): Promise<string> {
  const [row] = await getDb().insert(userSessions).values({ userId: user.id, clinicId: user.clinicId }).returning({ id: userSessions.id });
  return row!.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True while the session is open and its user active; a malformed id is simply not live. */
export async function isSessionLive(sessionId: string, userId: string): Promise<boolean> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return false;
  const key = `${sessionId}:${userId}`;
  const known = live.get(key);
  if (known !== undefined) return known;
  const [row] = await getDb()
    .select({ id: userSessions.id })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.endedAt), isNull(users.archivedAt)));
  const isLive = row !== undefined;
  live.set(key, isLive);
  return isLive;
}

/** Ends one session (sign-out). Ending an ended or unknown session does nothing. */
export async function endSession(sessionId: string, reason: EndReason): Promise<void> {
  if (!UUID.test(sessionId)) return;
  await getDb()
    .update(userSessions)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)));
  forgetRememberedSessions();
}

/**
 * Ends every open session of a user but `except` (the one making a password change), inside the
 * caller's transaction. The caller forgets remembered answers after commit (forgetRememberedSessions).
 */
export async function endUserSessions(tx: Tx, userId: string, reason: EndReason, except?: string | null): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), except ? ne(userSessions.id, except) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}
