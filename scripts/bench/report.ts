import type { RouteJs } from "./bundle";
import type { EndpointPlans } from "./explain";
import type { LighthouseScore } from "./lighthouse";
import type { LoadResult } from "./load";
import type { WriteCheck } from "./scenarios";

export type Row = LoadResult & { ratio: number | null; budget: string; pass: boolean | null; note?: string };

export type Results = {
  date: string;
  machine: string;
  options: Record<string, unknown>;
  seed: Record<string, unknown>;
  rows: Row[];
  writes: Record<string, WriteCheck>;
  growth: { oneClinicP50: number; scaleP50: number; ratio: number; pass: boolean } | null;
  plans: EndpointPlans[];
  firstLoadJs: RouteJs[];
  lighthouse: LighthouseScore[];
  budgets: { name: string; pass: boolean | null; detail: string }[];
  /** scripts/bench/import-health.ts: /api/health while the largest allowed import is read. */
  imports?: import("./import-health").ImportHealth | null;
  /** scripts/bench/day-start-load.ts: the day-start run of every athlete, and the API at 1 connection before and during it. */
  dayStart?: import("./day-start-load").DayStartLoad | null;
  /** scripts/bench/evaluation.ts: bringUpToDate per write, by how far back the change reaches; one day-start run. */
  evaluation?: {
    sample: number;
    writes: Record<string, { dates: number; p50: number; p95: number; n: number }>;
    /** null since the day-start run is timed with the server up (dayStart). */
    sweep: { athletes: number; due: number; failures: number; seconds: number; msPerAthlete: number | null } | null;
    /** The open-loop write row's p50 in the same run, for the share of a write spent in re-evaluation. */
    pacedWriteP50: number | null;
  } | null;
};

const mark = (p: boolean | null) => (p === null ? "—" : p ? "pass" : "MISS");
const pad = (s: string | number, n: number, left = false) => (left ? String(s).padStart(n) : String(s).padEnd(n));

export function loadTable(rows: Row[]): string {
  const head = `| scenario | conns | req/s | p50 ms | p95 ms | p99 ms | errors | × ceiling | budget | result |`;
  const sep = `|---|--:|--:|--:|--:|--:|--:|--:|---|---|`;
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.ratio === null ? "—" : r.ratio.toFixed(2)} | ${r.budget || "—"} | ${mark(r.pass)} |`,
  );
  return [head, sep, ...lines].join("\n");
}

export function printAll(res: Results): string {
  const out: string[] = [];
  out.push(`Stride Clinic benchmark — ${res.date} — ${res.machine}`);
  out.push(`Seed: ${JSON.stringify(res.seed)}`);
  out.push("");
  out.push(loadTable(res.rows));
  out.push("");
  for (const [name, w] of Object.entries(res.writes)) {
    out.push(`${name}: sent ${w.sent}, acknowledged ${w.acknowledged}, stored ${w.stored}, lost ${w.lost}, duplicated ${w.duplicated}, stored without an answer ${w.storedWithoutAck}`);
  }
  if (res.growth) {
    out.push(`growth: series p50 ${res.growth.oneClinicP50} ms on one clinic vs ${res.growth.scaleP50} ms at scale → ×${res.growth.ratio.toFixed(2)} (budget ≤ 1.3: ${mark(res.growth.pass)})`);
  }
  if (res.evaluation) {
    const e = res.evaluation;
    out.push("");
    out.push(`Re-evaluation per write (bringUpToDate in its own transaction; ${e.sample} active athletes with the scale seed's records):`);
    for (const [name, w] of Object.entries(e.writes)) {
      const share = e.pacedWriteP50 ? ` (${((w.p50 / e.pacedWriteP50) * 100).toFixed(0)}% of the open-loop write's p50, ${e.pacedWriteP50} ms)` : "";
      out.push(`  ${pad(name, 32)} ${pad(w.dates, 3, true)} dates: p50 ${w.p50} ms, p95 ${w.p95} ms${share}`);
    }
    if (e.sweep) out.push(`Day-start run: ${e.sweep.athletes} athletes evaluated (${e.sweep.due} due, ${e.sweep.failures} failed) in ${e.sweep.seconds} s, ${e.sweep.msPerAthlete ?? "–"} ms per athlete`);
  }
  if (res.dayStart) {
    const d = res.dayStart;
    out.push("");
    out.push(
      `Day-start run (every athlete, concurrency ${d.concurrency}): ${d.athletes} evaluated (${d.due} due, ${d.failures} failed) in ${d.seconds} s, ${d.msPerAthlete ?? "–"} ms per athlete (budget ≤ 60 s)`,
    );
    out.push(`  API at 1 connection, one request after another: idle p50 ${d.idle.p50} / p95 ${d.idle.p95} ms (${d.idle.n}); during the run p50 ${d.during.p50} / p95 ${d.during.p95} ms (${d.during.n}) → ×${(d.during.p95 / d.idle.p95).toFixed(2)} (budget ≤ 2×): ${mark(d.pass)}`);
  }
  out.push("");
  out.push("SQL queries per request (one request each, auto_explain): " + (res.plans.length ? res.plans.map((p) => `${p.endpoint} ${p.queries.length}`).join("; ") : "not captured (PostgreSQL's log not readable)"));
  out.push("");
  out.push("EXPLAIN (ANALYZE, BUFFERS) of the SQL each endpoint ran (scale database):");
  for (const ep of res.plans) {
    out.push(`  ${ep.endpoint}: ${ep.queries.length} queries, ${ep.totalMs} ms in the database; Seq Scan on a daily table: ${ep.seqScanOnDaily.length ? ep.seqScanOnDaily.join(", ") : "none"}`);
    for (const q of ep.queries) out.push(`    ${pad(q.ms.toFixed(2), 8, true)} ms  ${q.scans.join("; ") || "(no table)"}`);
  }
  out.push("");
  out.push("First-load JavaScript (gzip):");
  for (const r of res.firstLoadJs) {
    out.push(`  ${pad(r.route, 44)} ${pad(r.gzipKb.toFixed(1), 7, true)} KB  (${r.rawKb} KB raw)  ${r.budgetKb === null ? "" : `budget ${r.budgetKb} KB: ${mark(r.pass)}`}`);
  }
  out.push("");
  out.push("Lighthouse 12.2.3 (mobile, simulated throttling):");
  for (const l of res.lighthouse) out.push(`  ${pad(l.page, 22)} performance ${l.performance ?? "?"}  accessibility ${l.accessibility ?? "?"}${l.cpuIdleBefore === undefined ? "" : `  (cores ${Math.round(l.cpuIdleBefore * 100)}% idle before)`}${l.error ? `  (${l.error})` : ""}`);
  out.push("");
  out.push("Budgets:");
  for (const b of res.budgets) out.push(`  ${pad(mark(b.pass), 5)} ${b.name}: ${b.detail}`);
  return out.join("\n");
}
