import { and, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { activities, athletes, checkIns, exerciseLogs, runningPrescriptions, seriesDays } from "@/db/schema";
import type { AthleteScope, TrainerScope } from "@/lib/auth/scope";
import { recordActivity } from "@/lib/data/activities";
import { loadAthleteContext } from "@/lib/data/athlete-records";
import { addProgramItem } from "@/lib/data/programs";
import { getAthleteSeries } from "@/lib/data/series";
import { clearSeriesCache } from "@/lib/data/series-cache";
import { SERIES_VERSION, readSeriesStore, storeSeriesDays } from "@/lib/data/series-store";
import { addDays, daysBetween, mondayOf, todayIn } from "@/lib/domain/dates";
import { D, randomRecords } from "@/lib/domain/test-builders";
import type { SeriesQuery, SeriesRow } from "@/lib/validation/series";
import { activitySchema } from "@/lib/validation/reporting";
import { builtinExercise, ensureLibrary, makeAthlete, makeClinic } from "@/tests/integration/factories";

const today = todayIn("Europe/London");
const q = (from: string, to: string, bucket: "day" | "week" = "day"): SeriesQuery => ({ from, to, bucket });

beforeAll(async () => {
  await ensureLibrary();
});
beforeEach(() => clearSeriesCache());

/** 200 days of pseudo-random check-ins, runs and cross-training ending today, exercise logs and a prescription. */
async function athleteWithHistory(clinic: TrainerScope, seed: number): Promise<AthleteScope> {
  const me = await makeAthlete(clinic);
  const db = getDb();
  const shift = daysBetween(D, today);
  const { checkIns: ci, activities: acts } = randomRecords(seed, 200);
  // a calm stretch 50–90 days ago (no pain above 2), so weeks without a red day give a tolerated load
  const calm = (date: string, pain: number | null) => (pain !== null && date >= addDays(today, -90) && date <= addDays(today, -50) ? Math.min(pain, 2) : pain);
  const base = { clinicId: clinic.clinicId, athleteId: me.athleteId };
  await db.insert(checkIns).values(
    ci.map((c) => ({
      ...base,
      date: addDays(c.date, shift),
      morningPain: calm(addDays(c.date, shift), c.morningPain),
      clicking: c.redFlags.clicking,
      swelling: c.date.endsWith("7"),
      clientId: crypto.randomUUID(),
    })),
  );
  await db.insert(activities).values(
    acts.map((a, i) => ({
      ...base,
      date: addDays(a.date, shift),
      startedAt: new Date(`${addDays(a.date, shift)}T${String(6 + (i % 12)).padStart(2, "0")}:00:00Z`),
      type: a.type,
      durationSec: a.durationSec,
      distanceM: a.distanceM,
      rpe: a.rpe,
      painDuring: calm(addDays(a.date, shift), a.painDuring),
      painAfter: calm(addDays(a.date, shift), a.painAfter),
      clientId: crypto.randomUUID(),
    })),
  );
  const item = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 4 });
  await db.insert(exerciseLogs).values(
    Array.from({ length: 60 }, (_, k) => ({
      ...base,
      programItemId: item.id,
      date: addDays(today, -3 * k),
      setsDone: 1 + (k % 3),
      setsPrescribed: 3,
      exercisePain: k % 4 === 0 ? null : k % 6,
      clientId: crypto.randomUUID(),
    })),
  );
  await db.insert(runningPrescriptions).values({ ...base, weeklyDistanceM: 20000, longestRunM: 8000, createdAt: new Date(`${addDays(today, -50)}T12:00:00Z`) });
  return me;
}

const db = () => getDb();
const storedRange = async (athleteId: string) =>
  (await db().select({ from: athletes.seriesFrom, through: athletes.seriesThrough, tz: athletes.seriesTimeZone }).from(athletes).where(eq(athletes.id, athleteId)))[0]!;
const setRange = (athleteId: string, from: string | null | undefined, through: string | null) =>
  db().update(athletes).set({ seriesFrom: from ?? null, seriesThrough: through }).where(eq(athletes.id, athleteId));

/** The series computed from the records alone: nothing stored, nothing cached. */
async function computed(clinic: TrainerScope, athleteId: string, query: SeriesQuery) {
  const saved = await storedRange(athleteId);
  await setRange(athleteId, null, null);
  clearSeriesCache();
  const series = await getAthleteSeries(clinic, athleteId, query);
  await db().update(athletes).set({ seriesFrom: saved.from, seriesThrough: saved.through, seriesTimeZone: saved.tz }).where(eq(athletes.id, athleteId));
  clearSeriesCache();
  return series;
}

describe("stored chart days (series_days)", () => {
  it("a series read from stored days, whole or continued by computed ones, equals the one computed from the records", async () => {
    const clinic = await makeClinic("Store");
    const me = await athleteWithHistory(clinic, 11);
    const first = q(addDays(today, -150), today);

    // the first read computes the range and stores every day of it
    const whole = await getAthleteSeries(clinic, me.athleteId, first);
    expect(await storedRange(me.athleteId)).toEqual({ from: first.from, through: today, tz: "Europe/London" });
    // the history has days of every kind, so the comparisons below mean something
    for (const has of [(r: SeriesRow) => r.ratio !== null, (r: SeriesRow) => r.light === "red", (r: SeriesRow) => r.toleratedLoadM !== null, (r: SeriesRow) => r.exerciseSessions > 0, (r: SeriesRow) => r.weeklyCapM !== null, (r: SeriesRow) => r.redFlags.length > 0]) {
      expect(whole.rows.some(has), String(has)).toBe(true);
    }

    // inside the stored range: nothing to compute
    const context = await loadAthleteContext(db(), clinic.clinicId, me.athleteId);
    expect((await readSeriesStore(db(), context, addDays(today, -100), addDays(today, -20))).stored).toMatchObject({ next: addDays(today, 1) });
    for (const query of [q(addDays(today, -100), addDays(today, -20)), first, q(addDays(today, -120), today, "week")]) {
      clearSeriesCache();
      expect(await getAthleteSeries(clinic, me.athleteId, query)).toEqual(await computed(clinic, me.athleteId, query));
    }

    // stored only up to 30 days ago (as after a write, or a day with no report): the rest continues
    // from the stored EWMAs, and is stored in turn
    await setRange(me.athleteId, first.from, addDays(today, -30));
    const continued = await getAthleteSeries(clinic, me.athleteId, first);
    expect(continued).toEqual(whole);
    expect(await storedRange(me.athleteId)).toMatchObject({ from: first.from, through: today });

    // stored up to the day before `from` only
    await setRange(me.athleteId, first.from, addDays(today, -61));
    clearSeriesCache();
    expect(await getAthleteSeries(clinic, me.athleteId, q(addDays(today, -60), today))).toEqual(await computed(clinic, me.athleteId, q(addDays(today, -60), today)));

    // a range starting before the stored one is computed whole and joins it
    clearSeriesCache();
    const earlier = q(addDays(today, -190), addDays(today, -140));
    expect(await getAthleteSeries(clinic, me.athleteId, earlier)).toEqual(await computed(clinic, me.athleteId, earlier));
    expect(await storedRange(me.athleteId)).toMatchObject({ from: earlier.from, through: today });

    // days after today are computed each time, never stored
    clearSeriesCache();
    const ahead = q(addDays(today, -10), addDays(today, 5));
    expect(await getAthleteSeries(clinic, me.athleteId, ahead)).toEqual(await computed(clinic, me.athleteId, ahead));
    const [{ last }] = (await db().execute<{ last: string }>(sql`select max(date)::text as last from series_days where athlete_id = ${me.athleteId}`)).rows as [{ last: string }];
    expect(last).toBe(today);
  });

  it("a write moves the stored range back to the day before the earliest date it touched, and those days are computed again", async () => {
    const clinic = await makeClinic("Store writes");
    const me = await athleteWithHistory(clinic, 5);
    const other = await athleteWithHistory(clinic, 6);
    const range = q(addDays(today, -150), today);
    await getAthleteSeries(clinic, me.athleteId, range);
    await getAthleteSeries(clinic, other.athleteId, range);

    const backdated = addDays(today, -40);
    await recordActivity(me, activitySchema.parse({ clientId: crypto.randomUUID(), type: "run", date: backdated, startTime: "07:30", durationSec: 3600, distanceM: 12000, rpe: 8 }));
    expect(await storedRange(me.athleteId)).toMatchObject({ through: addDays(backdated, -1) });
    expect(await storedRange(other.athleteId)).toMatchObject({ through: today });

    const after = await getAthleteSeries(clinic, me.athleteId, range);
    expect(after.rows.find((r) => r.date === backdated)!.runningDistanceM).toBeGreaterThanOrEqual(12000);
    expect(after).toEqual(await computed(clinic, me.athleteId, range));
    expect(await storedRange(me.athleteId)).toMatchObject({ through: today });

    // an edit that moves a record between dates reaches back to the older of the two
    const [moved] = await db()
      .update(activities)
      .set({ date: addDays(today, -5) })
      .where(and(eq(activities.athleteId, me.athleteId), eq(activities.date, addDays(today, -70))))
      .returning({ id: activities.id });
    if (moved) expect(await storedRange(me.athleteId)).toMatchObject({ through: addDays(today, -71) });
    clearSeriesCache();
    expect(await getAthleteSeries(clinic, me.athleteId, range)).toEqual(await computed(clinic, me.athleteId, range));

    // deleting a check-in and a new prescription (which applies from its local date)
    await db().delete(checkIns).where(and(eq(checkIns.athleteId, me.athleteId), eq(checkIns.date, addDays(today, -3))));
    expect((await storedRange(me.athleteId)).through! <= addDays(today, -4)).toBe(true);
    await getAthleteSeries(clinic, me.athleteId, range);
    await db().insert(runningPrescriptions).values({ clinicId: clinic.clinicId, athleteId: me.athleteId, weeklyDistanceM: 15000, longestRunM: 6000 });
    const utcToday = new Date().toISOString().slice(0, 10);
    expect(await storedRange(me.athleteId)).toMatchObject({ through: addDays(utcToday, -2) });
    clearSeriesCache();
    const withCap = await getAthleteSeries(clinic, me.athleteId, range);
    expect(withCap.rows.at(-1)).toMatchObject({ weeklyCapM: 15000, longestRunCapM: 6000 });
    expect(withCap).toEqual(await computed(clinic, me.athleteId, range));
  });

  it("days computed before a write are not stored after it", async () => {
    const clinic = await makeClinic("Store race");
    const me = await athleteWithHistory(clinic, 9);
    const before = await loadAthleteContext(db(), clinic.clinicId, me.athleteId);
    await recordActivity(me, activitySchema.parse({ clientId: crypto.randomUUID(), type: "bike", date: today, startTime: "12:00", durationSec: 1200, rpe: 3 }));
    await storeSeriesDays(db(), before, { from: today, through: today }, [{ date: today, body: "{}", ewma: null }]);
    expect(await storedRange(me.athleteId)).toEqual({ from: null, through: null, tz: null });
    expect(await db().select().from(seriesDays).where(eq(seriesDays.athleteId, me.athleteId))).toEqual([]);
  });

  it("stored days of another time zone are not read, and one athlete's never reach another's series", async () => {
    const clinic = await makeClinic("Store zones");
    const me = await athleteWithHistory(clinic, 21);
    const sibling = await athleteWithHistory(clinic, 22);
    const range = q(addDays(today, -60), today);
    await getAthleteSeries(clinic, me.athleteId, range);
    await db().update(athletes).set({ timeZone: "Pacific/Auckland" }).where(eq(athletes.id, me.athleteId));
    const context = await loadAthleteContext(db(), clinic.clinicId, me.athleteId);
    expect((await readSeriesStore(db(), context, range.from!, range.to!)).stored).toBeNull();

    await getAthleteSeries(clinic, sibling.athleteId, range);
    const mine = await getAthleteSeries(clinic, me.athleteId, range);
    expect(await storedRange(me.athleteId)).toMatchObject({ tz: "Pacific/Auckland" });
    expect(mine).toEqual(await computed(clinic, me.athleteId, range));
    expect(mine.rows).not.toEqual((await getAthleteSeries(clinic, sibling.athleteId, range)).rows);
  });

  it("exercise weeks: sessions (item and day) against the active items' days per week, sets and pain, from the Monday of from's week", async () => {
    const clinic = await makeClinic("Store weeks");
    const me = await makeAthlete(clinic);
    const clam = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("clamshell"), sets: 3, reps: 15, daysPerWeek: 4 });
    const bridge = await addProgramItem(clinic, { athleteId: me.athleteId, exerciseId: await builtinExercise("glute-bridge"), sets: 2, reps: 12, daysPerWeek: 3 });
    const monday = mondayOf(addDays(today, -14));
    const log = (itemId: string, date: string, setsDone: number, exercisePain: number | null, archivedAt: Date | null = null) => ({
      clinicId: clinic.clinicId,
      athleteId: me.athleteId,
      programItemId: itemId,
      date,
      setsDone,
      setsPrescribed: 3,
      exercisePain,
      archivedAt,
      clientId: crypto.randomUUID(),
    });
    await db()
      .insert(exerciseLogs)
      .values([
        log(clam.id, monday, 3, 2),
        log(clam.id, monday, 1, 4), // the same item twice in a day is one session
        log(bridge.id, addDays(monday, 1), 2, null),
        log(bridge.id, addDays(monday, 2), 3, 1, new Date()), // archived: left out
        log(clam.id, addDays(monday, -1), 3, 9), // the week before: its own week, outside the range
      ]);
    // `from` is the Wednesday: its week still starts on the Monday
    const series = await getAthleteSeries(clinic, me.athleteId, q(addDays(monday, 2), addDays(monday, 9)));
    expect(series.exerciseWeeks).toEqual([
      { weekStart: monday, weekEnd: addDays(monday, 6), sessionsLogged: 2, sessionsPlanned: 7, adherencePct: 29, setsDone: 6, setsPrescribed: 9, maxExercisePain: 4, meanExercisePain: 3 },
      { weekStart: addDays(monday, 7), weekEnd: addDays(monday, 13), sessionsLogged: 0, sessionsPlanned: 7, adherencePct: 0, setsDone: 0, setsPrescribed: 0, maxExercisePain: null, meanExercisePain: null },
    ]);
  });
});

describe("stored chart days carry the version of the rules and the row shape", () => {
  it("days stored with another version are not read: the next read computes and stores them again", async () => {
    const clinic = await makeClinic("Version");
    const me = await athleteWithHistory(clinic, 3);
    const range = q(addDays(today, -30), today);
    const first = await getAthleteSeries(clinic, me.athleteId, range);
    const context = await loadAthleteContext(db(), clinic.clinicId, me.athleteId);
    expect((await readSeriesStore(db(), context, range.from!, range.to!)).stored).not.toBeNull();
    // a new version of the rules or of the row: what is stored is not used
    const bumped = await readSeriesStore(db(), context, range.from!, range.to!, SERIES_VERSION + 1);
    expect(bumped.stored).toBeNull();
    expect(bumped.range).toBeNull();
    // stored under the new version, the old one no longer reads them
    await storeSeriesDays(db(), context, { from: today, through: today }, [{ date: today, body: "{}", ewma: null }], SERIES_VERSION + 1);
    expect((await readSeriesStore(db(), context, today, today)).stored).toBeNull();
    // and the app's next read computes the same rows again, under its own version
    clearSeriesCache();
    expect(await getAthleteSeries(clinic, me.athleteId, range)).toEqual(first);
    expect((await readSeriesStore(db(), context, range.from!, range.to!)).stored).not.toBeNull();
  });
});
