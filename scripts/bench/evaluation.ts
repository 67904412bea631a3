/**
 * `npx tsx --conditions=react-server scripts/bench/evaluation.ts` with DATABASE_URL = a scale
 * database; `npm run bench` runs it after the HTTP scenarios and prints what it measures:
 *
 * 1. The time a write spends bringing the athlete's derived state up to date (bringUpToDate, the
 *    data layer's one entrance, in a transaction of its own as a write runs it), for a change that
 *    touches today, one a week back and one a month back (a late watch sync), on a sample of
 *    active athletes with the scale seed's records (two years of them in a full run).
 * 2. One day-start run (lib/data/derived/day-start.ts) over every athlete of the database, each last
 *    evaluated yesterday, as the first run after midnight finds them.
 *
 * It writes alerts and evaluation_runs rows: never point it at a clinic's database. Prints one JSON
 * object on its last line. `--no-day-start` skips 2 (npm run bench times the day-start run while the
 * server answers API requests: scripts/bench/day-start-load.ts); its `sweep` is then null.
 */
import { sql } from "drizzle-orm";
import { closeDb, dbKind, getDb } from "../../db/client";
import { evaluateAthlete } from "../../lib/data/derived/evaluate";
import { timeDayStart } from "./day-start";

const SAMPLE = Number(process.env.BENCH_EVALUATION_SAMPLE ?? 150);
const SPANS = [0, 7, 30] as const;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10 : 0;
};

async function main() {
  if (dbKind() !== "pg") throw new Error("Set DATABASE_URL to a scale database (PostgreSQL).");
  const db = getDb();
  const { rows } = await db.execute<{ id: string; clinic_id: string }>(sql`
    select id, clinic_id from athletes where status = 'active' order by md5(id::text) limit ${SAMPLE}`);
  const refs = rows.map((r) => ({ athleteId: r.id, clinicId: r.clinic_id }));
  // every sampled athlete starts up to date through today
  for (const ref of refs) await evaluateAthlete(ref, "bench: up to date first");

  const writes: Record<string, { dates: number; p50: number; p95: number; n: number }> = {};
  for (const span of SPANS) {
    const ms: number[] = [];
    for (const ref of refs) {
      // what a write dated `span` days back leaves: the triggers lower alerts_from to its date
      await db.execute(sql`
        update athletes a set alerts_from = (now() at time zone coalesce(a.time_zone, c.time_zone))::date - ${span}::int
        from clinics c where c.id = a.clinic_id and a.id = ${ref.athleteId}`);
      const t = performance.now();
      await evaluateAthlete(ref, "bench: a write");
      ms.push(performance.now() - t);
    }
    writes[span === 0 ? "a change dated today" : `a change dated ${span} days back`] = { dates: span + 1, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), n: ms.length };
  }

  if (process.argv.includes("--no-day-start")) {
    console.log(JSON.stringify({ sample: refs.length, writes, sweep: null }));
    return;
  }
  const run = await timeDayStart();
  const sweep = { athletes: run.evaluated.length, due: run.due, failures: run.failures.length, seconds: Math.round(run.ms / 100) / 10, msPerAthlete: run.evaluated.length ? Math.round((run.ms / run.evaluated.length) * 10) / 10 : null };
  console.log(JSON.stringify({ sample: refs.length, writes, sweep }));
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
