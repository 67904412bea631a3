import "server-only";
import { getDb, type Db } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { AthleteAdvice } from "@/lib/domain/advice";
import { addDays, daysBetween, mondayOf } from "@/lib/domain/dates";
import { groupBy } from "@/lib/domain/group-by";
import { ratio as ratioOn, rollingAcute, rollingChronic } from "@/lib/domain/load";
import { baseline as baselineOn, currentTrafficLight, trafficLightOn, trafficLightsBetween, type LightAssessment } from "@/lib/domain/pain";
import { suggestProgression, type Suggestion } from "@/lib/domain/progression";
import { redFlagsBetween, redFlagsOf } from "@/lib/domain/red-flags";
import { stageOn } from "@/lib/domain/return-to-run";
import { TOLERATED_LOAD_WEEKS, toleratedLoad } from "@/lib/domain/running";
import { buildDailySeries, bucketWeekly, type DailyRow, type EwmaState } from "@/lib/domain/series";
import type { History, IsoDate, RedFlag, TrafficLight } from "@/lib/domain/types";
import { DEFAULT_SERIES_DAYS, resolveSeriesRange, type ExerciseWeek, type SeriesQuery, type SeriesResponse, type SeriesRow } from "@/lib/validation/series";
import { invalid } from "@/lib/errors";
import { athleteAccess } from "./access";
import { loadAthleteContext, loadAthleteRecords, prescriptionOn, statusOn, type AthleteContext, type LoadedRecords } from "./athlete-records";
import { cachedSeriesBody } from "./series-cache";
import { readSeriesStore, storeSeriesDays, type ExerciseWeekSums, type SeriesStoreRead, type StoredDay } from "./series-store";
import { adviceFrom, listUnresolvedRedFlags } from "./advice";
import { listOpenAlertsFor, type AlertView } from "./alerts";
import { visibleAllTo } from "./visibility";


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

/** A chart row with the unrounded EWMAs of its day, which the next stored day continues from. */
type ComputedDay = { row: SeriesRow; ewma: EwmaState | null };

/**
 * Day rows from…to. With `ewmaBefore` (the EWMAs of the day before `from`, from a stored row),
 * the records need to reach back only LOOKBACK_DAYS; without it, to the first day with data.
 */
function dailyRows(loaded: LoadedRecords, from: IsoDate, to: IsoDate, ewmaBefore?: EwmaState | null): ComputedDay[] {
  const h = loaded.history;
  const lightOn = lightsFor(h, from, to);
  const tolerated = toleratedByWeek(h, lightOn);
  const logsByDate = groupBy(loaded.exerciseLogs, (l) => l.date);
  const stageOf = stageByDate(loaded);
  // one literal per row in the schema's key order: no spread, so every row shares one shape
  return buildDailySeries(h, from, to, lightOn, ewmaBefore).map((r: DailyRow): ComputedDay => {
    const p = prescriptionOn(loaded.prescriptions, r.date);
    const logs = logsByDate.get(r.date);
    const row: SeriesRow = {
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
      stage: stageOf(r.date),
    };
    return { row, ewma: r.acuteEwma === null || r.chronicEwma === null ? null : { acute: r.acuteEwma, chronic: r.chronicEwma } };
  });
}

/**
 * §2c: the number of the stage in force on d (the latest assignment dated on or before it) while
 * the athlete's status that day is return to run; null otherwise. A step moves the stored range
 * back (stage_assignments' triggers), so a stored day never shows a stage a later step changed.
 */
function stageByDate(loaded: LoadedRecords): (d: IsoDate) => number | null {
  const plan = loaded.returnToRun;
  if (!plan) return () => null;
  return (d) => (statusOn(loaded.statuses, d, loaded.athlete.status) === "return_to_run" ? (stageOn(plan, d)?.number ?? null) : null);
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

/** Adherence per Mon–Sun week from mondayOf(from) through `to`, from the weeks' sums (lib/data/series-store.ts). */
function exerciseWeeks(sums: Map<IsoDate, ExerciseWeekSums>, planned: number, from: IsoDate, to: IsoDate): ExerciseWeek[] {
  const weeks: ExerciseWeek[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const w = sums.get(monday);
    const sessions = w?.sessions ?? 0;
    weeks.push({
      weekStart: monday,
      weekEnd: addDays(monday, 6),
      sessionsLogged: sessions,
      sessionsPlanned: planned,
      adherencePct: planned > 0 ? Math.round((Math.min(sessions, planned) / planned) * 100) : null,
      setsDone: w?.setsDone ?? 0,
      setsPrescribed: w?.setsPrescribed ?? 0,
      maxExercisePain: w?.maxPain ?? null,
      meanExercisePain: w && w.painCount > 0 ? Math.round((w.painSum / w.painCount) * 10) / 10 : null,
    });
  }
  return weeks;
}

/**
 * The chart series of one athlete: a trainer of the clinic, or the athlete themselves. from/to
 * default to the 12 weeks ending today in the athlete's time zone.
 */
export async function getAthleteSeries(scope: Scope, athleteId: string, query: SeriesQuery): Promise<SeriesResponse> {
  const athlete = await athleteAccess(scope, athleteId);
  return JSON.parse(await seriesJson(athlete, { ...query, ...allowedRange(athlete, query) })) as SeriesResponse;
}

/**
 * The same series as UTF-8 JSON, served from a cache while the athlete's data version is unchanged
 * (lib/data/series-cache.ts). The access check and the version read are one query, on every call.
 */
export async function getAthleteSeriesJson(scope: Scope, athleteId: string, query: SeriesQuery): Promise<Uint8Array<ArrayBuffer>> {
  const athlete = await athleteAccess(scope, athleteId);
  const { from, to } = allowedRange(athlete, query);
  const key = [athlete.clinicId, athleteId, from, to, query.bucket, athlete.timeZone, athlete.today].join("|");
  return cachedSeriesBody(key, athlete.dataVersion, async () => new TextEncoder().encode(await seriesJson(athlete, { ...query, from, to })));
}

/** The range as resolved against the athlete's today, within the limits, or a 422 saying why. */
function allowedRange(athlete: AthleteContext, query: SeriesQuery): { from: IsoDate; to: IsoDate } {
  const range = resolveSeriesRange(query, athlete.today);
  if (!range.ok) throw invalid(range.message, { [range.field]: [range.message] });
  return range;
}

function seriesRange(athlete: AthleteContext, query: SeriesQuery): { from: IsoDate; to: IsoDate } {
  const to = query.to ?? athlete.today;
  return { from: query.from ?? addDays(to, -(DEFAULT_SERIES_DAYS - 1)), to };
}

/**
 * The series as JSON. Day rows come from series_days where the athlete's stored range holds them
 * (then PostgreSQL hands back their JSON as is); the rest are computed, and those up to today are
 * stored for the next read (lib/data/series-store.ts). A write moves the stored range back to the
 * day before the earliest date it changed, so a stored row is never older than the records.
 */
async function seriesJson(athlete: AthleteContext, query: SeriesQuery): Promise<string> {
  const db = getDb();
  const { from, to } = seriesRange(athlete, query);
  const store = await readSeriesStore(db, athlete, from, to);
  let rowsJson = store.stored?.rowsJson ?? "";
  if (!store.stored || store.stored.next <= to) {
    const start = store.stored?.next ?? from;
    // without stored EWMAs, the EWMA runs from the first day with data: read every earlier day's load
    const loaded = await loadAthleteRecords(db, athlete, start, to, { olderLoads: !store.stored });
    const days = dailyRows(loaded, start, to, store.stored?.ewma);
    const bodies = days.map((d) => JSON.stringify(d.row));
    rowsJson = rowsJson && bodies.length > 0 ? `${rowsJson},${bodies.join(",")}` : rowsJson || bodies.join(",");
    await keepDays(db, athlete, store, start, days, bodies);
  }
  const rows = query.bucket === "week" ? JSON.stringify(weeklyRows(JSON.parse(`[${rowsJson}]`) as SeriesRow[])).slice(1, -1) : rowsJson;
  const head = JSON.stringify({ athleteId: athlete.athleteId, from, to, today: athlete.today, bucket: query.bucket });
  return `${head.slice(0, -1)},"rows":[${rows}],"exerciseWeeks":${JSON.stringify(exerciseWeeks(store.weeks, store.planned, from, to))},"shoes":${JSON.stringify(store.shoes)}}`;
}

/**
 * Computes and stores an athlete's chart days from `from` through today, as a first view of their
 * chart would (the scale seed fills series_days with it). Returns the number of days stored.
 */
export async function storeSeriesDaysFrom(clinicId: string, athleteId: string, from: IsoDate): Promise<number> {
  const athlete = await loadAthleteContext(getDb(), clinicId, athleteId);
  if (from > athlete.today) return 0;
  await seriesJson(athlete, { from, to: athlete.today, bucket: "day" });
  return daysBetween(from, athlete.today) + 1;
}

/**
 * Stores the computed days up to today (a later day may still get records before it comes). They
 * extend the stored range when they continue it; a whole computed range joins the stored one when
 * the two touch, and replaces it otherwise.
 */
async function keepDays(db: Db, athlete: AthleteContext, store: SeriesStoreRead, start: IsoDate, days: ComputedDay[], bodies: string[]): Promise<void> {
  const kept: StoredDay[] = [];
  for (let i = 0; i < days.length && days[i]!.row.date <= athlete.today; i++) kept.push({ date: days[i]!.row.date, body: bodies[i]!, ewma: days[i]!.ewma });
  if (kept.length === 0) return;
  const through = kept[kept.length - 1]!.date;
  const old = store.range;
  const range =
    old && old.from <= addDays(through, 1) && old.through >= addDays(start, -1)
      ? { from: old.from < start ? old.from : start, through: old.through > through ? old.through : through }
      : { from: start, through };
  await storeSeriesDays(db, athlete, range, kept);
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
  /** What the athlete is told about running (DESIGN §2a Athlete advice). */
  advice: AthleteAdvice;
  openAlerts: AlertView[];
  suggestions: ItemSuggestion[];
};

/** Today's picture: light, baseline, tolerated load, ratio, open alerts and each item's suggestion. */
export async function getAthleteStatus(scope: Scope, athleteId: string): Promise<AthleteStatusView> {
  const db = getDb();
  const athlete = await athleteAccess(scope, athleteId, { db });
  const d = athlete.today;
  const [loaded, openAlerts, unresolvedRedFlags] = await Promise.all([
    loadAthleteRecords(db, athlete, d, d),
    listOpenAlertsFor(db, scope.clinicId, athleteId),
    listUnresolvedRedFlags(db, scope.clinicId, athleteId),
  ]);
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
    advice: adviceFrom(loaded, d, unresolvedRedFlags),
    openAlerts: visibleAllTo(scope, "alert", openAlerts),
    suggestions: loaded.programItems.map((item) => ({
      itemId: item.id,
      name: item.name,
      status: item.status,
      ...suggestProgression({ itemId: item.id, logs: loaded.exerciseLogs, history: h, d, steps: item.steps, rungs: item.rungs }),
    })),
  };
}

/** Each current program item's §2a suggestion with its reason, by item id (for the program section). */
export async function listSuggestions(scope: Scope, athleteId: string): Promise<Map<string, ItemSuggestion>> {
  const db = getDb();
  const athlete = await athleteAccess(scope, athleteId, { db });
  const d = athlete.today;
  return suggestionsFrom(await loadAthleteRecords(db, athlete, d, d), d);
}

/** Each loaded program item's §2a suggestion on d, by item id. */
export function suggestionsFrom(loaded: LoadedRecords, d: IsoDate): Map<string, ItemSuggestion> {
  return new Map(
    loaded.programItems.map((item) => [
      item.id,
      { itemId: item.id, name: item.name, status: item.status, ...suggestProgression({ itemId: item.id, logs: loaded.exerciseLogs, history: loaded.history, d, steps: item.steps, rungs: item.rungs }) },
    ]),
  );
}
