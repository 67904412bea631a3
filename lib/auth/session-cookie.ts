import { LRUCache } from "lru-cache";
import { decode } from "next-auth/jwt";
import type { Scope } from "./scope";

/**
 * The scope in a next-auth session cookie, decoded with next-auth's own `decode` (same key
 * derivation, same JWE checks, same expiry tolerance) but without the rest of `auth()`: that also
 * creates a CSRF token and re-encrypts the cookie on every call, which was most of the cost of an
 * API request. Sessions are stateless JWTs (signing out deletes the cookie; nothing server-side to
 * revoke), so remembering a decoded cookie until it expires, at most a few minutes, changes nothing
 * about who may do what.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type Claims = { uid?: unknown; clinicId?: unknown; role?: unknown; athleteId?: unknown; exp?: unknown };

const MAX_REMEMBER_MS = 5 * 60_000;
const remembered = new LRUCache<string, Scope>({ max: 10_000, ttl: MAX_REMEMBER_MS });

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
  const expMs = typeof claims?.exp === "number" ? claims.exp * 1000 : now;
  if (scope && expMs > now) remembered.set(key, scope, { ttl: Math.min(MAX_REMEMBER_MS, expMs - now) });
  return scope;
}
