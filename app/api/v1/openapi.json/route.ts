import { buildOpenApiDocument } from "@/lib/api/openapi";
import { apiRoutes } from "./registry";

// public, like any API description: it names routes and fields, never data
let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export function GET() {
  cached ??= buildOpenApiDocument(apiRoutes);
  return Response.json(cached, { headers: { "cache-control": "public, max-age=300" } });
}
