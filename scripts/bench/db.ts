import { spawnSync } from "node:child_process";
import { Client } from "pg";
import { largeClinicName } from "../seed/scale-sql";
import { ROOT } from "./server";

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function urlFor(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export type SeedSummary = { seeded: boolean; seconds: number; output: string; rowsPerSecond: number | null; dailyRows: number | null };

/**
 * A benchmark database, seeded by the scale seed. An existing one is reused (and migrated) unless
 * `fresh`: seeding 2,000 athletes takes a couple of minutes, and the benchmark only adds a few
 * thousand rows to it per run.
 */
export async function prepareDatabase(
  base: string,
  name: string,
  scale: { clinics: number; athletes: number; days: number; large: number[] },
  fresh: boolean,
  log: (s: string) => void,
): Promise<{ url: string; seed: SeedSummary }> {
  const url = urlFor(base, name);
  const exists = await withClient(base, async (c) => (await c.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1);
  if (exists && !fresh) {
    const seeded = await withClient(url, async (c) => {
      const r = await c
        .query(`select count(*) filter (where name ~ '^Scale clinic \\d+$')::int as n, array_agg(name) filter (where name ~ '^Scale clinic L') as large from clinics`)
        .catch(() => null);
      const large = new Set<string>(r?.rows[0].large ?? []);
      return r !== null && Number(r.rows[0].n) === scale.clinics && large.size === scale.large.length && scale.large.every((n) => large.has(largeClinicName(n)));
    });
    if (seeded) {
      log(`Reusing database ${name} (pass --fresh to seed it again); applying migrations…`);
      const m = spawnSync("npx", ["tsx", "scripts/migrate.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
      if (m.status !== 0) throw new Error(`migrations failed on ${name}:\n${m.stdout}\n${m.stderr}`);
      return { url, seed: { seeded: false, seconds: 0, output: "", rowsPerSecond: null, dailyRows: null } };
    }
  }
  await withClient(base, async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  log(`Seeding ${name}: ${scale.clinics} clinics × ${scale.athletes} athletes × ${scale.days} days${scale.large.length ? ` + clinics of ${scale.large.join(", ")} athletes` : ""}…`);
  const t = performance.now();
  const args = ["tsx", "--conditions=react-server", "scripts/seed/scale.ts", "--clinics", String(scale.clinics), "--athletes", String(scale.athletes), "--days", String(scale.days), "--large", scale.large.join(",") || "0"];
  const r = spawnSync("npx", args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scale seed failed on ${name}:\n${r.stdout}\n${r.stderr}`);
  const output = r.stdout.trim();
  log(output.replace(/^/gm, "    "));
  const m = /→ ([\d,]+) daily rows .*\(([\d,]+) rows\/s overall\)/.exec(output);
  const num = (s: string | undefined) => (s ? Number(s.replace(/,/g, "")) : null);
  return { url, seed: { seeded: true, seconds: (performance.now() - t) / 1000, output, dailyRows: num(m?.[1]), rowsPerSecond: num(m?.[2]) } };
}

/** `since`: the athlete's first day in the clinic (their records start there). */
export type AthleteRef = { id: string; clinicSeq: number; today: string; since: string; email: string; trainerEmail: string };

/** Athletes of the first `clinics` scale clinics (not archived), with their local today and trainer. */
export async function athleteRefs(url: string, clinics: number, status?: "active"): Promise<AthleteRef[]> {
  return withClient(url, async (c) => {
    const r = await c.query(
      `select a.id, substring(c.name from 'Scale clinic (\\d+)')::int as seq,
              (now() at time zone coalesce(a.time_zone, c.time_zone))::date::text as today,
              (a.created_at at time zone coalesce(a.time_zone, c.time_zone))::date::text as since,
              u.email, t.email as trainer_email
         from athletes a join clinics c on c.id = a.clinic_id
         join users u on u.id = a.user_id join users t on t.id = a.trainer_id
        where c.name like 'Scale clinic %' and substring(c.name from 'Scale clinic (\\d+)')::int <= $1
          and a.status <> 'archived' and ($2::text is null or a.status::text = $2)
        order by seq, a.name`,
      [clinics, status ?? null],
    );
    return r.rows.map((row) => ({ id: row.id, clinicSeq: row.seq, today: row.today, since: row.since, email: row.email, trainerEmail: row.trainer_email }));
  });
}

/** A clinic's owner login and how many athletes it has (not archived): the roster-size rows. */
export async function clinicOwner(url: string, clinicName: string): Promise<{ ownerEmail: string; athletes: number } | null> {
  return withClient(url, async (c) => {
    const r = await c.query(
      `select u.email, (select count(*)::int from athletes a where a.clinic_id = c.id and a.status <> 'archived') as n
         from clinics c join users u on u.clinic_id = c.id and u.role = 'owner' where c.name = $1 order by u.email limit 1`,
      [clinicName],
    );
    return r.rowCount ? { ownerEmail: r.rows[0].email, athletes: r.rows[0].n } : null;
  });
}

export async function tableCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const out: Record<string, number> = {};
    for (const t of ["clinics", "users", "athletes", "program_items", "check_ins", "activities", "exercise_logs", "alerts", "series_days"]) {
      out[t] = Number((await c.query(`select count(*)::int as n from ${t}`)).rows[0].n);
    }
    return out;
  });
}
