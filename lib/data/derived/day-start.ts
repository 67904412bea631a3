import "server-only";
import { hostname } from "node:os";
import { eq, lt, sql } from "drizzle-orm";
import { getDb, dbKind, type Db } from "@/db/client";
import { athletes, clinics, evaluationRunClinics, evaluationRuns } from "@/db/schema";
import { todayIn } from "@/lib/domain/dates";
import type { IsoDate } from "@/lib/domain/types";
import { bringUpToDate, type AthleteRef } from "./evaluate";

/**
 * The day-start evaluation (DESIGN §2d): time alone changes alerts (a day that ends silent is a
 * missed check-in), so every athlete in status active or return-to-run is brought up to date when
 * their local day begins, for every date from the last one evaluated (included) to the new today.
 * A run that comes late, or after a worker was down for days, catches up the same way.
 *
 * Exactly once per athlete and day, however many servers run this at once: an athlete is due while
 * athletes.evaluated_through is before their local today, or while a change written outside the
 * data layer (a seed, a hand-run SQL fix) left athletes.alerts_from set by the triggers; each one
 * is claimed in a transaction of
 * its own (FOR NO KEY UPDATE SKIP LOCKED, the lock bringUpToDate takes, with the due condition
 * checked again under the lock) and bringUpToDate sets evaluated_through to today before that
 * transaction commits. A second run either skips the locked row or, once it is committed, no
 * longer finds it due.
 *
 * "Local today" is computed in TypeScript (Intl, lib/domain/dates todayIn), not with PostgreSQL's
 * `at time zone`: bringUpToDate stores the today of the same clock and time-zone database, so the
 * claim's "still due" and the evaluated_through it leaves can never disagree by a day at midnight,
 * and a zone name one database knows and the other does not fails for that athlete only.
 *
 * Failures are per athlete: recorded, logged, and the athlete stays due, so the next run (every
 * 15 minutes) retries it. A crash of the whole run leaves the run unfinished; the job queue retries it.
 */

export type DayStartTrigger = "schedule" | "startup" | "manual";

export type DayStartOptions = {
  trigger: DayStartTrigger;
  /** Athletes read per query; each is still evaluated in a transaction of its own. */
  batchSize?: number;
  /** Athletes evaluated at once (PostgreSQL only: PGlite has one connection). */
  concurrency?: number;
  /** Aborted when the server shuts down: the run stops after the athletes in hand. */
  signal?: AbortSignal;
  /** false for a seed loading a history: urgent alerts are stored without emailing (DESIGN §2e). */
  notify?: boolean;
};

export type DayStartRun = {
  runId: string;
  trigger: DayStartTrigger;
  /** Athletes found due (some may have been taken by a concurrent run: skipped). */
  due: number;
  evaluated: AthleteRef[];
  skipped: number;
  failures: { athleteId: string; clinicId: string; message: string }[];
  stopped: boolean;
  ms: number;
};

const ACTIVE = sql`('active', 'return_to_run')`;
const NO_ID = "00000000-0000-0000-0000-000000000000";
/** Runs older than this are deleted at the end of each run (their clinic rows go with them). */
const KEEP_RUNS_DAYS = 90;

type Due = { id: string; clinicId: string; zone: string };
type Outcome = { kind: "evaluated" } | { kind: "skipped" } | { kind: "failed"; message: string };

export async function runDayStart(options: DayStartOptions): Promise<DayStartRun> {
  const { trigger, batchSize = 100, signal } = options;
  const concurrency = dbKind() === "pg" ? Math.max(1, options.concurrency ?? 2) : 1;
  const started = performance.now();
  const db = getDb();
  const [run] = await db.insert(evaluationRuns).values({ trigger, runner: `${hostname()}:${process.pid}` }).returning({ id: evaluationRuns.id, startedAt: evaluationRuns.startedAt });
  const result: DayStartRun = { runId: run!.id, trigger, due: 0, evaluated: [], skipped: 0, failures: [], stopped: false, ms: 0 };
  let runError: string | null = null;
  try {
    const zones = await zonesInUse(db);
    let after = NO_ID;
    while (!signal?.aborted) {
      const batch = await dueBatch(db, zones, after, batchSize);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
      const outcomes = await mapLimited(batch, concurrency, (a) => (signal?.aborted ? Promise.resolve(null) : claimAndEvaluate(a, options.notify ?? true)));
      const perClinic = new Map<string, { evaluated: number; failures: number }>();
      let batchSkipped = 0;
      batch.forEach((a, i) => {
        const o = outcomes[i];
        if (!o) return;
        const c = perClinic.get(a.clinicId) ?? { evaluated: 0, failures: 0 };
        if (o.kind === "evaluated") {
          result.evaluated.push({ clinicId: a.clinicId, athleteId: a.id });
          c.evaluated += 1;
        } else if (o.kind === "failed") {
          result.failures.push({ athleteId: a.id, clinicId: a.clinicId, message: o.message });
          console.error(`[day-start] athlete ${a.id} (clinic ${a.clinicId}) was not evaluated: ${o.message}`);
          c.failures += 1;
        } else batchSkipped += 1;
        if (o.kind !== "skipped") perClinic.set(a.clinicId, c);
      });
      result.due += batch.length;
      result.skipped += batchSkipped;
      await recordBatch(db, run!, { due: batch.length, skipped: batchSkipped, perClinic, lastFailure: result.failures.at(-1) });
      if (batch.length < batchSize) break;
    }
  } catch (err) {
    runError = message(err);
    throw err;
  } finally {
    result.stopped = signal?.aborted === true;
    result.ms = Math.round(performance.now() - started);
    await db
      .update(evaluationRuns)
      .set({ finishedAt: new Date(), ...(runError ? { lastError: `the run failed: ${runError}`.slice(0, 1000) } : {}) })
      .where(eq(evaluationRuns.id, run!.id))
      .catch((e: unknown) => console.error("[day-start] could not record the end of the run:", message(e)));
  }
  await db.delete(evaluationRuns).where(lt(evaluationRuns.startedAt, sql`now() - make_interval(days => ${KEEP_RUNS_DAYS})`));
  return result;
}

/** Each time zone an evaluated athlete lives in (their own, else their clinic's). */
async function zonesInUse(db: Db): Promise<string[]> {
  const { rows } = await db.execute<{ zone: string }>(sql`
    select distinct coalesce(a.time_zone, c.time_zone) as zone
    from ${athletes} a join ${clinics} c on c.id = a.clinic_id
    where a.status in ${ACTIVE}`);
  return rows.map((r) => r.zone);
}

/** Local today in each zone now; a zone Intl does not know has none (its athletes fail, visibly). */
function todayByZone(zones: string[]): { zone: string; today: IsoDate | null }[] {
  return zones.map((zone) => {
    try {
      return { zone, today: todayIn(zone) };
    } catch {
      return { zone, today: null };
    }
  });
}

/** The next athletes (by id, after `after`) whose evaluated_through is before their local today. */
async function dueBatch(db: Db, zones: string[], after: string, limit: number): Promise<Due[]> {
  if (zones.length === 0) return [];
  const { rows } = await db.execute<{ id: string; clinic_id: string; zone: string }>(sql`
    with zone_today as (select * from json_to_recordset(${JSON.stringify(todayByZone(zones))}::json) as z(zone text, today date))
    select a.id, a.clinic_id, z.zone
    from ${athletes} a
    join ${clinics} c on c.id = a.clinic_id
    join zone_today z on z.zone = coalesce(a.time_zone, c.time_zone)
    where a.status in ${ACTIVE} and a.id > ${after}
      and (z.today is null or a.evaluated_through is null or a.evaluated_through < z.today or a.alerts_from is not null)
    order by a.id
    limit ${limit}`);
  return rows.map((r) => ({ id: r.id, clinicId: r.clinic_id, zone: r.zone }));
}

/**
 * One athlete, in a transaction of its own: claim the row unless another run holds it, check again
 * that it is still due (another run may have committed it since the batch was read; its status or
 * time zone may have changed), and evaluate every date from evaluated_through to today.
 */
async function claimAndEvaluate(a: Due, notify: boolean): Promise<Outcome> {
  try {
    const today = todayIn(a.zone);
    return await getDb().transaction(async (tx) => {
      const { rows } = await tx.execute<{ id: string }>(sql`
        select a.id
        from ${athletes} a join ${clinics} c on c.id = a.clinic_id
        where a.id = ${a.id} and a.clinic_id = ${a.clinicId} and a.status in ${ACTIVE}
          and coalesce(a.time_zone, c.time_zone) = ${a.zone}
          and (a.evaluated_through is null or a.evaluated_through < ${today}::date or a.alerts_from is not null)
        for no key update of a skip locked`);
      if (rows.length === 0) return { kind: "skipped" } as const;
      await bringUpToDate(tx, { clinicId: a.clinicId, athleteId: a.id }, { because: "a new day began", notify });
      return { kind: "evaluated" } as const;
    });
  } catch (err) {
    return { kind: "failed", message: message(err) };
  }
}

async function recordBatch(
  db: Db,
  run: { id: string; startedAt: Date },
  b: { due: number; skipped: number; perClinic: Map<string, { evaluated: number; failures: number }>; lastFailure?: { athleteId: string; message: string } },
): Promise<void> {
  let evaluated = 0;
  let failures = 0;
  for (const c of b.perClinic.values()) {
    evaluated += c.evaluated;
    failures += c.failures;
  }
  await db.transaction(async (tx) => {
    await tx
      .update(evaluationRuns)
      .set({
        athletesDue: sql`${evaluationRuns.athletesDue} + ${b.due}`,
        athletesEvaluated: sql`${evaluationRuns.athletesEvaluated} + ${evaluated}`,
        athletesSkipped: sql`${evaluationRuns.athletesSkipped} + ${b.skipped}`,
        failures: sql`${evaluationRuns.failures} + ${failures}`,
        ...(b.lastFailure && failures > 0 ? { lastError: `athlete ${b.lastFailure.athleteId}: ${b.lastFailure.message}`.slice(0, 1000) } : {}),
      })
      .where(eq(evaluationRuns.id, run.id));
    if (b.perClinic.size === 0) return;
    await tx
      .insert(evaluationRunClinics)
      .values([...b.perClinic].map(([clinicId, c]) => ({ clinicId, runId: run.id, startedAt: run.startedAt, athletesEvaluated: c.evaluated, failures: c.failures })))
      .onConflictDoUpdate({
        target: [evaluationRunClinics.clinicId, evaluationRunClinics.runId],
        set: {
          athletesEvaluated: sql`${evaluationRunClinics.athletesEvaluated} + excluded.athletes_evaluated`,
          failures: sql`${evaluationRunClinics.failures} + excluded.failures`,
          updatedAt: sql`now()`,
        },
      });
  });
}

/** `fn` over `items`, at most `limit` at a time, results in input order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
