import { z } from "zod";
import { isoDate } from "./reporting";

/**
 * The date-range parameters of Patient/$everything, as FHIR names them: `start` and `end` are care
 * dates (YYYY-MM-DD, both included), `_since` an instant (records changed at or after it; a date
 * alone means its start, UTC). Any other parameter is ignored, as FHIR servers do.
 */
const instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, "Give _since as an instant such as 2026-11-01T00:00:00Z (or a date, YYYY-MM-DD).")
  .refine((v) => !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)) && isoDate.safeParse(v.slice(0, 10)).success, "_since is not a real date and time.")
  .transform((v) => new Date(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)).toISOString());

export const fhirEverythingQuerySchema = z
  .object({
    start: isoDate.optional(),
    end: isoDate.optional(),
    _since: instant.optional(),
  })
  .refine((q) => !q.start || !q.end || q.start <= q.end, { message: "start must be on or before end.", path: ["start"] });

/** One sentence naming every parameter that is wrong, for a 400 a person can read. */
export function fhirQueryProblem(error: z.ZodError): string {
  const first = new Map<string, string>();
  for (const i of error.issues) {
    const name = String(i.path[0] ?? "query");
    if (!first.has(name)) first.set(name, `${name}: ${i.message}`);
  }
  return [...first.values()].join(" ");
}
