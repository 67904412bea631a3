import { request as pwRequest, type APIRequestContext } from "@playwright/test";

/**
 * A signed-in API client without a browser: GET /api/auth/csrf, then POST the credentials form to
 * /api/auth/callback/credentials, like the sign-in form does. The cookie stays in the context.
 */
export async function apiSession(baseURL: string, email: string, password: string, extraHTTPHeaders?: Record<string, string>): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL, extraHTTPHeaders });
  const res = await credentialsPost(ctx, email, password);
  if (res.status() >= 400 || !(await ctx.storageState()).cookies.some((c) => c.name.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in as ${email} failed: ${res.status()}`);
  }
  return ctx;
}

export async function csrfToken(ctx: APIRequestContext): Promise<string> {
  return ((await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

/** One sign-in POST; pass a token from csrfToken() to send several at once (a new one per call otherwise). */
export async function credentialsPost(ctx: APIRequestContext, email: string, password: string, headers?: Record<string, string>, token?: string) {
  const csrf = token ?? (await csrfToken(ctx));
  return ctx.post("/api/auth/callback/credentials", { form: { email, password, csrfToken: csrf, callbackUrl: "/" }, maxRedirects: 0, headers });
}

export const baseUrl = () => `http://127.0.0.1:${process.env.E2E_PORT ?? "3211"}`;
