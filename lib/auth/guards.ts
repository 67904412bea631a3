import "server-only";
import { notFound, redirect } from "next/navigation";
import { cookies } from "next/headers";
import { cache } from "react";
import type { AthleteScope, Scope, TrainerScope } from "./scope";
import { auth } from "./index";
import { isSessionLive } from "@/lib/data/sessions";
import { SESSION_COOKIE_NAMES, scopeFromClaims, sessionFromCookie, type CookieSession } from "./session-cookie";

/**
 * The caller's scope and session id, or null when signed out. Cached per request. The session
 * cookie is decoded directly (lib/auth/session-cookie.ts); a split ("chunked") cookie or a
 * configuration without AUTH_SECRET goes through next-auth's `auth()`. Either way the session must
 * still be open on the server (lib/data/sessions.ts): a cookie kept after sign-out, a password
 * change or a deactivation is refused.
 */
export const getSignedIn = cache(async (): Promise<CookieSession | null> => {
  const secret = process.env.AUTH_SECRET;
  const jar = await cookies();
  const chunked = jar.getAll().some((c) => SESSION_COOKIE_NAMES.some((n) => c.name.startsWith(`${n}.`)));
  let session: CookieSession | null;
  if (secret && !chunked) {
    const cookie = SESSION_COOKIE_NAMES.map((n) => jar.get(n)).find((c) => c !== undefined);
    session = cookie ? await sessionFromCookie(cookie.name, cookie.value, secret) : null;
  } else {
    const u = (await auth())?.user;
    const scope = u ? scopeFromClaims({ uid: u.id, clinicId: u.clinicId, role: u.role, athleteId: u.athleteId }) : null;
    session = scope ? { scope, sessionId: u?.sessionId ?? null } : null;
  }
  if (!session?.sessionId) return null;
  return (await isSessionLive(session.sessionId, session.scope.userId)) ? session : null;
});

export const getScope = cache(async (): Promise<Scope | null> => (await getSignedIn())?.scope ?? null);

/** For trainer pages: signed out → sign-in; an athlete → not found (the page does not exist for them). */
export async function requireTrainer(): Promise<TrainerScope> {
  const scope = await getScope();
  if (!scope) redirect("/sign-in");
  if (scope.role === "athlete") notFound();
  return scope;
}

export async function requireOwner(): Promise<TrainerScope> {
  const scope = await requireTrainer();
  if (scope.role !== "owner") notFound();
  return scope;
}

/** For athlete pages: signed out → sign-in; a trainer → their own home. */
export async function requireAthlete(): Promise<AthleteScope> {
  const scope = await getScope();
  if (!scope) redirect("/sign-in");
  if (scope.role !== "athlete") redirect("/dashboard");
  return scope;
}
