import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { PGlite } from "@electric-sql/pglite";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alerts, athletes, injuryEpisodes, programItemEvents, runningPrescriptions } from "@/db/schema";
import { updateAthlete } from "@/lib/data/athletes";
import { recordCheckIn } from "@/lib/data/check-ins";
import { listEpisodes, resolveEpisode, startEpisode } from "@/lib/data/episodes";
import { setRunningPrescription } from "@/lib/data/prescriptions";
import { addProgramItem } from "@/lib/data/programs";
import { addDays, todayIn } from "@/lib/domain/dates";
import { isUniqueViolation } from "@/lib/errors";
import { prescriptionSchema } from "@/lib/validation/programs";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");

beforeAll(async () => {
  await ensureLibrary();
});

const episodesOf = (athleteId: string) => getDb().select().from(injuryEpisodes).where(eq(injuryEpisodes.athleteId, athleteId)).orderBy(injuryEpisodes.createdAt);

describe("injury episodes (issue 18, item 3)", () => {
  it("a new athlete starts with an active episode from the profile's condition; at most one is active", async () => {
    const clinic = await makeClinic("Episodes");
    const me = await makeAthlete(clinic);
    const [first, ...rest] = await episodesOf(me.athleteId);
    expect(rest).toHaveLength(0);
    expect(first).toMatchObject({ condition: "Medial knee pain", side: null, onsetDate: null, status: "active" });

    await expect(startEpisode(clinic, { athleteId: me.athleteId, condition: "ITB syndrome", side: "left" })).rejects.toMatchObject({ code: "conflict" });
    // the database refuses a second active one whatever the code path
    const second = getDb().insert(injuryEpisodes).values({ clinicId: clinic.clinicId, athleteId: me.athleteId, condition: "Another" });
    await expect(second).rejects.toSatisfy((e: unknown) => isUniqueViolation(e, "injury_episodes_one_active"));

    await expect(resolveEpisode(clinic, { athleteId: me.athleteId, episodeId: first!.id, resolvedOn: addDays(today, 1) })).rejects.toMatchObject({ code: "invalid" });
    await resolveEpisode(clinic, { athleteId: me.athleteId, episodeId: first!.id, resolvedOn: today, note: "Pain-free for 3 weeks, full running." });
    await expect(resolveEpisode(clinic, { athleteId: me.athleteId, episodeId: first!.id, resolvedOn: today })).rejects.toMatchObject({ code: "conflict" });
    await expect(startEpisode(clinic, { athleteId: me.athleteId, condition: "ITB syndrome", side: "left", onsetDate: addDays(today, 2) })).rejects.toMatchObject({ code: "invalid" });
    const { id } = await startEpisode(clinic, { athleteId: me.athleteId, condition: "ITB syndrome", side: "left", onsetDate: addDays(today, -3) });

    const list = await listEpisodes(clinic, me.athleteId);
    expect(list.map((e) => [e.id, e.status])).toEqual([
      [id, "active"],
      [first!.id, "resolved"],
    ]);
    expect(list[1]).toMatchObject({ resolvedOn: today, resolutionNote: "Pain-free for 3 weeks, full running." });
    // the profile describes the current episode
    const [profile] = await getDb().select().from(athletes).where(eq(athletes.id, me.athleteId));
    expect(profile).toMatchObject({ condition: "ITB syndrome", injuredSide: "left", onsetDate: addDays(today, -3) });
  });

  it("a resolution date before the onset is refused", async () => {
    const clinic = await makeClinic("Onset");
    const me = await makeAthlete(clinic);
    await updateAthlete(clinic, me.athleteId, { onsetDate: addDays(today, -10) });
    const [episode] = await episodesOf(me.athleteId);
    await expect(resolveEpisode(clinic, { athleteId: me.athleteId, episodeId: episode!.id, resolvedOn: addDays(today, -11) })).rejects.toMatchObject({ code: "invalid", fieldErrors: { resolvedOn: [expect.any(String)] } });
  });

  it("editing the profile's condition edits the active episode, or opens one when every episode is resolved", async () => {
    const clinic = await makeClinic("Profile");
    const me = await makeAthlete(clinic);
    await updateAthlete(clinic, me.athleteId, { condition: "Pes anserine bursitis", injuredSide: "right", onsetDate: addDays(today, -20) });
    const [only] = await episodesOf(me.athleteId);
    expect(only).toMatchObject({ condition: "Pes anserine bursitis", side: "right", onsetDate: addDays(today, -20), status: "active" });
    await resolveEpisode(clinic, { athleteId: me.athleteId, episodeId: only!.id, resolvedOn: today });
    await updateAthlete(clinic, me.athleteId, { condition: "Medial knee pain again" });
    const all = await episodesOf(me.athleteId);
    expect(all.map((e) => [e.condition, e.status])).toEqual([
      ["Pes anserine bursitis", "resolved"],
      ["Medial knee pain again", "active"],
    ]);
  });

  it("alerts, program changes and prescriptions carry the episode in which they happened", async () => {
    const clinic = await makeClinic("Tagging");
    const me = await makeAthlete(clinic);
    const [first] = await episodesOf(me.athleteId);
    await recordCheckIn(me, { date: addDays(today, -1), morningPain: 8, redFlags: {}, tapeYesterday: false });
    await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 4 });
    await setRunningPrescription(clinic, prescriptionSchema.parse({ athleteId: me.athleteId, unit: "km", weeklyDistance: "20", longestRun: "8" }));
    const tags = async (table: typeof alerts | typeof programItemEvents | typeof runningPrescriptions) =>
      (await getDb().select({ episodeId: table.episodeId }).from(table).where(eq(table.athleteId, me.athleteId))).map((r) => r.episodeId);
    expect(new Set(await tags(alerts))).toEqual(new Set([first!.id]));
    expect(await tags(programItemEvents)).toEqual([first!.id]);
    expect(await tags(runningPrescriptions)).toEqual([first!.id]);

    await resolveEpisode(clinic, { athleteId: me.athleteId, episodeId: first!.id, resolvedOn: addDays(today, -1) });
    // between episodes: a change belongs to none
    await setRunningPrescription(clinic, prescriptionSchema.parse({ athleteId: me.athleteId, unit: "km", weeklyDistance: "22", longestRun: "8" }));
    const { id: second } = await startEpisode(clinic, { athleteId: me.athleteId, condition: "Patellofemoral pain", onsetDate: today });
    await setRunningPrescription(clinic, prescriptionSchema.parse({ athleteId: me.athleteId, unit: "km", weeklyDistance: "10", longestRun: "4" }));
    await recordCheckIn(me, { date: today, morningPain: 9, redFlags: {}, tapeYesterday: false });
    const rx = await getDb().select({ w: runningPrescriptions.weeklyDistanceM, e: runningPrescriptions.episodeId }).from(runningPrescriptions).where(eq(runningPrescriptions.athleteId, me.athleteId)).orderBy(runningPrescriptions.createdAt);
    expect(rx).toEqual([
      { w: 20000, e: first!.id },
      { w: 22000, e: null },
      { w: 10000, e: second },
    ]);
    // an alert belongs to the episode in force on its date
    const byDate = await getDb().select({ date: alerts.date, e: alerts.episodeId }).from(alerts).where(and(eq(alerts.athleteId, me.athleteId), sql`${alerts.date} = ${today}`));
    expect(byDate.length).toBeGreaterThan(0);
    expect(new Set(byDate.map((a) => a.e))).toEqual(new Set([second]));
  });

  it("staff only: the athlete and another clinic are refused as not found", async () => {
    const clinic = await makeClinic("Private");
    const me = await makeAthlete(clinic);
    const other = await makeClinic("Other");
    const [episode] = await episodesOf(me.athleteId);
    await expect(listEpisodes(me, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listEpisodes(other, me.athleteId)).rejects.toMatchObject({ code: "not_found" });
    await expect(resolveEpisode(other, { athleteId: me.athleteId, episodeId: episode!.id, resolvedOn: today })).rejects.toMatchObject({ code: "not_found" });
    const theirs = await makeAthlete(other);
    await expect(resolveEpisode(other, { athleteId: theirs.athleteId, episodeId: episode!.id, resolvedOn: today })).rejects.toMatchObject({ code: "not_found" });
    expect((await episodesOf(me.athleteId))[0]!.status).toBe("active");
  });
});

// ── the migration: every athlete's condition, side and onset move into a first active episode ──

type Exec = { run: (text: string) => Promise<void>; rows: (text: string) => Promise<Record<string, unknown>[]>; close: () => Promise<void> };

const DRIZZLE = path.join(process.cwd(), "drizzle");
const journal = JSON.parse(readFileSync(path.join(DRIZZLE, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };

async function apply(db: Exec, tags: string[]) {
  for (const tag of tags) {
    for (const statement of readFileSync(path.join(DRIZZLE, `${tag}.sql`), "utf8").split("--> statement-breakpoint")) {
      if (statement.trim()) await db.run(statement);
    }
  }
}

/** An empty database of the kind the tests run on (a new Postgres database, or an in-memory PGlite). */
async function emptyDatabase(): Promise<Exec> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pg = new PGlite();
    return { run: async (t) => void (await pg.exec(t)), rows: async (t) => (await pg.query<Record<string, unknown>>(t)).rows, close: () => pg.close() };
  }
  const name = `stride_backfill_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = new Client({ connectionString: target.toString() });
  await client.connect();
  return {
    run: async (t) => void (await client.query(t)),
    rows: async (t) => (await client.query(t)).rows as Record<string, unknown>[],
    close: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

describe("migration 0023/0024 backfill", () => {
  it("moves every athlete's condition into a first active episode and tags their alerts and program changes", async () => {
    const tags = journal.entries.map((e) => e.tag);
    const at = tags.indexOf("0023_clinical_record");
    expect(at).toBeGreaterThan(0);
    const db = await emptyDatabase();
    try {
      await apply(db, tags.slice(0, at));
      await db.run(`
        insert into clinics (id, name, time_zone) values ('00000000-0000-4000-8000-000000000001', 'Old clinic', 'Europe/London');
        insert into athletes (id, clinic_id, name, condition, injured_side, onset_date, status) values
          ('00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-000000000001', 'With onset', 'Pes anserine bursitis', 'left', '2026-01-10', 'active'),
          ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-000000000001', 'Defaults', 'Medial knee pain', null, null, 'archived');
        insert into alerts (clinic_id, athlete_id, kind, severity, date, reason, dedupe_key) values
          ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000000a', 'pain_7', 'urgent', '2026-02-01', 'Pain 8', 'pain_7::2026-02-01'),
          ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000000a', 'pain_7', 'urgent', '2026-01-01', 'Pain 7, before the onset', 'pain_7::2026-01-01');
        insert into running_prescriptions (clinic_id, athlete_id, weekly_distance_m, longest_run_m) values
          ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-00000000000b', 10000, 4000);
      `);
      await apply(db, tags.slice(at, tags.indexOf("0024_clinical_record_backfill") + 1));
      const episodes = await db.rows(`select athlete_id, condition, side::text as side, onset_date::text as onset, status::text as status from injury_episodes order by athlete_id`);
      expect(episodes).toEqual([
        { athlete_id: "00000000-0000-4000-8000-00000000000a", condition: "Pes anserine bursitis", side: "left", onset: "2026-01-10", status: "active" },
        { athlete_id: "00000000-0000-4000-8000-00000000000b", condition: "Medial knee pain", side: null, onset: null, status: "active" },
      ]);
      const tagged = await db.rows(`select a.reason, (a.episode_id = e.id) as tagged from alerts a left join injury_episodes e on e.athlete_id = a.athlete_id order by a.date`);
      expect(tagged).toEqual([
        { reason: "Pain 7, before the onset", tagged: null },
        { reason: "Pain 8", tagged: true },
      ]);
      const rx = await db.rows(`select (r.episode_id = e.id) as tagged from running_prescriptions r join injury_episodes e on e.athlete_id = r.athlete_id`);
      expect(rx).toEqual([{ tagged: true }]);
      // from now on every new athlete gets one by the trigger
      await db.run(`insert into athletes (clinic_id, name) values ('00000000-0000-4000-8000-000000000001', 'New one')`);
      expect(await db.rows(`select count(*)::int as n from injury_episodes`)).toEqual([{ n: 3 }]);
    } finally {
      await db.close();
    }
    // eighteen migrations on a fresh database: well over the default 30 s on a busy machine
  }, 180_000);
});
