import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/data/accounts";
import { endSession, sessionStatus, startSession } from "@/lib/data/sessions";
import { checkSignIn, clearSignInFailures, recordSignInFailure, signInChecks, sleep } from "@/lib/security/sign-in-throttle";
import { signInSchema } from "@/lib/validation/accounts";
import { authConfig } from "./config";

/**
 * Sessions stay JWTs (Auth.js's credentials provider works only with the JWT strategy), each
 * tied to a row in user_sessions (lib/data/sessions.ts) opened at sign-in: ending the row ends
 * the session on every server, whoever still holds the cookie.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    // auth() and /api/auth/session: a cookie whose session ended is cleared (null signs out); one
    // still owing its second factor is kept (the guards refuse it, lib/auth/guards.ts)
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token;
      return token.sid && token.uid && (await sessionStatus(token.sid, token.uid)).state !== "over" ? token : null;
    },
  },
  events: {
    // both doors (the sign-out action and POST /api/auth/signout) end the server-side session
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid, "signed_out");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      /**
       * Both doors (the callback route and the sign-in action) end here. Failures are counted in
       * PostgreSQL per account, per client address and per account+address (lib/domain/throttle.ts):
       * the account's count only ever delays an attempt (capped at 3 s), so a stranger's failures
       * never block the owner's right password; the address counters refuse at their limits (the
       * route and the action answer 429 / "try again in …" before getting here). An unknown email
       * takes the same path as a wrong password: same queries, an argon2 verify against a dummy
       * hash, a counted failure. A staff member with two-factor sign-in gets a session that still
       * owes its second factor: the cookie is set, but no guard accepts it until
       * /sign-in/two-factor takes a code.
       */
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const checks = signInChecks(parsed.data.email, request.headers);
        const decision = await checkSignIn(checks);
        if (!decision.allowed) return null;
        if (decision.delayMs > 0) await sleep(decision.delayMs);
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) {
          await recordSignInFailure(checks);
          return null;
        }
        await clearSignInFailures(checks);
        const sessionId = await startSession(user, { secondFactorPending: user.twoFactor });
        return { sessionId, id: user.id, email: user.email, name: user.name, clinicId: user.clinicId, role: user.role, athleteId: user.athleteId };
      },
    }),
  ],
});
