/**
 * `npm run bench [-- --quick] [--clinics 50 --athletes 40 --days 730] [--large 100,500] [--fresh]
 *  [--duration 8] [--no-lighthouse] [--rebuild] [--port 3270]`
 *
 * Load-tests a production build (.next-bench) on real PostgreSQL: a "scale" database filled by the
 * scale seed and a "one-clinic" database, both created from DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres). Every scenario runs against 127.0.0.1 only, for a
 * bounded time, and is quoted as a ratio to a constant route measured in the same run, since
 * autocannon shares the machine's cores with the server. Prints a table and writes
 * bench/results/<date>.json.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { firstLoadJs, ROUTES_SHOWN } from "./bundle";
import { addDays } from "../../lib/domain/dates";
import { athleteRefs, clinicOwner, DEFAULT_DATABASE_URL, prepareDatabase, tableCounts, type AthleteRef } from "./db";
import { DAY_START_BUDGET_S, DAY_START_P95_FACTOR, dayStartUnderLoad } from "./day-start-load";
import { capturePlans, withAutoExplain, type EndpointPlans } from "./explain";
import { lighthouse, waitForQuiet, type LighthouseScore } from "./lighthouse";
import type { LoadResult } from "./load";
import { printAll, type Results, type Row } from "./report";
import { activityWrites, checkInWrites, computedSeriesLoad, firstViewSeriesLoad, getLoad, growthSeriesPath, seriesPath, seriesPathEnding, type Run, type WriteCheck } from "./scenarios";
import { importHealth, IMPORT_HEALTH_BUDGET_MS, type ImportHealth } from "./import-health";
import { ensureBuild, ROOT, startServer } from "./server";
import { signInMany } from "./session";
import { DEFAULT_LARGE_CLINICS, SCALE_PASSWORD } from "../seed/scale";
import { largeClinicName } from "../seed/scale-sql";
import { withinFactor } from "./stats";

type Options = { clinics: number; athletes: number; days: number; large: number[]; quick: boolean; fresh: boolean; duration: number; lighthouse: boolean; rebuild: boolean; port: number };

function parseArgs(argv: string[]): Options {
  const quick = argv.includes("--quick");
  const o: Options = { clinics: quick ? 4 : 50, athletes: 40, days: quick ? 365 : 730, large: DEFAULT_LARGE_CLINICS, quick, fresh: false, duration: quick ? 3 : 8, lighthouse: true, rebuild: false, port: 3270 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--quick") continue;
    else if (a === "--fresh") o.fresh = true;
    else if (a === "--no-lighthouse") o.lighthouse = false;
    else if (a === "--rebuild") o.rebuild = true;
    else if (a === "--large") {
      const sizes = (argv[++i] ?? "").split(",").map(Number);
      if (!sizes.every((n) => Number.isInteger(n) && n >= 0)) throw new Error("--large needs clinic sizes, e.g. 100,500 (0 for none)");
      o.large = [...new Set(sizes.filter((n) => n > 0))];
    }
    else if (["--clinics", "--athletes", "--days", "--duration", "--port"].includes(a)) {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${a} needs a positive number`);
      o[a.slice(2) as "clinics" | "athletes" | "days" | "duration" | "port"] = v;
    } else throw new Error(`Unknown option ${a}`);
  }
  // every scenario stays bounded
  o.duration = Math.min(o.duration, 10);
  return o;
}

const log = (s: string) => console.log(s);
const CONNS = 16;
const WRITE_CONNS = 32;
const PACED_WRITES_PER_S = 100;
const PACED_PAGES_PER_S = 50;
/** Issue 21: the triage view of a 100-athlete clinic; roster size compares a 500-athlete clinic with a 40-athlete one. */
const TRIAGE_CLINIC = 100;
const LARGE_CLINIC = 500;
const ROSTER_GROWTH = 1.5;
const owner = (seq: number) => `scale-c${seq}-owner@bench.example`;

function withRatio(r: LoadResult, ceiling: LoadResult, budget: string, pass: boolean | null, note?: string): Row {
  return { ...r, ratio: Math.round((r.rps / ceiling.rps) * 100) / 100, budget, pass, ...(note ? { note } : {}) };
}

/**
 * Lighthouse, run once more when it gave no performance score at all (a metric it could not
 * measure: seen once on /sign-in, in the 2026-11-24 23:55 run; four runs straight after it scored
 * 97–100). A low score is never retried, and the first run's reason stays in the result.
 */
async function lighthouseScored(page: string, url: string, cookie: string | null): Promise<LighthouseScore> {
  const quiet = await waitForQuiet();
  log(`  ${page}: cores ${Math.round(quiet.idle * 100)}% idle after waiting ${quiet.waitedSeconds} s`);
  const first = { ...(await lighthouse(page, url, cookie)), cpuIdleBefore: quiet.idle };
  if (first.performance !== null || first.error?.startsWith("redirected")) return first;
  const again = await lighthouse(page, url, cookie);
  return { ...again, cpuIdleBefore: quiet.idle, error: [`ran twice: the first run gave no performance score (${first.error ?? "no reason given"})`, again.error].filter(Boolean).join("; ") };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const base = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const started = new Date();
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join("/")} at start; shared with other engineers' builds and tests`;
  log(`Benchmark: ${JSON.stringify(opts)}\nMachine: ${machine}`);

  const build = ensureBuild(log, opts.rebuild);
  const scaleName = `stride_bench_scale_${opts.clinics}x${opts.athletes}x${opts.days}${opts.large.length ? `_l${opts.large.join("_")}` : ""}`;
  const oneName = `stride_bench_one_1x${opts.athletes}x${opts.days}`;
  const scaleDb = await prepareDatabase(base, scaleName, opts, opts.fresh, log);
  const oneDb = await prepareDatabase(base, oneName, { clinics: 1, athletes: opts.athletes, days: opts.days, large: [] }, opts.fresh, log);
  const counts = await tableCounts(scaleDb.url);
  log(`Scale database rows: ${JSON.stringify(counts)}`);

  const readClinics = Math.min(8, opts.clinics);
  const readers = await athleteRefs(scaleDb.url, readClinics);
  const writers = (await athleteRefs(scaleDb.url, Math.min(16, opts.clinics), "active")).filter((_, i) => i % 3 === 0).slice(0, 64);
  const c1 = readers.filter((a) => a.clinicSeq === 1);
  // athletes no other read scenario asks for (clinic 9 on), for the first-view row
  const coldReaders = (await athleteRefs(scaleDb.url, Math.min(16, opts.clinics))).filter((a) => a.clinicSeq > readClinics).slice(0, 40);
  // the athlete page's athletes: clinic 1's with a year of records or more (a --quick run's have less: all of them then)
  const yearLong = c1.filter((a) => a.since <= addDays(a.today, -365));
  const pageAthletes = yearLong.length > 0 ? yearLong : c1;
  const pageLabel = yearLong.length > 0 ? `${pageAthletes.length} athletes with a year of records or more` : `${pageAthletes.length} athletes, under a year of records (--days < 365)`;
  const triageClinic = opts.large.includes(TRIAGE_CLINIC) ? await clinicOwner(scaleDb.url, largeClinicName(TRIAGE_CLINIC)) : null;
  const largeClinic = opts.large.includes(LARGE_CLINIC) ? await clinicOwner(scaleDb.url, largeClinicName(LARGE_CLINIC)) : null;
  if (!triageClinic || !largeClinic) log(`No clinic of ${TRIAGE_CLINIC} or ${LARGE_CLINIC} athletes (--large): the triage view and roster-size rows are left out.`);

  const rows: Row[] = [];
  const writes: Record<string, WriteCheck> = {};
  const lh: LighthouseScore[] = [];
  let seriesGrowthScale: LoadResult | null = null;
  let imports: ImportHealth | null = null;
  let dayStart: Results["dayStart"] = null;

  // 1. the scale database
  const server = await startServer(opts.port, scaleDb.url, log);
  try {
    const trainerEmails = [...new Set([owner(1), ...readers.map((a) => a.trainerEmail)])];
    const largeOwners = [triageClinic, largeClinic].flatMap((c) => (c ? [c.ownerEmail] : []));
    const coldTrainers = [...new Set(coldReaders.map((a) => a.trainerEmail))].filter((e) => !trainerEmails.includes(e));
    log(`Signing in ${trainerEmails.length + coldTrainers.length} trainers and ${writers.length} athletes…`);
    const cookies = await signInMany(server.baseUrl, [...trainerEmails, ...coldTrainers, ...largeOwners, ...writers.map((w) => w.email)], SCALE_PASSWORD);
    const cookie = (email: string) => cookies.get(email)!;
    const run: Run = { baseUrl: server.baseUrl, duration: opts.duration };
    const warm: Run = { baseUrl: server.baseUrl, duration: 1 };

    const targets = {
      ceiling: [{ path: "/api/bench/ceiling" }],
      series: readers.map((a) => ({ path: seriesPath(a), cookie: cookie(a.trainerEmail) })),
      alerts: [{ path: "/api/v1/alerts?status=open", cookie: cookie(owner(1)) }],
      roster: trainerEmails.map((e) => ({ path: "/api/v1/athletes?status=active&page=1", cookie: cookie(e) })),
      dashboard: [{ path: "/dashboard", cookie: cookie(triageClinic?.ownerEmail ?? owner(1)) }],
      athletePage: pageAthletes.map((a) => ({ path: `/athletes/${a.id}`, cookie: cookie(owner(1)) })),
    };
    const triageLabel = triageClinic ? `${triageClinic.athletes}-athlete clinic` : `${c1.length}-athlete clinic 1: no --large ${TRIAGE_CLINIC}`;
    log("Warming up…");
    for (const t of Object.values(targets)) await getLoad(warm, "warm-up", 4, t, "text/html,application/json");

    log(`Loading at ${CONNS} connections, ${opts.duration} s each…`);
    const ceiling = await getLoad(run, "ceiling (constant JSON)", CONNS, targets.ceiling);
    rows.push({ ...ceiling, ratio: 1, budget: "", pass: null });
    const seriesScale = await getLoad(run, `series 1 y/day (trainer), ${readers.length} random athletes`, CONNS, targets.series);
    // issue 21 withdrew the p95 limits of the closed-loop rows (they measured queueing); the open-loop rows below have them
    rows.push(withRatio(seriesScale, ceiling, "≥0.35×", seriesScale.rps / ceiling.rps >= 0.35 && seriesScale.errors === 0));
    // the same athletes with no hit in the body cache at all, judged by the same budget so a miss shows
    const computed = await computedSeriesLoad(run, `series 1 y/day, new range each time (no cache hit), ${readers.length} athletes`, CONNS, readers.map((a) => ({ ref: a, cookie: cookie(a.trainerEmail) })));
    rows.push(withRatio(computed, ceiling, "≥0.35×", computed.rps / ceiling.rps >= 0.35 && computed.errors === 0));
    // what the stored days save: a year computed from the records, once per athlete, one at a time
    // (a --quick run has no clinic beyond the readers' to take them from)
    if (coldReaders.length > 0) {
      const firstView = await firstViewSeriesLoad(run, scaleDb.url, `series 1 y/day, first view, nothing stored (${coldReaders.length} athletes, 1 at a time)`, coldReaders.map((a) => ({ ref: a, cookie: cookie(a.trainerEmail) })));
      rows.push(withRatio(firstView, ceiling, "", firstView.errors === 0 ? null : false));
    }
    const growthTargets = c1.map((a) => ({ path: growthSeriesPath(a), cookie: cookie(a.trainerEmail) }));
    await getLoad(warm, "warm-up", 4, growthTargets);
    seriesGrowthScale = await getLoad(run, "series 1 y/day, clinic 1's athletes (for growth)", CONNS, growthTargets);
    rows.push(withRatio(seriesGrowthScale, ceiling, "", null));
    const alerts = await getLoad(run, "needs attention: alerts?status=open", CONNS, targets.alerts);
    rows.push(withRatio(alerts, ceiling, "≥0.30×", alerts.rps / ceiling.rps >= 0.3 && alerts.errors === 0));
    const roster = await getLoad(run, "roster ?status=active&page=1", CONNS, targets.roster);
    rows.push(withRatio(roster, ceiling, "≥0.30×", roster.rps / ceiling.rps >= 0.3 && roster.errors === 0));
    const dashboard = await getLoad(run, `triage view: /dashboard HTML, first page (${triageLabel})`, CONNS, targets.dashboard, "text/html");
    rows.push(withRatio(dashboard, ceiling, "≥0.15×", dashboard.rps / ceiling.rps >= 0.15 && dashboard.errors === 0 && triageClinic !== null));
    const athletePage = await getLoad(run, `athlete page: /athletes/{id} HTML (${pageLabel})`, CONNS, targets.athletePage, "text/html");
    rows.push(withRatio(athletePage, ceiling, "≥0.15×", athletePage.rps / ceiling.rps >= 0.15 && athletePage.errors === 0 && yearLong.length > 0));

    // roster size: one request at a time, so each figure is a request's own latency
    if (largeClinic) {
      const one: Run = { baseUrl: server.baseUrl, duration: opts.duration };
      const views = [
        { name: "triage view /dashboard HTML", path: "/dashboard", accept: "text/html" },
        { name: "roster /athletes HTML", path: "/athletes", accept: "text/html" },
        { name: "roster API ?status=active&page=1", path: "/api/v1/athletes?status=active&page=1", accept: "application/json" },
      ];
      for (const v of views) {
        const small = [{ path: v.path, cookie: cookie(owner(1)) }];
        const big = [{ path: v.path, cookie: cookie(largeClinic.ownerEmail) }];
        await getLoad(warm, "warm-up", 1, small, v.accept);
        await getLoad(warm, "warm-up", 1, big, v.accept);
        const a = await getLoad(one, `${v.name}, ${c1.length}-athlete clinic`, 1, small, v.accept);
        const b = await getLoad(one, `${v.name}, ${largeClinic.athletes}-athlete clinic`, 1, big, v.accept);
        rows.push({ ...a, ratio: null, budget: "", pass: a.errors === 0 ? null : false });
        rows.push({ ...b, ratio: null, budget: `p50 ≤${ROSTER_GROWTH}× ${a.p50} ms (${c1.length} athletes)`, pass: b.errors === 0 && a.errors === 0 && withinFactor(b.p50, a.p50, ROSTER_GROWTH) });
      }
    }

    log(`Writes at ${WRITE_CONNS} connections…`);
    const ceiling32 = await getLoad(run, "ceiling (constant JSON)", WRITE_CONNS, targets.ceiling);
    rows.push({ ...ceiling32, ratio: 1, budget: "", pass: null });
    const writerRefs = writers.map((w) => ({ ...w, cookie: cookie(w.email) }));
    const ci = await checkInWrites(run, scaleDb.url, writerRefs, WRITE_CONNS);
    writes["check-in writes"] = ci.check;
    const stored = (l: LoadResult, w: WriteCheck) => l.errors === 0 && w.lost === 0 && w.duplicated === 0;
    const writeOk = (l: LoadResult, w: WriteCheck, c: LoadResult) => stored(l, w) && l.rps / c.rps >= 0.3;
    rows.push(withRatio(ci.load, ceiling32, "≥0.30×, 0 errors/lost/dup", writeOk(ci.load, ci.check, ceiling32)));
    const act = await activityWrites(run, scaleDb.url, writerRefs, WRITE_CONNS);
    writes["activity writes"] = act.check;
    rows.push(withRatio(act.load, ceiling32, "≥0.30×, 0 errors/lost/dup", writeOk(act.load, act.check, ceiling32)));
    // The rows above saturate the server (each connection sends as soon as it is answered), so
    // their latency is mostly queueing (32 connections / req/s). The open loop offers fixed rates
    // instead, evenly spaced, whatever the answers (latency counted from each request's planned
    // moment): 50 page views/s, half the triage view and half athlete pages, and at the same time
    // 100 writes/s (the 2,000-athlete network each logging a run within 20 s).
    log(`Open loop: ${PACED_PAGES_PER_S} page views/s and ${PACED_WRITES_PER_S} writes/s together…`);
    const mixedPages = targets.athletePage.flatMap((p) => [p, targets.dashboard[0]!]);
    const [pagesPaced, paced] = await Promise.all([
      getLoad(run, `open loop: ${PACED_PAGES_PER_S} page views/s (triage view, ${triageLabel}, and athlete pages, half each) with the writes below`, WRITE_CONNS, mixedPages, "text/html", undefined, PACED_PAGES_PER_S),
      activityWrites(run, scaleDb.url, writerRefs, WRITE_CONNS, { rate: PACED_WRITES_PER_S, name: `open loop: activity writes ${PACED_WRITES_PER_S}/s with the page views above` }),
    ]);
    rows.push(withRatio(pagesPaced, ceiling32, "p95 ≤100 ms", pagesPaced.errors === 0 && pagesPaced.p95 <= 100 && triageClinic !== null));
    writes[paced.load.name] = paced.check;
    rows.push(withRatio(paced.load, ceiling32, "p95 ≤50 ms, 0 errors/lost/dup", stored(paced.load, paced.check) && paced.load.p95 <= 50));

    log("The largest allowed import while /api/health is asked (scripts/bench/import-health.ts)…");
    imports = await importHealth(server.baseUrl, cookie(writers[1]?.email ?? writers[0]!.email));
    log(`  ${imports.files} × ${imports.fileMb} MB GPX: ${imports.importStatus} after ${imports.importSeconds} s; /api/health p95 ${imports.idle.p95} ms idle, ${imports.during.p95} ms during (${imports.during.n} checks)`);

    if (opts.lighthouse) {
      log("Lighthouse…");
      lh.push(await lighthouseScored("/sign-in", `${server.baseUrl}/sign-in`, null));
      lh.push(await lighthouseScored("/today (athlete)", `${server.baseUrl}/today`, cookie(writers[0]!.email)));
      lh.push(await lighthouseScored("/dashboard (trainer)", `${server.baseUrl}/dashboard`, cookie(triageClinic?.ownerEmail ?? owner(1))));
      lh.push(await lighthouseScored("/athletes/{id} (trainer)", `${server.baseUrl}/athletes/${pageAthletes[0]!.id}`, cookie(owner(1))));
    }

    // last on this server: it re-evaluates every athlete (new alerts), which the rows above would read
    log(`The day-start run of every athlete while the API is asked at 1 connection (scripts/bench/day-start-load.ts)…`);
    const apiTargets = [
      { path: "/api/v1/athletes?status=active&page=1", cookie: cookie(owner(1)) },
      { path: "/api/v1/alerts?status=open", cookie: cookie(owner(1)) },
      ...c1.slice(0, 8).map((a) => ({ path: seriesPath(a), cookie: cookie(a.trainerEmail) })),
    ];
    const ds = await dayStartUnderLoad(server.baseUrl, scaleDb.url, apiTargets, opts.duration);
    if ("error" in ds) log(`  failed: ${ds.error}`);
    else {
      dayStart = ds;
      log(`  ${ds.athletes} athletes in ${ds.seconds} s; API p95 ${ds.idle.p95} ms idle, ${ds.during.p95} ms during (${ds.during.n} requests)`);
    }
  } finally {
    await server.stop();
  }

  // 2. derived state: what a write spends bringing the athlete up to date, and one day-start run
  log("Re-evaluation per write and the day-start run (scripts/bench/evaluation.ts)…");
  const evaluation = measureEvaluation(scaleDb.url, log);

  // 3. the SQL behind each endpoint, explained by PostgreSQL itself
  let plans: EndpointPlans[] = [];
  const explainServer = await startServer(opts.port + 1, withAutoExplain(scaleDb.url), log);
  try {
    const a = c1[0]!;
    const writer = writers[0]!;
    const cookies = await signInMany(explainServer.baseUrl, [...new Set([owner(1), triageClinic?.ownerEmail ?? owner(1), writer.email])], SCALE_PASSWORD, 2);
    const get = (p: string, email: string) => async () => {
      const res = await fetch(`${explainServer.baseUrl}${p}`, { headers: { cookie: cookies.get(email)! } });
      await res.arrayBuffer();
    };
    let uncached = 0;
    log("Capturing query plans…");
    plans = await capturePlans(scaleName, [
      // each call asks for a range not asked before, so the plans are those of a series read from stored days, not a cache hit
      { name: "series (1 year, day; no cache hit)", call: () => get(seriesPathEnding(a, -++uncached), owner(1))() },
      { name: "alerts?status=open", call: get("/api/v1/alerts?status=open", owner(1)) },
      { name: "roster", call: get("/api/v1/athletes?status=active&page=1", owner(1)) },
      { name: `/dashboard (${c1.length}-athlete clinic)`, call: get("/dashboard", owner(1)) },
      ...(triageClinic ? [{ name: `/dashboard (${triageClinic.athletes}-athlete clinic)`, call: get("/dashboard", triageClinic.ownerEmail) }] : []),
      { name: "/athletes/{id}", call: get(`/athletes/${pageAthletes[0]!.id}`, owner(1)) },
      { name: "/today (athlete)", call: get("/today", writer.email) },
      {
        name: "POST /api/v1/activities (athlete)",
        call: async () => {
          const body = { clientId: randomUUID(), type: "run", date: writer.today, startTime: "07:00", durationSec: 1800, distanceM: 5000, rpe: 4, painDuring: 1, painAfter: 1 };
          const res = await fetch(`${explainServer.baseUrl}/api/v1/activities`, {
            method: "POST",
            headers: { cookie: cookies.get(writer.email)!, "content-type": "application/json", origin: explainServer.baseUrl },
            body: JSON.stringify(body),
          });
          await res.arrayBuffer();
        },
      },
    ]);
  } finally {
    await explainServer.stop();
  }

  // 4. growth: the same series load on a one-clinic database
  let growth: Results["growth"] = null;
  const oneServer = await startServer(opts.port + 2, oneDb.url, log);
  try {
    const refs: AthleteRef[] = await athleteRefs(oneDb.url, 1);
    const cookies = await signInMany(oneServer.baseUrl, [...new Set(refs.map((r) => r.trainerEmail))], SCALE_PASSWORD);
    const run: Run = { baseUrl: oneServer.baseUrl, duration: opts.duration };
    const targets = refs.map((a) => ({ path: growthSeriesPath(a), cookie: cookies.get(a.trainerEmail)! }));
    await getLoad({ ...run, duration: 1 }, "warm-up", 4, targets);
    await getLoad({ ...run, duration: 1 }, "warm-up", 4, [{ path: "/api/bench/ceiling" }]);
    const ceiling = await getLoad(run, "ceiling (one-clinic server)", CONNS, [{ path: "/api/bench/ceiling" }]);
    rows.push({ ...ceiling, ratio: 1, budget: "", pass: null });
    const seriesOne = await getLoad(run, "series 1 y/day, one-clinic db (for growth)", CONNS, targets);
    rows.push(withRatio(seriesOne, ceiling, "", null));
    if (seriesGrowthScale) {
      const ratio = Math.round((seriesGrowthScale.p50 / seriesOne.p50) * 100) / 100;
      growth = { oneClinicP50: seriesOne.p50, scaleP50: seriesGrowthScale.p50, ratio, pass: ratio <= 1.3 };
    }
  } finally {
    await oneServer.stop();
  }

  // a p95 budget is absolute, so say what the constant route itself reached under the same load
  const ceilingP95Note = (r: Row) => {
    const c = r.budget.includes("p95") && !r.name.startsWith("open loop") ? rows.find((x) => x.name === "ceiling (constant JSON)" && x.connections === r.connections) : undefined;
    return c ? `; the constant route's own p95 at ${c.connections} connections: ${c.p95} ms` : "";
  };
  const js = firstLoadJs().filter((r) => ROUTES_SHOWN.includes(r.route) || r.pass === false);
  const budgets: Results["budgets"] = [
    ...rows
      .filter((r) => r.budget)
      .map((r) => ({
        name: r.name,
        pass: r.pass,
        detail: `${r.ratio === null ? `p50 ${r.p50} ms` : `${r.ratio.toFixed(2)}× ceiling`}, p95 ${r.p95} ms, ${r.errors} errors (${r.budget})${ceilingP95Note(r)}`,
      })),
    ...Object.entries(writes).map(([name, w]) => ({ name: `${name} stored once`, pass: w.lost === 0 && w.duplicated === 0, detail: `${w.acknowledged} acknowledged, ${w.lost} lost, ${w.duplicated} duplicated` })),
    ...(imports
      ? [{ name: "/api/health during the largest import", pass: imports.pass, detail: `p95 ${imports.during.p95} ms, max ${imports.during.max} ms over ${imports.during.n} checks while ${imports.files} × ${imports.fileMb} MB GPX were imported (${imports.importStatus} after ${imports.importSeconds} s); idle p95 ${imports.idle.p95} ms (≤ ${IMPORT_HEALTH_BUDGET_MS} ms)` }]
      : []),
    ...(growth ? [{ name: "growth (series p50 scale / one clinic)", pass: growth.pass, detail: `×${growth.ratio} (≤ 1.3)` }] : []),
    ...(dayStart
      ? [
          {
            name: "day-start run of every athlete, and the API meanwhile",
            pass: dayStart.pass,
            detail: `${dayStart.athletes} athletes in ${dayStart.seconds} s (≤ ${DAY_START_BUDGET_S} s), ${dayStart.failures} failed; API at 1 connection p95 ${dayStart.during.p95} ms during vs ${dayStart.idle.p95} ms idle (≤ ${DAY_START_P95_FACTOR}×: ${(dayStart.during.p95 / dayStart.idle.p95).toFixed(2)}×)`,
          },
        ]
      : [{ name: "day-start run of every athlete, and the API meanwhile", pass: false, detail: "not measured: the run failed (see the log)" }]),
    ...(plans.length
      ? [{ name: "SQL queries per request (auto_explain)", pass: null, detail: plans.filter((p) => /^\/(dashboard|athletes)/.test(p.endpoint)).map((p) => `${p.endpoint} ${p.queries.length}`).join(", ") + " (issue 21 counted 28 on the athlete page)" }]
      : []),
    ...js.filter((r) => r.budgetKb !== null).map((r) => ({ name: `first-load JS ${r.route}`, pass: r.pass, detail: `${r.gzipKb} KB gzip (≤ ${r.budgetKb} KB)` })),
    ...lh.map((l) => ({
      name: `Lighthouse ${l.page}`,
      pass: l.performance === null || l.accessibility === null ? false : l.performance >= 90 && l.accessibility >= 95,
      detail: `performance ${l.performance ?? "?"} (≥ 90), accessibility ${l.accessibility ?? "?"} (≥ 95)${l.error ? `; ${l.error}` : ""}`,
    })),
    { name: "no Seq Scan on a daily table", pass: plans.length ? plans.every((p) => p.seqScanOnDaily.length === 0) : null, detail: plans.map((p) => `${p.endpoint}: ${p.seqScanOnDaily.join(",") || "none"}`).join("; ") },
  ];

  const results: Results = {
    date: started.toISOString(),
    machine,
    options: { ...opts, connections: CONNS, writeConnections: WRITE_CONNS, build },
    seed: { scale: { database: scaleName, rows: counts, ...scaleDb.seed, output: undefined }, oneClinic: { database: oneName, ...oneDb.seed, output: undefined } },
    rows,
    writes,
    growth,
    plans: plans.map((p) => ({ ...p, queries: p.queries.map((q) => ({ ...q, sql: q.sql.slice(0, 160) })) })),
    firstLoadJs: js,
    lighthouse: lh,
    budgets,
    imports,
    dayStart,
    evaluation: evaluation && { ...evaluation, pacedWriteP50: rows.find((r) => r.name.startsWith("open loop: activity writes"))?.p50 ?? null },
  };
  console.log(`\n${printAll(results)}`);
  const dir = path.join(ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${started.toISOString().slice(0, 16).replace(":", "")}${opts.quick ? "-quick" : ""}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  log(`\nWrote ${path.relative(ROOT, file)}`);
}

/** scripts/bench/evaluation.ts in a child (lib/data needs the react-server condition); its last line is JSON. */
function measureEvaluation(url: string, log: (s: string) => void): Results["evaluation"] {
  const r = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/bench/evaluation.ts", "--no-day-start"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (r.status !== 0) {
    log(`  failed: ${(r.stderr || r.stdout).slice(-2000)}`);
    return null;
  }
  const last = r.stdout.trim().split("\n").at(-1)!;
  return { ...JSON.parse(last), pacedWriteP50: null };
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
