import type { NextAuthConfig } from "next-auth";

/**
 * The part of the next-auth config the proxy can load: no database, no argon2.
 * The proxy only redirects early; the data layer is the security boundary.
 */
export const TRAINER_PREFIXES = ["/dashboard", "/athletes", "/exercises", "/programs", "/settings", "/templates"];
export const ATHLETE_PREFIXES = ["/today", "/check-in", "/history", "/program", "/progress", "/log", "/shoes"];

export const authConfig = {
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 14 },
  trustHost: process.env.AUTH_TRUST_HOST === "true" || process.env.NODE_ENV !== "production" || undefined,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      const needsSession = [...TRAINER_PREFIXES, ...ATHLETE_PREFIXES].some((p) => path === p || path.startsWith(`${p}/`));
      return needsSession ? Boolean(auth?.user) : true;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id!;
        token.clinicId = user.clinicId;
        token.role = user.role;
        token.athleteId = user.athleteId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.clinicId = token.clinicId;
      session.user.role = token.role;
      session.user.athleteId = token.athleteId;
      return session;
    },
  },
} satisfies NextAuthConfig;
