import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig, needsSession } from "@/lib/auth/config";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { actionBodyLimit, checkActionBody, checkActionHeaders, type ActionBodyRefusal } from "@/lib/security/action-body";
import { isCrossSiteWrite } from "@/lib/security/origin";
import { USER_HEADER } from "@/lib/offline/routes";

const { auth } = NextAuth(authConfig);

/**
 * Two jobs for pages, neither of them the security boundary (every data function checks the scope
 * again): an early redirect to sign-in for signed-out visitors of the app areas, and a fresh CSP
 * nonce per document (server-action calls skip both; their bodies are checked in proxy() below). Next reads the nonce from the request's Content-Security-Policy header and puts it on
 * its own scripts, so pages must render dynamically (the auth pages call connection()).
 */
const authProxy = auth((request) => {
  const path = request.nextUrl.pathname;
  if (needsSession(path) && !request.auth?.user) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = "";
    url.searchParams.set("callbackUrl", request.nextUrl.href);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set(USER_HEADER, "-");
    return redirect;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  // whose page this is, for the service worker's per-user cache of the offline athlete pages ("-": nobody's)
  response.headers.set(USER_HEADER, request.auth?.user?.id ?? "-");
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

/** A server-action POST whose body Next could not decode (it would answer a bare 500). */
async function actionBodyRefusal(request: NextRequest): Promise<ActionBodyRefusal | null> {
  const type = request.headers.get("content-type");
  const limit = actionBodyLimit(request.nextUrl.pathname);
  const early = checkActionHeaders(type, request.headers.get("content-length"), limit);
  if (early) return early;
  const body = await request.clone().arrayBuffer();
  return checkActionBody(type!, body, () => new Response(body, { headers: { "content-type": type! } }).formData(), limit);
}

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const path = request.nextUrl.pathname;
  if (isMalformedPath(path)) {
    return NextResponse.json({ error: { message: "The address is not valid: it has a broken %-encoding." } }, { status: 400 });
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    // Next refuses a foreign Origin itself, but with a bare 500; refused here first, nothing has run
    if (isCrossSiteWrite(request)) {
      return new NextResponse("This request came from another site and was refused. Use the app itself.", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    const refusal = await actionBodyRefusal(request);
    if (refusal) return new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    // an action answers with data, not a document (no nonce to set), and checks the session itself
    return NextResponse.next();
  }
  // the API checks its own sessions; it passes through here only for the check above
  if (path.startsWith("/api/")) return NextResponse.next();
  return authProxy(request as Parameters<typeof authProxy>[0], event as never);
}

export const config = {
  matcher: [
    // API paths only when they hold a %: the proxy costs every request it runs for (a third of the
    // constant route's throughput), and the API needs it only for the encoding check above
    "/api/:path(.*%.*)",
    // every server-action call, prefetch header or not, gets its body checked
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/((?!api|_next/static|_next/image|serwist/|manifest.webmanifest|favicon.ico|.*\\.(?:png|svg|ico|csv|txt)$).*)",
      // prefetches do not render a document of their own
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
