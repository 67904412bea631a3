import { z } from "zod";
import { searchText } from "./fields";

/**
 * The trainer's triage view (/dashboard): filters, sort and the page of each section live in the
 * URL. A bad value in a URL is ignored (the page shows its default), never an error page.
 */
export const TRIAGE_SEVERITIES = ["urgent", "high", "moderate", "good_news"] as const;
export type TriageSeverity = (typeof TRIAGE_SEVERITIES)[number];
export const TRIAGE_SORTS = ["severity", "name", "last_check_in"] as const;
export type TriageSort = (typeof TRIAGE_SORTS)[number];
export const TRIAGE_PAGE_SIZE = 50;
export const GOOD_NEWS_PAGE_SIZE = 20;

const blankToUndefined = (v: unknown) => (v === "" || v === null || (Array.isArray(v) && v.length === 0) ? undefined : Array.isArray(v) ? v[0] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional().catch(undefined));
const pageNumber = optional(z.coerce.number().int().min(1).max(10_000));

export const triageQuerySchema = z.object({
  trainer: optional(z.uuid()),
  // control characters (a NUL in a URL) are dropped here, before they reach the database
  group: optional(searchText(80)),
  severity: optional(z.enum(TRIAGE_SEVERITIES)),
  sort: optional(z.enum(TRIAGE_SORTS)),
  dir: optional(z.enum(["asc", "desc"])),
  page: pageNumber,
  gpage: pageNumber,
});
export type TriageQuery = z.infer<typeof triageQuerySchema>;
