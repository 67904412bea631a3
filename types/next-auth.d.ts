import type { DefaultSession } from "next-auth";

type Role = "owner" | "trainer" | "athlete";

declare module "next-auth" {
  interface User {
    clinicId: string;
    role: Role;
    athleteId: string | null;
    /** the server-side session (user_sessions) this sign-in opened */
    sessionId?: string;
  }
  interface Session {
    user: {
      id: string;
      clinicId: string;
      role: Role;
      athleteId: string | null;
      sessionId?: string;
    } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid: string;
    clinicId: string;
    role: Role;
    athleteId: string | null;
    sid?: string;
  }
}
