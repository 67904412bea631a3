import "server-only";
import { notFound, redirect } from "next/navigation";
import { cookies } from "next/headers";
import { cache } from "react";
import type { AthleteScope, Scope, TrainerScope } from "./scope";
import { auth } from "./index";
import { sessionStatus } from "@/lib/data/sessions";
import { SESSION_COOKIE_NAMES, scopeFromClaims, sessionFromCookie, type CookieSession } from "./session-cookie";

/**
 * The caller's scope and session id, or null when signed out. Cached per request. The session
 * cookie is decoded directly (lib/auth/session-cookie.ts); a split ("chunked") cookie or a
 * configuration without AUTH_SECRET goes through next-auth's `auth()`. Either way the session must
 * still be open on the server (lib/data/sessions.ts): a cookie kept after sign-out, a password
 * change or a deactivation is refused.
 */
/** The cookie's session whatever its state: decoded and authentic, not yet checked on the server. */
const getCookieSession = cache(async (): Promise<CookieSession | null> => {
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
  return session?.sessionId ? session : null;
});

export type SignedIn = CookieSession & { sessionId: string; mustEnrol: boolean };

/**
 * The signed-in caller (session open and past its second factor), with `mustEnrol` set for a
 * trainer whose clinic requires two-factor sign-in they have not set up: only the enrolment page
 * (/account/two-factor) and sign-out accept such a session; getScope() and every guard refuse it.
 */
export const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  const session = await getCookieSession();
  if (!session?.sessionId) return null;
  const status = await sessionStatus(session.sessionId, session.scope.userId);
  return status.state === "live" ? { ...session, sessionId: session.sessionId, mustEnrol: status.mustEnrol } : null;
});

/** A sign-in whose password was right and whose second factor is still owed (the code step). */
export const getPendingSignIn = cache(async (): Promise<(CookieSession & { sessionId: string }) | null> => {
  const session = await getCookieSession();
  if (!session?.sessionId) return null;
  const status = await sessionStatus(session.sessionId, session.scope.userId);
  return status.state === "pending" ? { ...session, sessionId: session.sessionId } : null;
});

/** The full scope of the caller, or null: signed out, a second factor owed, or enrolment owed. */
export const getScope = cache(async (): Promise<Scope | null> => {
  const signedIn = await getSignedIn();
  return signedIn && !signedIn.mustEnrol ? signedIn.scope : null;
});

/** Where a caller without a full scope goes: the code step, the enrolment page, or sign-in. */
export async function redirectUnsignedIn(): Promise<never> {
  if ((await getSignedIn())?.mustEnrol) redirect("/account/two-factor");
  if (await getPendingSignIn()) redirect("/sign-in/two-factor");
  redirect("/sign-in");
}

/** For trainer pages: signed out → sign-in; an athlete → not found (the page does not exist for them). */
export async function requireTrainer(): Promise<TrainerScope> {
  const scope = await getScope();
  if (!scope) return redirectUnsignedIn();
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
  if (!scope) return redirectUnsignedIn();
  if (scope.role !== "athlete") redirect("/dashboard");
  return scope;
}
