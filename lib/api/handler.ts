import "server-only";
import { z } from "zod";
import { zodFieldErrors } from "@/lib/errors";
import { getScope } from "@/lib/auth/guards";
import { scopeFromApiToken } from "@/lib/data/api-tokens";
import { isTrainerScope, type AthleteScope, type Scope, type TrainerScope } from "@/lib/auth/scope";
import { httpStatusOf, INVALID_VALUE_MESSAGE, isAppError, isInvalidValueError } from "@/lib/errors";
import { isCrossSiteWrite } from "@/lib/security/origin";

/**
 * The one wrapper for /api/v1 route handlers: session (401 signed out; 404 for the wrong role, so
 * a route's existence says nothing about data), zod-parsed params/query/body (422 with field
 * messages), typed errors mapped to statuses, anything else a logged 500 with no details.
 * Cookie-authenticated writes from another site are refused with 403 before anything is read.
 * The returned handler carries its spec (`.spec`), which the OpenAPI document is generated from.
 */
export type Role = "trainer" | "athlete" | "any";
type ScopeFor<R extends Role> = R extends "trainer" ? TrainerScope : R extends "athlete" ? AthleteScope : Scope;

export type Spec<R extends Role, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  role: R;
  /** one line for the API document */
  summary?: string;
  params?: P;
  query?: Q;
  body?: B;
  status?: number;
  /** What a success answers (for the API document); the e2e matrix validates answers against it. */
  response?: z.ZodType;
  /** Success statuses when there is more than one: 201 stored, 200 the same record again on a retry. */
  statuses?: readonly number[];
  /** An error answer that carries more than { error } (say a 422 with each file's outcome). */
  errorResponses?: Partial<Record<number, { description: string; schema: z.ZodType }>>;
};

type Ctx<R extends Role, P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  scope: ScopeFor<R>;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: Request;
};

export const MAX_JSON_BYTES = 256 * 1024;

export function jsonError(status: number, message: string, fieldErrors?: Record<string, string[] | undefined>) {
  return Response.json({ error: { message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status });
}

/** A 200 answer whose JSON is already serialized (a cached body), with the headers of every other. */
export function jsonText(body: string | Uint8Array<ArrayBuffer>, status = 200) {
  return new Response(body, { status, headers: { "content-type": "application/json", "cache-control": "private, no-store" } });
}

const unprocessable = (error: z.ZodError) =>
  jsonError(422, "Some fields are not valid. See fieldErrors for each one.", zodFieldErrors(error));

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    return { ok: false, response: jsonError(415, "Send the body as JSON with Content-Type: application/json.") };
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) return { ok: false, response: jsonError(413, "The request body is too large.") };
  const text = await request.text();
  if (text.length > MAX_JSON_BYTES) return { ok: false, response: jsonError(413, "The request body is too large.") };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.") };
  }
}

const READS = new Set(["GET", "HEAD"]);

/**
 * The caller: a personal API token (`Authorization: Bearer`) acting as its trainer, or the session
 * cookie. Cookie writes must come from this site (a token is not sent by browsers on their own,
 * so it needs no such check); a read-only token may only read.
 */
async function resolveCaller(request: Request): Promise<{ scope: Scope } | { response: Response }> {
  const authorization = request.headers.get("authorization");
  if (authorization && /^bearer\s/i.test(authorization)) {
    const token = await scopeFromApiToken(authorization.slice(7).trim());
    if (!token) return { response: jsonError(401, "The API token is unknown, expired or revoked.") };
    if (token.readOnly && !READS.has(request.method.toUpperCase())) return { response: jsonError(403, "This API token is read-only.") };
    return { scope: token.scope };
  }
  const scope = await getScope();
  if (!scope) return { response: jsonError(401, "Please sign in.") };
  if (isCrossSiteWrite(request)) {
    return { response: jsonError(403, "This request came from another site and was refused. Use the app itself, or an API token.") };
  }
  return { scope };
}

function allowed(role: Role, scope: Scope): boolean {
  if (role === "any") return true;
  if (role === "trainer") return isTrainerScope(scope);
  return scope.role === "athlete";
}

export function apiRoute<
  R extends Role,
  P extends z.ZodType = z.ZodObject<Record<string, never>>,
  Q extends z.ZodType = z.ZodObject<Record<string, never>>,
  B extends z.ZodType = z.ZodUnknown,
>(spec: Spec<R, P, Q, B>, handler: (ctx: Ctx<R, P, Q, B>) => Promise<unknown>) {
  const route = async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }) => {
    try {
      const caller = await resolveCaller(request);
      if ("response" in caller) return caller.response;
      const { scope } = caller;
      if (!allowed(spec.role, scope)) return jsonError(404, "Not found.");

      // static routes get no params at all; a path segment that is not valid percent-encoding
      // (say %FF) makes Next's decoding throw, and is simply a record that does not exist
      let rawParams: unknown;
      try {
        rawParams = (await context?.params) ?? {};
      } catch {
        return jsonError(404, "Not found.");
      }
      const params = (spec.params ?? z.object({})).safeParse(rawParams);
      // a malformed id is simply a record that does not exist
      if (!params.success) return jsonError(404, "Not found.");

      const url = new URL(request.url);
      const query = (spec.query ?? z.object({})).safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) return unprocessable(query.error);

      let body: unknown = undefined;
      if (spec.body) {
        const read = await readJson(request);
        if (!read.ok) return read.response;
        const parsed = spec.body.safeParse(read.value);
        if (!parsed.success) return unprocessable(parsed.error);
        body = parsed.data;
      }

      const result = await handler({
        scope: scope as ScopeFor<R>,
        params: params.data as z.output<P>,
        query: query.data as z.output<Q>,
        body: body as z.output<B>,
        request,
      });
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true }, { status: spec.status ?? 200, headers: { "cache-control": "private, no-store" } });
    } catch (err) {
      if (isAppError(err)) return jsonError(httpStatusOf[err.code], err.message, err.fieldErrors);
      if (isInvalidValueError(err)) return jsonError(422, INVALID_VALUE_MESSAGE);
      // the client hung up while its body was being read: nothing was written, nobody to answer
      if ((err as { code?: string })?.code === "ECONNRESET" || request.signal?.aborted) return new Response(null, { status: 499 });
      console.error("[api] unexpected error", err);
      return jsonError(500, "Something went wrong on our side. Nothing was changed; please try again.");
    }
  };
  return Object.assign(route, { spec: spec as Spec<Role, z.ZodType, z.ZodType, z.ZodType> });
}

export type ApiRoute = ReturnType<typeof apiRoute>;

export const uuidParam = z.string().uuid();
