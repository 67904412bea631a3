import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ATHLETE_VISIBILITY, athleteFields, type RecordKind } from "@/lib/data/visibility";
import { errorResponse } from "@/lib/validation/api-responses";
import type { Role, Spec } from "./handler";

const ATHLETE_VIEW_NOTE =
  "When the caller is an athlete, each record in the answer carries only the fields an athlete may see (listed per record type under info.x-athlete-visible-fields); staff-only fields such as the profile's notes, alert notes and the reasons staff give for a change are left out, not set to null.";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the very specs apiRoute validates with:
 * each handler carries its spec (role, params, query, body), so the document cannot drift from
 * what the route accepts. `x-required-role` says who may call it: trainer (owner or trainer of
 * the clinic), athlete, or any signed-in person (then the data layer scopes what they see).
 */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

type AnySpec = Spec<Role, z.ZodType, z.ZodType, z.ZodType>;
export type RouteModule = Partial<Record<Method, { spec: AnySpec }>>;
export type RouteEntry = {
  /** the App Router path, e.g. /api/v1/athletes/[athleteId] */
  path: string;
  module: RouteModule;
  /** for handlers that read a body apiRoute does not parse (multipart uploads) */
  extraBody?: Partial<Record<Method, { contentType: string; schema: z.ZodType; description: string }>>;
};

export const errorSchema = errorResponse;

export const toOpenApiPath = (path: string) => path.replace(/\[([^\]]+)\]/g, "{$1}");

export type Operation = { path: string; method: Method; spec: AnySpec; openApiPath: string };

export function listOperations(entries: readonly RouteEntry[]): Operation[] {
  const ops: Operation[] = [];
  for (const entry of entries) {
    for (const method of METHODS) {
      const handler = entry.module[method];
      if (handler?.spec) ops.push({ path: entry.path, method, spec: handler.spec, openApiPath: toOpenApiPath(entry.path) });
    }
  }
  return ops;
}

export function buildOpenApiDocument(entries: readonly RouteEntry[]) {
  const paths: ZodOpenApiPathsObject = {};
  for (const entry of entries) {
    for (const op of listOperations([entry])) {
      const { spec, method } = op;
      const statuses = spec.statuses ?? [spec.status ?? 200];
      const content = spec.response ? { "application/json": { schema: spec.response } } : undefined;
      const successes = Object.fromEntries(
        statuses.map((status) => [String(status), { description: status === 201 ? "Created" : statuses.length > 1 ? "The same record again (a retry)" : "Success", ...(content ? { content } : {}) }]),
      );
      const operation: ZodOpenApiOperationObject = {
        summary: spec.summary ?? `${method} ${op.openApiPath}`,
        ...(spec.role === "trainer" ? {} : { description: ATHLETE_VIEW_NOTE }),
        "x-required-role": spec.role,
        security: [{ session: [] }, { bearer: [] }],
        requestParams: {
          ...(spec.params ? { path: spec.params as z.ZodObject } : {}),
          ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
        },
        responses: {
          ...successes,
          "401": { description: "Signed out (no session cookie and no valid token)", content: { "application/json": { schema: errorSchema } } },
          "403": { description: "A cross-site write with a session cookie, or a read-only token writing", content: { "application/json": { schema: errorSchema } } },
          "404": { description: "Not found: also the answer for another clinic's records and for the wrong role", content: { "application/json": { schema: errorSchema } } },
          "409": { description: "Refused by a rule of the records (already done, not allowed now); the message says why", content: { "application/json": { schema: errorSchema } } },
          "422": { description: "Invalid input; fieldErrors names each field", content: { "application/json": { schema: errorSchema } } },
          "429": { description: "Too many requests; try again later", content: { "application/json": { schema: errorSchema } } },
        },
      };
      if (spec.body || entry.extraBody?.[method]) {
        Object.assign(operation.responses!, {
          "400": { description: "The body is not valid JSON", content: { "application/json": { schema: errorSchema } } },
          "413": { description: "The body is too large", content: { "application/json": { schema: errorSchema } } },
          "415": { description: "The body is not sent as the content type this operation takes", content: { "application/json": { schema: errorSchema } } },
        });
      }
      const own = Object.entries(spec.errorResponses ?? {}).map(([status, answer]) => [status, { description: answer!.description, content: { "application/json": { schema: answer!.schema } } }]);
      Object.assign(operation.responses!, Object.fromEntries(own));
      if (spec.body) {
        operation.requestBody = { required: true, content: { "application/json": { schema: spec.body } } };
      } else if (entry.extraBody?.[method]) {
        const extra = entry.extraBody[method]!;
        operation.requestBody = { required: true, description: extra.description, content: { [extra.contentType]: { schema: extra.schema } } };
      }
      paths[op.openApiPath] = { ...(paths[op.openApiPath] ?? {}), [method.toLowerCase()]: operation };
    }
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Stride Clinic API",
      version: "1",
      description:
        "JSON API of Stride Clinic. Authenticate with the session cookie of the web app or `Authorization: Bearer <token>` (personal tokens under Settings → API tokens). Records of another clinic answer 404. " +
        ATHLETE_VIEW_NOTE,
      // per record type, the only fields an athlete's answers carry (lib/data/visibility.ts)
      "x-athlete-visible-fields": Object.fromEntries((Object.keys(ATHLETE_VISIBILITY) as RecordKind[]).map((kind) => [kind, athleteFields(kind)])),
    },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
    paths,
  });
}
