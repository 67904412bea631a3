import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig, needsSession } from "@/lib/auth/config";
import { contentSecurityPolicy } from "@/lib/security/headers";

const { auth } = NextAuth(authConfig);

/**
 * Two jobs, neither of them the security boundary (every data function checks the scope again):
 * an early redirect to sign-in for signed-out visitors of the app areas, and a fresh CSP nonce per
 * document. Next reads the nonce from the request's Content-Security-Policy header and puts it on
 * its own scripts, so pages must render dynamically (the auth pages call connection()).
 */
const authProxy = auth((request) => {
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

/** A path that is not valid percent-encoding (say %FF) makes Next's own decoding fail with a bare 500. */
function isMalformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest, event: NextFetchEvent) {
  const path = request.nextUrl.pathname;
  if (isMalformedPath(path)) {
    return NextResponse.json({ error: { message: "The address is not valid: it has a broken %-encoding." } }, { status: 400 });
  }
  // the API checks its own sessions; it passes through here only for the check above
  if (path.startsWith("/api/")) return NextResponse.next();
  return authProxy(request as Parameters<typeof authProxy>[0], event as never);
}

export const config = {
  matcher: [
    "/api/:path*",
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
