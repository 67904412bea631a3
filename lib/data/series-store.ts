import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activities, athletes, exerciseLogs, programItems, seriesDays, shoes } from "@/db/schema";
import { addDays, mondayOf } from "@/lib/domain/dates";
import type { EwmaState } from "@/lib/domain/series";
import type { IsoDate } from "@/lib/domain/types";
import type { SeriesResponse } from "@/lib/validation/series";
import type { AthleteContext } from "./athlete-records";

/** One Mon–Sun week of exercise logs, summed in SQL (lib/data/series.ts makes the adherence row). */
export type ExerciseWeekSums = { sessions: number; setsDone: number; setsPrescribed: number; maxPain: number | null; painSum: number; painCount: number };

export type StoredRange = { from: IsoDate; through: IsoDate };

/**
 * The version of the rules (lib/domain: load, pain, light, tolerated load) and of the row shape
 * (lib/validation/series.ts seriesRowSchema) the stored chart days were computed with. Stored days of
 * any other version are not read: the next read computes and stores them again. Bump it whenever a
 * change in lib/domain alters what a day's row says, or the row gains, loses or renames a field
 * (series-version.test.ts pins the shape to this number, so a shape change fails until it is bumped).
 */
export const SERIES_VERSION = 3;

export type SeriesStoreRead = {
  /**
   * The stored rows for from … min(to, through), when the athlete's stored range starts on or
   * before `from` and reaches at least the day before it; else null (compute the whole range).
   * `next` is the first day not stored; `ewma` the unrounded EWMAs of the day before it.
   */
  stored: { rowsJson: string; next: IsoDate; ewma: EwmaState | null } | null;
  /** The athlete's stored range, when it is current and in their time zone. */
  range: StoredRange | null;
  weeks: Map<IsoDate, ExerciseWeekSums>;
  /** Σ days per week of the active program items. */
  planned: number;
  shoes: SeriesResponse["shoes"];
};

type ReadRow = {
  s: IsoDate | null;
  t: IsoDate | null;
  tz: string | null;
  rows: string | null;
  last: [number | null, number | null] | null;
  weeks: [IsoDate, number, number, number, number | null, number, number][];
  planned: number;
  shoes: [string, string, number, boolean, number, number][];
};

/**
 * Everything the series needs besides computed days, in one statement: the stored rows, the exercise
 * weeks from `mondayOf(from)` to `to`, the planned sessions and the shoes' distances.
 */
export async function readSeriesStore(db: Db, athlete: AthleteContext, from: IsoDate, to: IsoDate, version = SERIES_VERSION): Promise<SeriesStoreRead> {
  const { clinicId, athleteId, timeZone } = athlete;
  const current = sql`a.series_time_zone = ${timeZone} and a.series_version = ${version}`;
  const usable = sql`${current} and a.series_from <= ${from}::date and a.series_through >= ${from}::date - 1`;
  const live = sql`${activities.archivedAt} is null`;
  const result = await db.execute<ReadRow>(sql`
    select a.series_from::text as s, a.series_through::text as t, case when ${current} then a.series_time_zone end as tz,
      case when ${usable} then
        (select string_agg(${seriesDays.body}, ',' order by ${seriesDays.date}) from ${seriesDays}
          where ${seriesDays.clinicId} = ${clinicId} and ${seriesDays.athleteId} = ${athleteId}
            and ${seriesDays.date} between ${from} and least(${to}::date, a.series_through))
      end as rows,
      case when ${usable} and a.series_through < ${to}::date then
        (select json_build_array(${seriesDays.acuteEwma}, ${seriesDays.chronicEwma}) from ${seriesDays}
          where ${seriesDays.clinicId} = ${clinicId} and ${seriesDays.athleteId} = ${athleteId} and ${seriesDays.date} = a.series_through)
      end as last,
      (select coalesce(json_agg(json_build_array(w.monday, w.sessions, w.sets_done, w.sets_prescribed, w.max_pain, w.pain_sum, w.pain_count)), '[]'::json) from (
         select (${exerciseLogs.date} - (extract(isodow from ${exerciseLogs.date})::int - 1))::text as monday,
                count(distinct (${exerciseLogs.programItemId}, ${exerciseLogs.date}))::int as sessions,
                sum(${exerciseLogs.setsDone})::int as sets_done, sum(${exerciseLogs.setsPrescribed})::int as sets_prescribed,
                max(${exerciseLogs.exercisePain}) as max_pain, coalesce(sum(${exerciseLogs.exercisePain}), 0)::int as pain_sum,
                count(${exerciseLogs.exercisePain})::int as pain_count
           from ${exerciseLogs}
          where ${exerciseLogs.clinicId} = ${clinicId} and ${exerciseLogs.athleteId} = ${athleteId} and ${exerciseLogs.archivedAt} is null
            and ${exerciseLogs.date} between ${mondayOf(from)} and ${to}
          group by 1) w) as weeks,
      (select coalesce(sum(${programItems.daysPerWeek}), 0)::int from ${programItems}
        where ${programItems.clinicId} = ${clinicId} and ${programItems.athleteId} = ${athleteId} and ${programItems.status} = 'active') as planned,
      (select coalesce(json_agg(json_build_array(x.id, x.name, x.reminder_m, x.retired, x.distance_m, x.range_m) order by x.retired, x.name), '[]'::json) from (
         select ${shoes.id} as id, ${shoes.name} as name, ${shoes.reminderM} as reminder_m, ${shoes.retiredAt} is not null as retired,
                coalesce(sum(${activities.distanceM}) filter (where ${live}), 0)::float8 as distance_m,
                coalesce(sum(${activities.distanceM}) filter (where ${live} and ${activities.date} between ${from} and ${to}), 0)::float8 as range_m
           from ${shoes} left join ${activities} on ${activities.shoeId} = ${shoes.id} and ${activities.clinicId} = ${clinicId}
          where ${shoes.clinicId} = ${clinicId} and ${shoes.athleteId} = ${athleteId}
          group by ${shoes.id}) x) as shoes
    from ${athletes} a where a.id = ${athleteId} and a.clinic_id = ${clinicId}`);
  const row = result.rows[0];
  if (!row) return { stored: null, range: null, weeks: new Map(), planned: 0, shoes: [] };
  const range = row.s !== null && row.t !== null && row.tz === timeZone && row.t >= row.s ? { from: row.s, through: row.t } : null;
  let stored: SeriesStoreRead["stored"] = null;
  if (range && range.from <= from && range.through >= addDays(from, -1)) {
    const next = addDays(range.through, 1);
    // days after the stored range continue from the EWMAs of its last day
    if (next > to || row.last !== null) {
      const [acute, chronic] = row.last ?? [null, null];
      stored = { rowsJson: row.rows ?? "", next, ewma: acute === null || chronic === null ? null : { acute, chronic } };
    }
  }
  return {
    stored,
    range,
    weeks: new Map(row.weeks.map(([monday, sessions, setsDone, setsPrescribed, maxPain, painSum, painCount]) => [monday, { sessions, setsDone, setsPrescribed, maxPain, painSum, painCount }])),
    planned: row.planned,
    shoes: row.shoes.map(([id, name, reminderM, retired, distanceM, rangeDistanceM]) => ({
      id,
      name,
      distanceM,
      rangeDistanceM,
      reminderM,
      retired,
      due: !retired && distanceM >= reminderM,
    })),
  };
}

export type StoredDay = { date: IsoDate; body: string; ewma: EwmaState | null };

/**
 * Stores computed days and sets the athlete's stored range to `range`, only if the athlete's
 * data_version is still the one the days were computed from: a write committed since then has
 * already moved series_through back, and its days must be computed again. One statement.
 */
export async function storeSeriesDays(db: Db, athlete: AthleteContext, range: StoredRange, days: StoredDay[], version = SERIES_VERSION): Promise<void> {
  if (days.length === 0) return;
  const { clinicId, athleteId } = athlete;
  const payload = JSON.stringify(days.map((d) => [d.date, d.body, d.ewma?.acute ?? null, d.ewma?.chronic ?? null]));
  await db.execute(sql`
    with ok as (
      update ${athletes} set series_from = ${range.from}, series_through = ${range.through}, series_time_zone = ${athlete.timeZone}, series_version = ${version}
       where ${athletes.id} = ${athleteId} and ${athletes.clinicId} = ${clinicId} and ${athletes.dataVersion} = ${athlete.dataVersion}
      returning 1)
    insert into ${seriesDays} (clinic_id, athlete_id, date, body, acute_ewma, chronic_ewma)
    select ${clinicId}, ${athleteId}, (d->>0)::date, d->>1, (d->>2)::float8, (d->>3)::float8
      from json_array_elements(${payload}::json) d
     where exists (select 1 from ok)
    on conflict (clinic_id, athlete_id, date) do update set body = excluded.body, acute_ewma = excluded.acute_ewma, chronic_ewma = excluded.chronic_ewma`);
}
