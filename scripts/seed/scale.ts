/**
 * `npm run seed:scale -- --clinics 50 --athletes 40 --days 730 [--large 100,500]`: a clinic network's
 * worth of data in PostgreSQL for the benchmark (scripts/bench). Every athlete signs in with
 * scale-c<clinic>-a<n>@bench.example, every clinic owner with scale-c<clinic>-owner@bench.example
 * (and even-numbered clinics have scale-c<clinic>-t2@bench.example), password SCALE_PASSWORD.
 * `--large` adds one clinic per size beyond the numbered ones ("Scale clinic L500", logins
 * scale-l500-owner@…, scale-l500-a<n>@…), with at most a year of records (LARGE_CLINIC_DAYS), for
 * the bench's triage view and roster-size rows; default 100,500, `--large 0` for none.
 *
 * Rows are generated inside PostgreSQL with INSERT … SELECT generate_series (see scale-sql.ts), a
 * few clinics per statement, on two connections at once. Use a fresh database: it refuses one that
 * already holds scale data.
 */
import { sql } from "drizzle-orm";
import { hashPassword } from "../../lib/auth/password";
import { addDays } from "../../lib/domain/dates";
import { closeDb, dbKind, getDb } from "../../db/client";
import { migrateWithLibrary } from "../migrate";
import { activitiesSql, LARGE_CLINIC_DAYS, checkInsSql, exerciseLogsSql, stagingSql } from "./scale-sql";

/** The extra clinics' sizes the bench's --fresh seed makes (scripts/bench/index.ts). */
export const DEFAULT_LARGE_CLINICS = [100, 500];

export const SCALE_PASSWORD = "stride-scale-1";

export type ScaleOptions = { clinics: number; athletes: number; days: number; large: number[] };

export type ScaleReport = ScaleOptions & { rows: Record<string, number>; dailyRows: number; seconds: number; rowsPerSecond: number };

function parseArgs(argv: string[]): ScaleOptions {
  const opts: ScaleOptions = { clinics: 50, athletes: 40, days: 730, large: DEFAULT_LARGE_CLINICS };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--large") {
      const sizes = (argv[++i] ?? "").split(",").map(Number);
      if (!sizes.every((n) => Number.isInteger(n) && n >= 0)) throw new Error("--large needs clinic sizes, e.g. 100,500 (0 for none)");
      opts.large = [...new Set(sizes.filter((n) => n > 0))];
      continue;
    }
    const key = argv[i]!.replace(/^--/, "") as Exclude<keyof ScaleOptions, "large">;
    if (!(key in opts)) throw new Error(`Unknown option ${argv[i]} (use --clinics, --athletes, --days)`);
    const value = Number(argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${key} needs a positive whole number`);
    opts[key] = value;
  }
  if (opts.days < 28) throw new Error("--days must be at least 28");
  return opts;
}

const exec = (text: string) => getDb().execute(sql.raw(text));
const affected = (r: { rowCount?: number | null }) => r.rowCount ?? 0;

/** Takes `items` in order on `lanes` workers at once; returns the sum of what `work` counted. */
async function onLanes<T>(items: T[], lanes: number, work: (item: T) => Promise<number>): Promise<number> {
  const queue = [...items];
  let total = 0;
  const lane = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      // not `total += await …`: that reads `total` before the await, so two lanes lose each other's counts
      const n = await work(next);
      total += n;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return total;
}

/**
 * Runs `work` over clinic ranges on `lanes` connections at once; returns the rows inserted. Each
 * large clinic (numbered after the `clinics` regular ones) is a range of its own.
 */
async function inChunks(clinics: number, large: number, perChunk: number, lanes: number, work: (lo: number, hi: number) => string): Promise<number> {
  const ranges: [number, number][] = [];
  // the large ones first, so the two lanes share the long statements
  for (let k = clinics + large; k > clinics; k--) ranges.push([k, k]);
  for (let lo = 1; lo <= clinics; lo += perChunk) ranges.push([lo, Math.min(clinics, lo + perChunk - 1)]);
  return onLanes(ranges, lanes, async ([lo, hi]) => affected(await exec(work(lo, hi))));
}

/** Every scale athlete's chart days, from the first seeded day through today, two athletes at a time. */
async function storeSeriesDays(days: number): Promise<number> {
  const { storeSeriesDaysFrom } = await import("../../lib/data/series");
  const list = (await exec(`select a.id, a.clinic_id from athletes a join clinics c on c.id = a.clinic_id where c.name like 'Scale clinic %' order by a.id`)).rows as { id: string; clinic_id: string }[];
  const from = addDays(new Date().toISOString().slice(0, 10), -days);
  return onLanes(list, 2, (a) => storeSeriesDaysFrom(a.clinic_id, a.id, from));
}

/**
 * Alerts are derived by the app's own evaluation (lib/data/derived): every athlete is left as last
 * evaluated a fortnight ago and one day-start run brings them up to date, as after a worker was down
 * for two weeks. Alerts older than a week have been seen: acknowledged by the athlete's trainer.
 */
async function deriveRecentAlerts(): Promise<number> {
  await exec(`
    update athletes a set alerts_from = null, evaluated_through = (now() at time zone coalesce(a.time_zone, c.time_zone))::date - 14
      from clinics c where c.id = a.clinic_id and c.name like 'Scale clinic %'`);
  const { runDayStart } = await import("../../lib/data/derived/day-start");
  const run = await runDayStart({ trigger: "manual", concurrency: 2, notify: false });
  if (run.failures.length > 0) throw new Error(`${run.failures.length} athletes could not be evaluated: ${run.failures[0]!.message}`);
  // athletes the run does not evaluate (cleared, archived) start with nothing pending either
  await exec(`update athletes set alerts_from = null where alerts_from is not null`);
  await exec(`
    update alerts al set status = 'acknowledged', acknowledged_by = a.trainer_id, acknowledged_at = (al.date + 1)::timestamp
      from athletes a where a.id = al.athlete_id and al.status = 'open' and al.retired_at is null and al.date < current_date - 7`);
  const n = await exec(`select count(*)::int as n from alerts`);
  return Number((n.rows[0] as { n: number }).n);
}

export async function seedScale(opts: ScaleOptions, log: (line: string) => void = console.log): Promise<ScaleReport> {
  if (dbKind() !== "pg") throw new Error("The scale seed needs PostgreSQL: set DATABASE_URL.");
  await migrateWithLibrary();
  const existing = await exec(`select count(*)::int as n from clinics where name like 'Scale clinic %'`);
  if (Number((existing.rows[0] as { n: number }).n) > 0) throw new Error("This database already holds scale data: use a fresh one.");

  const started = performance.now();
  const rows: Record<string, number> = {};
  const step = async (name: string, run: () => Promise<number>) => {
    const t = performance.now();
    rows[name] = await run();
    const s = (performance.now() - t) / 1000;
    log(`  ${name.padEnd(14)} ${String(rows[name]).padStart(9)} rows in ${s.toFixed(1).padStart(5)} s  (${Math.round(rows[name] / Math.max(s, 0.001)).toLocaleString("en")} rows/s)`);
  };

  const passwordHash = await hashPassword(SCALE_PASSWORD);
  await step("roster", async () => {
    let n = 0;
    for (const statement of stagingSql({ ...opts, passwordHash })) n += affected(await exec(statement));
    return n;
  });
  // about 200 athlete-years per statement: each stays under a few seconds and shows progress
  const perChunk = Math.max(1, Math.floor(200 / (opts.athletes * Math.max(1, opts.days / 365))));
  await step("check_ins", () => inChunks(opts.clinics, opts.large.length, perChunk, 2, checkInsSql));
  await step("activities", () => inChunks(opts.clinics, opts.large.length, perChunk, 2, activitiesSql));
  await step("exercise_logs", () => inChunks(opts.clinics, opts.large.length, perChunk, 2, exerciseLogsSql));
  await exec(`drop table if exists _scale_clinics, _scale_athletes`);
  await step("analyze", async () => {
    await exec(`analyze`);
    return 0;
  });
  await step("alerts", deriveRecentAlerts);

  const seconds = (performance.now() - started) / 1000;
  const dailyRows = rows.check_ins! + rows.activities! + rows.exercise_logs!;
  // the chart days each athlete's first chart view would store (lib/data/series-store.ts): derived
  // from the rows above by the app's own code, so counted apart from them
  await step("series_days", () => storeSeriesDays(opts.days));
  // the derived tables were empty at the analyze above: without statistics the planner took a
  // clinic's every open alert for each athlete's (seen in the roster's plan), as no server that
  // autovacuum had visited would
  await step("analyze derived", async () => {
    await exec(`analyze alerts, series_days, athletes`);
    return 0;
  });
  const total = (performance.now() - started) / 1000;
  const report = { ...opts, rows, dailyRows, seconds, rowsPerSecond: Math.round(dailyRows / seconds) };
  log(
    `Scale seed: ${opts.clinics} clinics × ${opts.athletes} athletes × ${opts.days} days${opts.large.length ? ` + clinics of ${opts.large.join(", ")} athletes × ${Math.min(opts.days, LARGE_CLINIC_DAYS)} days` : ""} → ${dailyRows.toLocaleString("en")} daily rows in ${seconds.toFixed(1)} s ` +
      `(${report.rowsPerSecond.toLocaleString("en")} rows/s overall); with the stored chart days, ${total.toFixed(1)} s. Password for every scale login: ${SCALE_PASSWORD}`,
  );
  return report;
}

if (process.argv[1] && /scripts[\\/]seed[\\/]scale\.ts$/.test(process.argv[1])) {
  Promise.resolve()
    .then(() => seedScale(parseArgs(process.argv.slice(2))))
    .then(() => closeDb())
    .catch(async (err) => {
      console.error("Scale seed failed:", err instanceof Error ? err.message : err);
      await closeDb();
      process.exit(1);
    });
}
