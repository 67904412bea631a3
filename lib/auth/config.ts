import type { NextAuthConfig } from "next-auth";

/**
 * The part of the next-auth config the proxy can load: no database, no argon2.
 * The proxy only redirects early; the data layer is the security boundary.
 */
export const TRAINER_PREFIXES = ["/dashboard", "/athletes", "/exercises", "/programs", "/settings", "/templates"];
export const ATHLETE_PREFIXES = ["/today", "/check-in", "/history", "/program", "/progress", "/log", "/shoes", "/my-data"];

/** Pages of every signed-in person, trainer or athlete. */
export const ACCOUNT_PREFIXES = ["/account"];

export function needsSession(path: string): boolean {
  return [...TRAINER_PREFIXES, ...ATHLETE_PREFIXES, ...ACCOUNT_PREFIXES].some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Secure (and __Secure-/__Host- prefixed) cookies follow the request's scheme by default, which is
 * what a TLS-terminating proxy with X-Forwarded-Proto gives; COOKIE_SECURE=true|false overrides it.
 * Over plain http (the e2e server on 127.0.0.1) a Secure cookie would never come back, so sign-in
 * would silently fail. The session cookie is HttpOnly and SameSite=Lax either way.
 */
const cookieSecure = process.env.COOKIE_SECURE === "true" ? true : process.env.COOKIE_SECURE === "false" ? false : undefined;

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
  ...(cookieSecure === undefined ? {} : { useSecureCookies: cookieSecure }),
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production" || undefined,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      return needsSession(request.nextUrl.pathname) ? Boolean(auth?.user) : true;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id!;
        token.clinicId = user.clinicId;
        token.role = user.role;
        token.athleteId = user.athleteId;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.clinicId = token.clinicId;
      session.user.role = token.role;
      session.user.athleteId = token.athleteId;
      session.user.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
