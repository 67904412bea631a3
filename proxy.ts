import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authConfig, needsSession } from "@/lib/auth/config";
import { contentSecurityPolicy } from "@/lib/security/headers";

const { auth } = NextAuth(authConfig);

/**
 * Two jobs, neither of them the security boundary (every data function checks the scope again):
 * an early redirect to sign-in for signed-out visitors of the app areas, and a fresh CSP nonce per
 * document. Next reads the nonce from the request's Content-Security-Policy header and puts it on
 * its own scripts, so pages must render dynamically (the auth pages call connection()).
 */
export const proxy = auth((request) => {
  const path = request.nextUrl.pathname;
  if (needsSession(path) && !request.auth?.user) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    url.searchParams.set("callbackUrl", request.nextUrl.href);
    return NextResponse.redirect(url);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
});

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|csv|txt)$).*)",
      // prefetches do not render a document of their own
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
