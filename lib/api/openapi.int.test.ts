import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildOpenApiDocument, METHODS, toOpenApiPath } from "./openapi";

// next-auth does not load outside Next; the document needs no session
vi.mock("@/lib/auth/guards", () => ({ getScope: async () => null }));
const { apiRoutes } = await import("@/app/api/v1/openapi.json/registry");

const root = path.resolve(__dirname, "../..");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

describe("the OpenAPI document of /api/v1", () => {
  const doc = buildOpenApiDocument(apiRoutes);

  it("lists every route and method found on disk, each with its required role", () => {
    const missing: string[] = [];
    for (const file of routeFiles(path.join(root, "app/api/v1"))) {
      const rel = "/" + path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/");
      if (rel === "/api/v1/openapi.json") continue;
      const source = readFileSync(file, "utf8");
      for (const method of METHODS) {
        if (!new RegExp(`export (const|async function|function) ${method}\\b|export const \\{[^}]*\\b${method}\\b`).test(source)) continue;
        const op = (doc.paths?.[toOpenApiPath(rel)] as Record<string, { "x-required-role"?: string }> | undefined)?.[method.toLowerCase()];
        if (!op) missing.push(`${method} ${rel}`);
        else expect(["trainer", "athlete", "any"], `${method} ${rel}`).toContain(op["x-required-role"]);
      }
    }
    expect(missing, "add these to app/api/v1/openapi.json/registry.ts").toEqual([]);
  });

  it("documents a response schema for every success of every operation (issue 20)", () => {
    const missing: string[] = [];
    for (const [p, methods] of Object.entries(doc.paths ?? {})) {
      for (const [m, op] of Object.entries(methods as Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>)) {
        const successes = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith("2"));
        if (successes.length === 0) missing.push(`${m.toUpperCase()} ${p}: no success status`);
        for (const [status, answer] of successes) if (!answer.content?.["application/json"]?.schema) missing.push(`${m.toUpperCase()} ${p} ${status}`);
      }
    }
    expect(missing, "give these a `response` in their apiRoute spec").toEqual([]);
  });

  it("is OpenAPI 3.1 with request schemas from the routes' zod schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    const post = (doc.paths?.["/api/v1/check-ins"] as Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>).post;
    expect(Object.keys(post!.requestBody!.content["application/json"]!.schema.properties ?? {})).toContain("morningPain");
    const get = (doc.paths?.["/api/v1/athletes/{athleteId}"] as Record<string, { parameters?: { name: string; in: string }[] }>).get;
    expect(get!.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "athleteId", in: "path" })]));
  });
});
