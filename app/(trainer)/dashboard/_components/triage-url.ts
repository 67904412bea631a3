import type { TriageQuery } from "@/lib/validation/triage";

/**
 * /dashboard's URL for a query: filters, sort and each section's page, defaults left out, so every
 * link and form of the triage view works without JavaScript and a view can be shared.
 */
export function triageHref(query: TriageQuery, patch: Partial<TriageQuery> = {}): string {
  const q = { ...query, ...patch };
  const params = new URLSearchParams();
  if (q.trainer) params.set("trainer", q.trainer);
  if (q.group) params.set("group", q.group);
  if (q.severity) params.set("severity", q.severity);
  if (q.sort && q.sort !== "severity") params.set("sort", q.sort);
  if (q.dir && q.dir !== "asc") params.set("dir", q.dir);
  if (q.page && q.page > 1) params.set("page", String(q.page));
  if (q.gpage && q.gpage > 1) params.set("gpage", String(q.gpage));
  const s = params.toString();
  return s ? `/dashboard?${s}` : "/dashboard";
}
