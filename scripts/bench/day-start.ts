/**
 * `npx tsx --conditions=react-server scripts/bench/day-start.ts [--concurrency 2] [--days-back 1] [--json]`
 *
 * Times one day-start run (lib/data/derived/day-start.ts) on DATABASE_URL, meant for a scale
 * database (`npm run seed:scale` into a database of its own): every athlete's evaluated_through is
 * set to their local yesterday (or --days-back days before today), as the first run after
 * midnight finds them, then one run evaluates every active and return-to-run athlete.
 * It writes alerts and evaluation_runs rows: never point it at a clinic's database.
 * With --json (npm run bench, scripts/bench/day-start-load.ts) it prints DAY_START_BEGINS when the
 * run itself starts, and one JSON object on its last line.
 */
import { sql } from "drizzle-orm";
import { closeDb, dbKind, getDb } from "../../db/client";
import { runDayStart } from "../../lib/data/derived/day-start";
import { DAY_START_BEGINS } from "./day-start-load";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

/**
 * Every athlete left as last evaluated `daysBack` days ago (nothing else pending), then one timed
 * day-start run. Also run by scripts/bench/evaluation.ts (npm run bench).
 */
export async function timeDayStart({ concurrency = 2, daysBack = 1, onBegin }: { concurrency?: number; daysBack?: number; onBegin?: () => void } = {}) {
  if (dbKind() !== "pg") throw new Error("Set DATABASE_URL to a scale database (PostgreSQL).");
  await getDb().execute(sql`
    update athletes a set evaluated_through = (now() at time zone coalesce(a.time_zone, c.time_zone))::date - ${daysBack}::int, alerts_from = null
    from clinics c where c.id = a.clinic_id`);
  onBegin?.();
  return runDayStart({ trigger: "manual", concurrency });
}

async function main() {
  const concurrency = option("concurrency", 2);
  const daysBack = option("days-back", 1);
  const json = process.argv.includes("--json");
  const run = await timeDayStart({ concurrency, daysBack, onBegin: () => json && console.log(DAY_START_BEGINS) });
  const n = run.evaluated.length;
  if (json) {
    console.log(JSON.stringify({ athletes: n, due: run.due, failures: run.failures.length, seconds: Math.round(run.ms / 100) / 10, msPerAthlete: n ? Math.round((run.ms / n) * 10) / 10 : null, concurrency }));
    return;
  }
  console.log(
    `day-start run: ${run.due} due, ${n} evaluated (${daysBack + 1} dates each), ${run.failures.length} failed, concurrency ${concurrency}: ` +
      `${(run.ms / 1000).toFixed(1)} s, ${n ? (run.ms / n).toFixed(1) : "–"} ms per athlete`,
  );
  for (const f of run.failures.slice(0, 5)) console.log(`  failed: ${f.athleteId}: ${f.message}`);
}

if (process.argv[1] && /scripts[\\/]bench[\\/]day-start\.ts$/.test(process.argv[1])) {
  main()
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
