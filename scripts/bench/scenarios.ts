import { randomUUID } from "node:crypto";
import type { Request } from "autocannon";
import { addDays } from "../../lib/domain/dates";
import type { AthleteRef } from "./db";
import { withClient } from "./db";
import { roundRobin, runLoad, type LoadResult } from "./load";

export type Run = { baseUrl: string; duration: number };

const shuffled = <T>(xs: readonly T[]) => [...xs].sort(() => Math.random() - 0.5);

/**
 * GETs cycling through (path, cookie) pairs; `amount` stops the run after that many; `rate` makes it
 * an open loop (that many requests a second, evenly spaced, over at most `connections` sockets).
 */
export function getLoad(
  run: Run,
  name: string,
  connections: number,
  targets: { path: string; cookie?: string }[],
  accept = "application/json",
  amount?: number,
  rate?: number,
): Promise<LoadResult> {
  const next = roundRobin(shuffled(targets));
  const requests: Request[] = [
    {
      method: "GET",
      setupRequest: (req) => {
        const t = next();
        return { ...req, method: "GET", path: t.path, headers: { accept, ...(t.cookie ? { cookie: t.cookie } : {}) } };
      },
    },
  ];
  return runLoad({ name, baseUrl: run.baseUrl, connections, duration: run.duration, amount, rate, requests });
}

export const seriesPath = (a: AthleteRef) => `/api/v1/athletes/${a.id}/series?from=${addDays(a.today, -364)}&to=${a.today}&bucket=day`;

/**
 * The growth comparison's series: a year ending yesterday, so that neither database starts with it
 * cached (the main series scenario asks for the year ending today) and both are measured the same
 * way: the 40 athletes of one clinic, a 1-s warm-up, then the load.
 */
export const growthSeriesPath = (a: AthleteRef) => seriesPathEnding(a, -1);

/** A year by day ending `offset` days from the athlete's today. */
export const seriesPathEnding = (a: AthleteRef, offset: number) =>
  `/api/v1/athletes/${a.id}/series?from=${addDays(a.today, offset - 364)}&to=${addDays(a.today, offset)}&bucket=day`;

/**
 * The series with every request a range not asked before (a year by day ending 2, 3, 4… days
 * before today, athlete by athlete), so none is a hit in the server's cache of response bodies:
 * each reads its days from series_days (and computes any not stored) and builds the body.
 */
export function computedSeriesLoad(run: Run, name: string, connections: number, targets: { ref: AthleteRef; cookie: string }[]): Promise<LoadResult> {
  const order = shuffled(targets);
  let i = 0;
  const requests: Request[] = [
    {
      method: "GET",
      setupRequest: (req) => {
        const k = i++;
        const t = order[k % order.length]!;
        const path = seriesPathEnding(t.ref, -2 - Math.floor(k / order.length));
        return { ...req, method: "GET", path, headers: { accept: "application/json", cookie: t.cookie } };
      },
    },
  ];
  return runLoad({ name, baseUrl: run.baseUrl, connections, duration: run.duration, requests });
}

/**
 * A chart's first view with nothing stored: the athletes' stored chart days are dropped first
 * (series_through = null, as before anyone opened their chart), then each athlete's year is asked
 * for once, one request at a time, so each figure is one request's own latency, not queueing.
 */
export async function firstViewSeriesLoad(run: Run, dbUrl: string, name: string, targets: { ref: AthleteRef; cookie: string }[]): Promise<LoadResult> {
  await withClient(dbUrl, (c) => c.query(`update athletes set series_through = null where id = any($1::uuid[])`, [targets.map((t) => t.ref.id)]));
  const paths = targets.map((t) => ({ path: seriesPath(t.ref), cookie: t.cookie }));
  return getLoad({ ...run, duration: Math.max(run.duration, 10) }, name, 1, paths, "application/json", paths.length);
}

export type WriteCheck = { sent: number; acknowledged: number; stored: number; lost: number; duplicated: number; storedWithoutAck: number };

const jsonPost = (baseUrl: string, cookie: string, body: unknown) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: { "content-type": "application/json", accept: "application/json", origin: baseUrl, cookie },
});

/**
 * Morning check-ins, one per (athlete, date) for the last 7 days of each signed-in athlete (their
 * seeded ones are removed first, so each write is a new row), with a client id each.
 */
export async function checkInWrites(run: Run, dbUrl: string, athletes: (AthleteRef & { cookie: string })[], connections: number): Promise<{ load: LoadResult; check: WriteCheck }> {
  const pairs = shuffled(athletes.flatMap((a) => Array.from({ length: 7 }, (_, k) => ({ a, date: addDays(a.today, -k), clientId: randomUUID() }))));
  await withClient(dbUrl, (c) =>
    c.query(
      `delete from check_ins c using unnest($1::uuid[], $2::date[]) as p(athlete_id, date) where c.athlete_id = p.athlete_id and c.date = p.date`,
      [pairs.map((p) => p.a.id), pairs.map((p) => p.date)],
    ),
  );
  const queue = [...pairs];
  const acked = new Set<string>();
  const requests: Request[] = [
    {
      setupRequest: (req) => {
        const p = queue.shift();
        if (!p) return req;
        return { ...req, path: "/api/v1/check-ins", ...jsonPost(run.baseUrl, p.a.cookie, { date: p.date, morningPain: Math.floor(Math.random() * 5), redFlags: {}, clientId: p.clientId }) };
      },
      onResponse: (status, body) => {
        if (status < 200 || status >= 300) return;
        const r = JSON.parse(body) as { athleteId: string; date: string };
        acked.add(`${r.athleteId}:${r.date}`);
      },
    },
  ];
  const load = await runLoad({ name: "check-in writes", baseUrl: run.baseUrl, connections, duration: Math.max(run.duration, 15), amount: pairs.length, requests });
  const rows = await withClient(dbUrl, async (c) =>
    (
      await c.query(`select c.athlete_id, c.date::text as date, count(*)::int as n from check_ins c where c.client_id = any($1::uuid[]) group by 1, 2`, [pairs.map((p) => p.clientId)])
    ).rows as { athlete_id: string; date: string; n: number }[],
  );
  const stored = new Map(rows.map((r) => [`${r.athlete_id}:${r.date}`, r.n]));
  const perPair = await withClient(dbUrl, async (c) =>
    Number(
      (
        await c.query(
          `select count(*)::int as n from (select 1 from check_ins c join unnest($1::uuid[], $2::date[]) as p(athlete_id, date) on c.athlete_id = p.athlete_id and c.date = p.date group by c.athlete_id, c.date having count(*) > 1) d`,
          [pairs.map((p) => p.a.id), pairs.map((p) => p.date)],
        )
      ).rows[0].n,
    ),
  );
  return {
    load,
    check: {
      sent: load.requests,
      acknowledged: acked.size,
      stored: rows.reduce((n, r) => n + r.n, 0),
      lost: [...acked].filter((k) => !stored.has(k)).length,
      duplicated: rows.filter((r) => r.n > 1).length + perPair,
      storedWithoutAck: [...stored.keys()].filter((k) => !acked.has(k)).length,
    },
  };
}

/** Runs logged by athletes, each with its own client id; `rate` paces them (requests per second offered). */
export async function activityWrites(
  run: Run,
  dbUrl: string,
  athletes: (AthleteRef & { cookie: string })[],
  connections: number,
  { rate, name = "activity writes" }: { rate?: number; name?: string } = {},
): Promise<{ load: LoadResult; check: WriteCheck }> {
  const next = roundRobin(shuffled(athletes));
  const sent: string[] = [];
  const acked = new Set<string>();
  const requests: Request[] = [
    {
      setupRequest: (req) => {
        const a = next();
        const clientId = randomUUID();
        sent.push(clientId);
        const minutes = 25 + Math.floor(Math.random() * 30);
        const body = {
          clientId,
          type: "run",
          date: a.today,
          startTime: `${String(6 + Math.floor(Math.random() * 12)).padStart(2, "0")}:${String(Math.floor(Math.random() * 60)).padStart(2, "0")}`,
          durationSec: minutes * 60,
          distanceM: Math.round(minutes * 60 * (2.6 + Math.random() * 0.6)),
          rpe: 3 + Math.floor(Math.random() * 4),
          painDuring: Math.floor(Math.random() * 4),
          painAfter: Math.floor(Math.random() * 4),
        };
        return { ...req, path: "/api/v1/activities", ...jsonPost(run.baseUrl, a.cookie, body) };
      },
      onResponse: (status, body) => {
        if (status < 200 || status >= 300) return;
        acked.add((JSON.parse(body) as { clientId: string }).clientId);
      },
    },
  ];
  const load = await runLoad({ name, baseUrl: run.baseUrl, connections, duration: run.duration, rate, requests });
  const rows = await withClient(dbUrl, async (c) =>
    (await c.query(`select client_id, count(*)::int as n from activities where client_id = any($1::uuid[]) group by 1`, [sent])).rows as { client_id: string; n: number }[],
  );
  const stored = new Map(rows.map((r) => [r.client_id, r.n]));
  return {
    load,
    check: {
      sent: sent.length,
      acknowledged: acked.size,
      stored: rows.reduce((n, r) => n + r.n, 0),
      lost: [...acked].filter((k) => !stored.has(k)).length,
      duplicated: rows.filter((r) => r.n > 1).length,
      storedWithoutAck: [...stored.keys()].filter((k) => !acked.has(k)).length,
    },
  };
}
