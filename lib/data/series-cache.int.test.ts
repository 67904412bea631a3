import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { athletes, checkIns } from "@/db/schema";
import { archiveActivity, recordActivity } from "@/lib/data/activities";
import { recordCheckIn } from "@/lib/data/check-ins";
import { getAthleteSeriesJson } from "@/lib/data/series";
import { clearSeriesCache, seriesCacheStats } from "@/lib/data/series-cache";
import { addDays, todayIn } from "@/lib/domain/dates";
import type { SeriesResponse } from "@/lib/validation/series";
import { activitySchema } from "@/lib/validation/reporting";
import { makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const query = { from: addDays(today, -27), to: today, bucket: "day" as const };
const parse = (body: Uint8Array) => JSON.parse(new TextDecoder().decode(body)) as SeriesResponse;
const rowOn = (body: Uint8Array, date: string) => parse(body).rows.find((r) => r.date === date)!;
const version = async (athleteId: string) =>
  (await getDb().select({ v: athletes.dataVersion }).from(athletes).where(eq(athletes.id, athleteId)))[0]!.v;

beforeEach(() => clearSeriesCache());

describe("the cached chart series", () => {
  it("is served from the cache until the athlete's records change, then recomputed", async () => {
    const clinic = await makeClinic("Cache");
    const me = await makeAthlete(clinic);
    await recordCheckIn(me, { morningPain: 2, redFlags: {}, tapeYesterday: false });

    const first = await getAthleteSeriesJson(clinic, me.athleteId, query);
    expect(await getAthleteSeriesJson(clinic, me.athleteId, query)).toBe(first);
    expect(seriesCacheStats()).toMatchObject({ hits: 1, misses: 1 });
    expect(rowOn(first, today)).toMatchObject({ morningPain: 2, runningDistanceM: 0 });

    // a write through the data layer
    const { activity } = await recordActivity(
      me,
      activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date: today, startTime: "07:30", durationSec: 1800, distanceM: 6000, rpe: 5 }),
    );
    expect(rowOn(await getAthleteSeriesJson(clinic, me.athleteId, query), today)).toMatchObject({ runningDistanceM: 6000, load: 150 });

    // and a write that bypasses it entirely: the trigger still moves the version
    await getDb().update(checkIns).set({ morningPain: 6 }).where(eq(checkIns.athleteId, me.athleteId));
    expect(rowOn(await getAthleteSeriesJson(clinic, me.athleteId, query), today)).toMatchObject({ morningPain: 6, light: "red" });

    await archiveActivity(me, activity.id);
    expect(rowOn(await getAthleteSeriesJson(clinic, me.athleteId, query), today)).toMatchObject({ runningDistanceM: 0 });
    expect(seriesCacheStats()).toMatchObject({ hits: 1, misses: 4 });
  });

  it("checks access before the cache: another clinic gets not-found for a cached series", async () => {
    const clinic = await makeClinic("Cache owner");
    const other = await makeClinic("Cache other");
    const me = await makeAthlete(clinic);
    const sibling = await makeAthlete(clinic);
    await getAthleteSeriesJson(clinic, me.athleteId, query);
    await expect(getAthleteSeriesJson(other, me.athleteId, query)).rejects.toMatchObject({ code: "not_found" });
    await expect(getAthleteSeriesJson(sibling, me.athleteId, query)).rejects.toMatchObject({ code: "not_found" });
    expect(parse(await getAthleteSeriesJson(me, me.athleteId, query))).toMatchObject({ athleteId: me.athleteId });
  });

  it("every table the series reads bumps the version, once per statement", async () => {
    const clinic = await makeClinic("Triggers");
    const me = await makeAthlete(clinic);
    const other = await makeAthlete(clinic);
    const db = getDb();
    const ids = { clinic: clinic.clinicId, me: me.athleteId };
    // (an athlete's first status row already moved it once: the status is read by the chart's stage)
    const otherBefore = await version(other.athleteId);
    const statements = [
      sql`insert into check_ins (clinic_id, athlete_id, date) values (${ids.clinic}, ${ids.me}, ${addDays(today, -1)}), (${ids.clinic}, ${ids.me}, ${addDays(today, -2)})`,
      sql`update check_ins set morning_pain = 1 where athlete_id = ${ids.me}`,
      sql`insert into activities (clinic_id, athlete_id, client_id, type, date, started_at, duration_sec, rpe) values (${ids.clinic}, ${ids.me}, ${crypto.randomUUID()}, 'bike', ${today}, now(), 600, 3)`,
      sql`update activities set rpe = 4 where athlete_id = ${ids.me}`,
      sql`insert into shoes (clinic_id, athlete_id, name) values (${ids.clinic}, ${ids.me}, 'Trainers')`,
      sql`update shoes set name = 'Old trainers' where athlete_id = ${ids.me}`,
      sql`insert into running_prescriptions (clinic_id, athlete_id, weekly_distance_m, longest_run_m) values (${ids.clinic}, ${ids.me}, 10000, 4000)`,
      sql`delete from check_ins where athlete_id = ${ids.me}`,
    ];
    for (const statement of statements) {
      const before = await version(ids.me);
      await db.execute(statement);
      expect(await version(ids.me), String(statement.queryChunks[0])).toBe(before + 1);
    }
    // nothing written for me moves another athlete's version
    expect(await version(other.athleteId)).toBe(otherBefore);
  });
});
