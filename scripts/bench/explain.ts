import { closeSync, openSync, readSync, statSync } from "node:fs";

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the SQL the app really runs. A separate, short-lived server is
 * started on the scale database with auto_explain loaded for its connections only (startup
 * options in DATABASE_URL: the app code is untouched), one request is made per hot endpoint, and
 * the JSON plans are read back from PostgreSQL's log.
 */
export const POSTGRES_LOG = process.env.BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";

const AUTO_EXPLAIN = [
  "session_preload_libraries=auto_explain",
  "auto_explain.log_min_duration=0",
  "auto_explain.log_analyze=on",
  "auto_explain.log_buffers=on",
  "auto_explain.log_timing=on",
  "auto_explain.log_format=json",
];

export function withAutoExplain(url: string): string {
  const u = new URL(url);
  u.searchParams.set("options", AUTO_EXPLAIN.map((o) => `-c ${o}`).join(" "));
  return u.toString();
}

export const DAILY_TABLES = ["check_ins", "activities", "exercise_logs", "series_days"];

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Total Time"?: number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
};

export type QueryPlan = {
  sql: string;
  ms: number;
  rows: number;
  sharedHit: number;
  sharedRead: number;
  scans: string[];
  seqScanOnDaily: string[];
};

export type EndpointPlans = { endpoint: string; queries: QueryPlan[]; totalMs: number; seqScanOnDaily: string[] };

function walk(node: PlanNode, visit: (n: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

function summarize(entry: { "Query Text": string; Plan: PlanNode }): QueryPlan {
  const scans: string[] = [];
  const seq: string[] = [];
  walk(entry.Plan, (n) => {
    if (!n["Relation Name"]) return;
    scans.push(`${n["Node Type"]} ${n["Relation Name"]}${n["Index Name"] ? ` (${n["Index Name"]})` : ""} → ${n["Actual Rows"] ?? "?"} rows`);
    if (n["Node Type"] === "Seq Scan" && DAILY_TABLES.includes(n["Relation Name"])) seq.push(n["Relation Name"]);
  });
  return {
    sql: entry["Query Text"].replace(/\s+/g, " ").trim(),
    ms: Math.round((entry.Plan["Actual Total Time"] ?? 0) * 1000) / 1000,
    rows: entry.Plan["Actual Rows"] ?? 0,
    sharedHit: entry.Plan["Shared Hit Blocks"] ?? 0,
    sharedRead: entry.Plan["Shared Read Blocks"] ?? 0,
    scans,
    seqScanOnDaily: seq,
  };
}

const logSize = () => statSync(POSTGRES_LOG).size;

function readFrom(offset: number): string {
  const size = logSize();
  if (size <= offset) return "";
  const fd = openSync(POSTGRES_LOG, "r");
  try {
    const buf = Buffer.alloc(size - offset);
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** The auto_explain plans PostgreSQL logged for `database` between offset and now. */
function plansSince(offset: number, database: string): QueryPlan[] {
  const text = readFrom(offset);
  const entries = text.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  const out: QueryPlan[] = [];
  for (const e of entries) {
    if (!e.includes(`@${database} `) || !e.includes("plan:")) continue;
    const json = e
      .slice(e.indexOf("plan:") + 5)
      .split("\n")
      .map((l) => l.replace(/^\t/, ""))
      .join("\n");
    try {
      const parsed = JSON.parse(json) as { "Query Text": string; Plan: PlanNode };
      // the app's own catalog lookups (drizzle's migrations table etc.) are not part of a request
      if (/^\s*(begin|commit|set|show)\b/i.test(parsed["Query Text"])) continue;
      out.push(summarize(parsed));
    } catch {
      /* a plan cut by a concurrent writer: skip it */
    }
  }
  return out;
}

/** Runs each endpoint once (after one warm-up call) and attributes the logged plans to it. */
export async function capturePlans(database: string, endpoints: { name: string; call: () => Promise<void> }[]): Promise<EndpointPlans[]> {
  try {
    logSize();
  } catch {
    return [];
  }
  const out: EndpointPlans[] = [];
  for (const ep of endpoints) {
    await ep.call();
    await new Promise((r) => setTimeout(r, 300));
    const offset = logSize();
    await ep.call();
    await new Promise((r) => setTimeout(r, 500));
    const queries = plansSince(offset, database);
    out.push({
      endpoint: ep.name,
      queries,
      totalMs: Math.round(queries.reduce((n, q) => n + q.ms, 0) * 100) / 100,
      seqScanOnDaily: [...new Set(queries.flatMap((q) => q.seqScanOnDaily))],
    });
  }
  return out;
}
