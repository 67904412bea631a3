import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";
import type { Scope } from "./scope";

/**
 * The scope in a next-auth session cookie, decoded with next-auth's own `decode` (same key
 * derivation, same JWE checks, same expiry tolerance) but without the rest of `auth()`: that also
 * creates a CSRF token and re-encrypts the cookie on every call, which was most of the cost of an
 * API request. What the cookie says does not change until it expires, so remembering a decoded
 * cookie for a few minutes changes nothing about who may do what; whether its session is still
 * open (signed out, password changed, trainer deactivated) is checked on every request by the
 * caller (lib/auth/guards.ts, lib/data/sessions.ts).
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type Claims = { uid?: unknown; clinicId?: unknown; role?: unknown; athleteId?: unknown; sid?: unknown; exp?: unknown };

/** The scope and the server-side session id (null in a cookie made before sessions had ids). */
export type CookieSession = { scope: Scope; sessionId: string | null };

const MAX_REMEMBER_MS = 5 * 60_000;
const remembered = new LRUCache<string, CookieSession>({ max: 10_000, ttl: MAX_REMEMBER_MS });

export function scopeFromClaims(claims: Claims | null): Scope | null {
  if (!claims) return null;
  const { uid, clinicId, role, athleteId } = claims;
  if (typeof uid !== "string" || typeof clinicId !== "string") return null;
  if (role === "athlete") return typeof athleteId === "string" ? { userId: uid, clinicId, role, athleteId } : null;
  if (role === "owner" || role === "trainer") return { userId: uid, clinicId, role };
  return null;
}

/** The caller's scope from the cookie `name` = `value`, or null when it is missing, forged or expired. */
export async function scopeFromSessionCookie(name: string, value: string, secret: string, now = Date.now()): Promise<Scope | null> {
  return (await sessionFromCookie(name, value, secret, now))?.scope ?? null;
}

/** The scope and session id in the cookie, or null when it is missing, forged or expired. */
export async function sessionFromCookie(name: string, value: string, secret: string, now = Date.now()): Promise<CookieSession | null> {
  const key = `${name}=${value}`;
  const known = remembered.get(key);
  if (known) return known;
  let claims: Claims | null;
  try {
    claims = (await decode({ token: value, secret, salt: name })) as Claims | null;
  } catch {
    return null;
  }
  const scope = scopeFromClaims(claims);
  if (!scope) return null;
  const session = { scope, sessionId: typeof claims?.sid === "string" ? claims.sid : null };
  const expMs = typeof claims?.exp === "number" ? claims.exp * 1000 : now;
  if (expMs > now) remembered.set(key, session, { ttl: Math.min(MAX_REMEMBER_MS, expMs - now) });
  return session;
}
