import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * Validates an /api/v1 answer against the OpenAPI document's schema for its operation and status
 * (JSON Schema 2020-12, as OpenAPI 3.1 writes it). Used by the route-level integration tests and by
 * the e2e authorization matrix, so the document cannot drift from what the API answers.
 * Returns null when the answer fits, else why not.
 */
type Doc = { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");

export function documentValidator(document: unknown) {
  const doc = document as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...(doc as object), $id: "api-document" });
  return function check(method: string, openApiPath: string, status: number, body: unknown): string | null {
    const m = method.toLowerCase();
    const op = doc.paths[openApiPath]?.[m];
    if (!op) return `${method} ${openApiPath} is not in the document`;
    const documented = op.responses?.[String(status)];
    if (!documented) return `${method} ${openApiPath} answered ${status}, which the document does not list`;
    if (!documented.content?.["application/json"]?.schema) return `${method} ${openApiPath} ${status} has no response schema in the document`;
    const validate = ajv.getSchema(`api-document#/${pointer("paths", openApiPath, m, "responses", String(status), "content", "application/json", "schema")}`);
    if (!validate) return `no schema compiled for ${method} ${openApiPath} ${status}`;
    if (validate(body)) return null;
    return `${method} ${openApiPath} ${status}: ${ajv.errorsText(validate.errors, { separator: "; " }).slice(0, 600)}`;
  };
}
