import "server-only";
import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { getDb, type Tx } from "@/db/client";
import { clinics, userSessions, users, userTwoFactor } from "@/db/schema";

/**
 * Server-side sessions behind the JWT cookie. A sign-in inserts a row and the cookie carries its
 * id; a request is signed in only while that row is not ended and its user not deactivated.
 * The answer is remembered for LIVE_CACHE_MS per server: ending sessions on this server forgets
 * everything remembered at once, so here the change is immediate; another server sees it within
 * LIVE_CACHE_MS. One indexed lookup per session per few seconds instead of one per request.
 */
export type EndReason = "signed_out" | "signed_out_everywhere" | "password_changed" | "password_reset" | "deactivated";

/**
 * - live: signed in. `mustEnrol`: a trainer of a clinic that requires two-factor sign-in who has
 *   not set it up; the guards send them to /account/two-factor and refuse everything else.
 * - pending: the password was right, the second factor is still owed (lib/data/two-factor.ts);
 *   no guard treats this as signed in. After PENDING_SECOND_FACTOR_MS it is simply over.
 * - over: ended, unknown, or its user deactivated.
 */
export type SessionStatus = { state: "live"; mustEnrol: boolean } | { state: "pending" } | { state: "over" };

export const PENDING_SECOND_FACTOR_MS = 10 * 60_000;

export const LIVE_CACHE_MS = 5_000;
// on globalThis: Next bundles route handlers, pages and actions separately, each with its own copy
// of this module; one cache per server is what lets "forget" reach the route that asks next
const globalStatus = globalThis as unknown as { strideSessionStatus?: LRUCache<string, SessionStatus> };
const live = (globalStatus.strideSessionStatus ??= new LRUCache<string, SessionStatus>({ max: 20_000, ttl: LIVE_CACHE_MS }));

export function forgetRememberedSessions(): void {
  live.clear();
}

/** `secondFactorPending`: the password was right and a second factor is owed before the session counts. */
export async function startSession(user: { id: string; clinicId: string }, opts: { secondFactorPending?: boolean } = {}): Promise<string> {
  const [row] = await getDb()
    .insert(userSessions)
    .values({ userId: user.id, clinicId: user.clinicId, secondFactorPending: opts.secondFactorPending ?? false })
    .returning({ id: userSessions.id });
  return row!.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OVER: SessionStatus = { state: "over" };

/** What the session is now (see SessionStatus); a malformed id is simply over. */
export async function sessionStatus(sessionId: string, userId: string): Promise<SessionStatus> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return OVER;
  const key = `${sessionId}:${userId}`;
  const known = live.get(key);
  if (known !== undefined) return known;
  const [row] = await getDb()
    .select({
      pending: userSessions.secondFactorPending,
      createdAt: userSessions.createdAt,
      role: users.role,
      required: clinics.requireTwoFactor,
      enrolled: sql<boolean>`${userTwoFactor.userId} is not null`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .leftJoin(userTwoFactor, and(eq(userTwoFactor.userId, users.id), isNotNull(userTwoFactor.enabledAt)))
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.endedAt), isNull(users.archivedAt)));
  let status: SessionStatus;
  if (!row) status = OVER;
  else if (row.pending) status = Date.now() - row.createdAt.getTime() < PENDING_SECOND_FACTOR_MS ? { state: "pending" } : OVER;
  else status = { state: "live", mustEnrol: row.role !== "athlete" && row.required && !row.enrolled };
  // a pending session is asked about again at once after its code: never remember it
  if (status.state !== "pending") live.set(key, status);
  return status;
}

/** True while the session is open, past its second factor, and its user active. */
export async function isSessionLive(sessionId: string, userId: string): Promise<boolean> {
  return (await sessionStatus(sessionId, userId)).state === "live";
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
