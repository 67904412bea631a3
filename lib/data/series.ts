import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { activities, shoes } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { addDays, daysBetween, mondayOf } from "@/lib/domain/dates";
import { groupBy } from "@/lib/domain/group-by";
import { ratio as ratioOn, rollingAcute, rollingChronic } from "@/lib/domain/load";
import { baseline as baselineOn, currentTrafficLight, trafficLightOn, trafficLightsBetween, type LightAssessment } from "@/lib/domain/pain";
import { suggestProgression, type Suggestion } from "@/lib/domain/progression";
import { redFlagsBetween, redFlagsOf } from "@/lib/domain/red-flags";
import { TOLERATED_LOAD_WEEKS, toleratedLoad } from "@/lib/domain/running";
import { buildDailySeries, bucketWeekly, type DailyRow } from "@/lib/domain/series";
import type { History, IsoDate, RedFlag, TrafficLight } from "@/lib/domain/types";
import type { ExerciseWeek, SeriesQuery, SeriesResponse, SeriesRow } from "@/lib/validation/series";
import { athleteContext, loadAthleteRecords, prescriptionOn, type AthleteContext, type LoadedRecords } from "./athlete-records";
import { cachedSeriesBody } from "./series-cache";
import { listOpenAlertsFor, type AlertView } from "./alerts";

export const DEFAULT_SERIES_DAYS = 84;

const LIGHT_RANK: Record<TrafficLight, number> = { green: 0, amber: 1, red: 2 };
const worse = (a: TrafficLight | null, b: TrafficLight | null) => (a === null ? b : b === null ? a : LIGHT_RANK[b] > LIGHT_RANK[a] ? b : a);
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));
/** Chart values to 2 decimals (the ratio to 3): more digits say nothing to a reader and bloat the JSON. */
const r2 = (n: number) => Math.round(n * 100) / 100;
const r2OrNull = (n: number | null) => (n === null ? null : r2(n));
const r3OrNull = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

/**
 * Each day's light from the first day a tolerated-load week can look at (8 weeks before from's
 * week) to `to`, computed once over day arrays: the daily rows and the tolerated load of every
 * week (which would otherwise assess each day eight times) share it.
 */
function lightsFor(h: History, from: IsoDate, to: IsoDate) {
  const start = addDays(mondayOf(from), -7 * TOLERATED_LOAD_WEEKS);
  const lights = trafficLightsBetween(h, start, to);
  return (d: IsoDate) => lights[daysBetween(start, d)] ?? trafficLightOn(h, d);
}

/** Tolerated load is a property of the week (the 8 weeks before it), so compute it once per week. */
function toleratedByWeek(h: History, lightOn: (d: IsoDate) => TrafficLight) {
  const memo = new Map<IsoDate, number | null>();
  return (d: IsoDate) => {
    const monday = mondayOf(d);
    if (!memo.has(monday)) memo.set(monday, toleratedLoad(h, monday, lightOn)?.distanceM ?? null);
    return memo.get(monday)!;
  };
}

function dailyRows(loaded: LoadedRecords, from: IsoDate, to: IsoDate): SeriesRow[] {
  const h = loaded.history;
  const lightOn = lightsFor(h, from, to);
  const tolerated = toleratedByWeek(h, lightOn);
  const logsByDate = groupBy(loaded.exerciseLogs, (l) => l.date);
  // one literal per row in the schema's key order: no spread, so every row shares one shape
  return buildDailySeries(h, from, to, lightOn).map((r: DailyRow): SeriesRow => {
    const p = prescriptionOn(loaded.prescriptions, r.date);
    const logs = logsByDate.get(r.date);
    return {
      date: r.date,
      endDate: r.date,
      runningDistanceM: r2(r.runningDistanceM),
      crossTrainingMin: r2(r.crossTrainingMin),
      load: r2OrNull(r.load),
      runningPain: r.runningPain,
      morningPain: r.morningPain,
      acuteRolling: r2(r.acuteRolling),
      chronicRolling: r2(r.chronicRolling),
      acuteEwma: r2OrNull(r.acuteEwma),
      chronicEwma: r2OrNull(r.chronicEwma),
      ratio: r3OrNull(r.ratio),
      baseline: r.baseline,
      light: r.light,
      weeklyCapM: p?.weeklyDistanceCapM ?? null,
      longestRunCapM: p?.longestRunCapM ?? null,
      toleratedLoadM: tolerated(r.date),
      redFlags: redFlagsOf(h.checkIns.get(r.date)),
      tape: r.tape,
      exerciseSessions: logs ? new Set(logs.map((l) => l.itemId)).size : 0,
      exercisePain: logs ? logs.reduce<number | null>((m, l) => maxOf(m, l.exercisePain), null) : null,
    };
  });
}

/** Week rows: sums and worst values over the week; the model values of its last day in range. */
function weeklyRows(days: SeriesRow[]): SeriesRow[] {
  const sums = bucketWeekly(days);
  return sums.map((w) => {
    const inWeek = days.filter((d) => d.date >= w.weekStart && d.date <= w.weekEnd);
    const last = inWeek[inWeek.length - 1]!;
    return {
      ...last,
      date: w.weekStart,
      endDate: w.weekEnd,
      runningDistanceM: w.runningDistanceM,
      crossTrainingMin: w.crossTrainingMin,
      load: w.load,
      runningPain: w.maxRunningPain,
      morningPain: w.maxMorningPain,
      light: inWeek.reduce<TrafficLight | null>((l, d) => worse(l, d.light), null),
      redFlags: [...new Set(inWeek.flatMap((d) => d.redFlags))],
      tape: inWeek.some((d) => d.tape),
      exerciseSessions: inWeek.reduce((n, d) => n + d.exerciseSessions, 0),
      exercisePain: inWeek.reduce<number | null>((m, d) => maxOf(m, d.exercisePain), null),
    };
  });
}

function exerciseWeeks(loaded: LoadedRecords, from: IsoDate, to: IsoDate): ExerciseWeek[] {
  const planned = loaded.programItems.filter((i) => i.status === "active").reduce((n, i) => n + i.daysPerWeek, 0);
  const byWeek = groupBy(loaded.exerciseLogs, (l) => mondayOf(l.date));
  const weeks: ExerciseWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const logs = byWeek.get(monday) ?? [];
    const sessions = new Set(logs.map((l) => `${l.itemId}:${l.date}`)).size;
    const pains = logs.map((l) => l.exercisePain).filter((p): p is number => p !== null);
    weeks.push({
      weekStart: monday,
      weekEnd: sunday,
      sessionsLogged: sessions,
      sessionsPlanned: planned,
      adherencePct: planned > 0 ? Math.round((Math.min(sessions, planned) / planned) * 100) : null,
      setsDone: logs.reduce((n, l) => n + l.setsDone, 0),
      setsPrescribed: logs.reduce((n, l) => n + l.setsPrescribed, 0),
      maxExercisePain: pains.length ? Math.max(...pains) : null,
      meanExercisePain: pains.length ? Math.round((pains.reduce((a, b) => a + b, 0) / pains.length) * 10) / 10 : null,
    });
  }
  return weeks;
}

async function shoeDistances(clinicId: string, athleteId: string, from: IsoDate, to: IsoDate): Promise<SeriesResponse["shoes"]> {
  const live = sql`${activities.archivedAt} is null`;
  const rows = await getDb()
    .select({
      id: shoes.id,
      name: shoes.name,
      reminderM: shoes.reminderM,
      retiredAt: shoes.retiredAt,
      distanceM: sql<number>`coalesce(sum(${activities.distanceM}) filter (where ${live}), 0)::float8`,
      rangeDistanceM: sql<number>`coalesce(sum(${activities.distanceM}) filter (where ${live} and ${activities.date} between ${from} and ${to}), 0)::float8`,
    })
    .from(shoes)
    .leftJoin(activities, and(eq(activities.shoeId, shoes.id), eq(activities.clinicId, clinicId)))
    .where(and(eq(shoes.clinicId, clinicId), eq(shoes.athleteId, athleteId)))
    .groupBy(shoes.id)
    .orderBy(sql`${shoes.retiredAt} is not null`, asc(shoes.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    distanceM: Number(r.distanceM),
    rangeDistanceM: Number(r.rangeDistanceM),
    reminderM: r.reminderM,
    retired: r.retiredAt !== null,
    due: r.retiredAt === null && Number(r.distanceM) >= r.reminderM,
  }));
}

/**
 * The chart series of one athlete: a trainer of the clinic, or the athlete themselves. from/to
 * default to the 12 weeks ending today in the athlete's time zone.
 */
export async function getAthleteSeries(scope: Scope, athleteId: string, query: SeriesQuery): Promise<SeriesResponse> {
  const athlete = await athleteContext(getDb(), scope, athleteId);
  return computeSeries(athlete, query);
}

/**
 * The same series as UTF-8 JSON, served from a cache while the athlete's data version is unchanged
 * (lib/data/series-cache.ts). The access check and the version read are one query, on every call.
 */
export async function getAthleteSeriesJson(scope: Scope, athleteId: string, query: SeriesQuery): Promise<Uint8Array<ArrayBuffer>> {
  const athlete = await athleteContext(getDb(), scope, athleteId);
  const { from, to } = seriesRange(athlete, query);
  const key = [athlete.clinicId, athleteId, from, to, query.bucket, athlete.timeZone, athlete.today].join("|");
  return cachedSeriesBody(key, athlete.dataVersion, async () => new TextEncoder().encode(JSON.stringify(await computeSeries(athlete, query))));
}

function seriesRange(athlete: AthleteContext, query: SeriesQuery): { from: IsoDate; to: IsoDate } {
  const to = query.to ?? athlete.today;
  return { from: query.from ?? addDays(to, -(DEFAULT_SERIES_DAYS - 1)), to };
}

async function computeSeries(athlete: AthleteContext, query: SeriesQuery): Promise<SeriesResponse> {
  const { from, to } = seriesRange(athlete, query);
  const [loaded, shoeRows] = await Promise.all([loadAthleteRecords(getDb(), athlete, from, to, { olderLoads: true }), shoeDistances(athlete.clinicId, athlete.athleteId, from, to)]);
  const days = dailyRows(loaded, from, to);
  return {
    athleteId: athlete.athleteId,
    from,
    to,
    today: athlete.today,
    bucket: query.bucket,
    rows: query.bucket === "week" ? weeklyRows(days) : days,
    exerciseWeeks: exerciseWeeks(loaded, from, to),
    shoes: shoeRows,
  };
}

export type ItemSuggestion = { itemId: string; name: string; status: "active" | "paused"; suggestion: Suggestion; reason: string };

export type AthleteStatusView = {
  athleteId: string;
  name: string;
  today: IsoDate;
  light: LightAssessment | null;
  baseline: number | null;
  toleratedLoad: { distanceM: number; weekStart: IsoDate } | null;
  /** Descriptive only, never used for alerts. */
  ratio: number | null;
  acuteRolling: number;
  chronicRolling: number;
  prescription: { weeklyDistanceCapM: number | null; longestRunCapM: number | null } | null;
  lastRun: { date: IsoDate; distanceM: number | null; runningPain: number | null } | null;
  /** Red flags answered yes in the last 7 days, newest first. */
  recentRedFlags: { date: IsoDate; flag: RedFlag }[];
  openAlerts: AlertView[];
  suggestions: ItemSuggestion[];
};

/** Today's picture: light, baseline, tolerated load, ratio, open alerts and each item's suggestion. */
export async function getAthleteStatus(scope: Scope, athleteId: string): Promise<AthleteStatusView> {
  const db = getDb();
  const athlete = await athleteContext(db, scope, athleteId);
  const d = athlete.today;
  const [loaded, openAlerts] = await Promise.all([loadAthleteRecords(db, athlete, d, d), listOpenAlertsFor(db, scope.clinicId, athleteId)]);
  const h = loaded.history;
  let lastRun: AthleteStatusView["lastRun"] = null;
  for (const [date, list] of h.activities) {
    for (const a of list) {
      if (a.type !== "run" || (lastRun && lastRun.date > date)) continue;
      const pains = [a.painDuring, a.painAfter].filter((p): p is number => p !== null);
      lastRun = { date, distanceM: a.distanceM, runningPain: pains.length ? Math.max(...pains) : null };
    }
  }
  return {
    athleteId,
    name: athlete.name,
    today: d,
    light: currentTrafficLight(h, d),
    baseline: baselineOn(h.morningPain, d),
    toleratedLoad: toleratedLoad(h, d),
    ratio: ratioOn(h.loads, d),
    acuteRolling: rollingAcute(h.loads, d),
    chronicRolling: rollingChronic(h.loads, d),
    prescription: prescriptionOn(loaded.prescriptions, d),
    lastRun,
    recentRedFlags: redFlagsBetween(h.checkIns, addDays(d, -6), d).reverse(),
    openAlerts,
    suggestions: loaded.programItems.map((item) => ({
      itemId: item.id,
      name: item.name,
      status: item.status,
      ...suggestProgression({ itemId: item.id, logs: loaded.exerciseLogs, history: h, d }),
    })),
  };
}

/** Each current program item's §2a suggestion with its reason, by item id (for the program section). */
export async function listSuggestions(scope: Scope, athleteId: string): Promise<Map<string, ItemSuggestion>> {
  const db = getDb();
  const athlete = await athleteContext(db, scope, athleteId);
  const d = athlete.today;
  const loaded = await loadAthleteRecords(db, athlete, d, d);
  return new Map(
    loaded.programItems.map((item) => [
      item.id,
      { itemId: item.id, name: item.name, status: item.status, ...suggestProgression({ itemId: item.id, logs: loaded.exerciseLogs, history: loaded.history, d }) },
    ]),
  );
}
