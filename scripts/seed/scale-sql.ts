/**
 * The set-based SQL behind the scale seed (scripts/seed/scale.ts). Every daily row is generated inside
 * PostgreSQL by INSERT … SELECT over generate_series, so nothing crosses the wire row by row.
 * Per-athlete parameters (pain level and drift, running volume, compliance) live in an unlogged
 * staging table, _scale_athletes, that the seed drops when it is done.
 */

export const TIME_ZONES = ["Europe/London", "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/Berlin", "Australia/Sydney"];

/** Literal for SQL: the values come from the seed's own integers and constants, never from input. */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Days of records a large clinic's athletes have (at most): a year, so the seed stays quick. */
export const LARGE_CLINIC_DAYS = 365;

/** The name of the extra clinic of `size` athletes (`--large`); the numbered ones are "Scale clinic 001"… */
export const largeClinicName = (size: number) => `Scale clinic L${size}`;

export function stagingSql(opts: { clinics: number; athletes: number; days: number; large?: number[]; passwordHash: string }): string[] {
  const zones = `array[${TIME_ZONES.map(lit).join(",")}]`;
  const large = (opts.large ?? []).map((n) => Math.floor(n)).filter((n) => n > 0);
  const largeRows = large.length
    ? `union all
       select ${opts.clinics} + ord::int, size, least(${opts.days}, ${LARGE_CLINIC_DAYS}), 'l' || size, 'Scale clinic L' || size
         from unnest(array[${large.join(",")}]::int[]) with ordinality as l(size, ord)`
    : "";
  return [
    `drop table if exists _scale_clinics, _scale_athletes`,
    // clinics (the numbered ones of --athletes each, then any --large ones of their own size), their
    // owner and (every other clinic) a second trainer; tag names their logins (c7, l500)
    `create unlogged table _scale_clinics as
       select seq, size, days, tag, name, gen_random_uuid() as clinic_id, gen_random_uuid() as owner_id,
              case when seq % 2 = 0 then gen_random_uuid() end as trainer2_id,
              (${zones})[1 + (seq - 1) % ${TIME_ZONES.length}] as tz
         from (select seq, ${opts.athletes} as size, ${opts.days} as days, 'c' || seq as tag, format('Scale clinic %s', lpad(seq::text, 3, '0')) as name
                 from generate_series(1, ${opts.clinics}) seq
               ${largeRows}) s`,
    `insert into clinics (id, name, time_zone) select clinic_id, name, tz from _scale_clinics`,
    `insert into users (id, clinic_id, email, name, password_hash, role)
       select owner_id, clinic_id, format('scale-%s-owner@bench.example', tag), format('Owner %s', seq), ${lit(opts.passwordHash)}, 'owner'::user_role from _scale_clinics
       union all
       select trainer2_id, clinic_id, format('scale-%s-t2@bench.example', tag), format('Trainer %s', seq), ${lit(opts.passwordHash)}, 'trainer'::user_role
         from _scale_clinics where trainer2_id is not null`,
    // athletes: each joined at some point in the first half of the window and reports until yesterday
    `create unlogged table _scale_athletes as
       select c.seq as clinic_seq, c.tag as clinic_tag, i as n, c.clinic_id, c.tz,
              gen_random_uuid() as athlete_id, gen_random_uuid() as user_id, gen_random_uuid() as program_id,
              gen_random_uuid() as shoe1_id, gen_random_uuid() as shoe2_id,
              case when c.trainer2_id is not null and i % 2 = 0 then c.trainer2_id else c.owner_id end as trainer_id,
              (current_date - c.days) + floor(random() * floor(c.days * 0.4))::int as start_date,
              current_date - 1 as end_date,
              case when i % 33 = 0 then 'archived' when i % 11 = 0 then 'cleared' when i % 5 = 0 then 'return_to_run' else 'active' end::athlete_status as status,
              0.6 + random() * 3.0 as base_pain,          -- typical morning pain
              0.5 + random() * 1.5 as pain_amp,           -- how far it drifts
              30 + random() * 60 as pain_period,          -- over how many days
              random() * 6.28 as pain_phase,
              4000 + random() * 6000 as base_m,           -- an easy run
              3 + floor(random() * 3) as runs_pw,         -- 3–5 runs a week
              330 + random() * 90 as pace,                -- seconds per km
              0.6 + random() * 0.35 as compliance,         -- share of mornings with a check-in
              0.35 + random() * 0.45 as adherence,        -- share of exercise sessions logged
              random() < 0.3 as tapes
         from _scale_clinics c cross join lateral generate_series(1, c.size) i`,
    `insert into users (id, clinic_id, email, name, password_hash, role)
       select user_id, clinic_id, format('scale-%s-a%s@bench.example', clinic_tag, n), format('Athlete %s-%s', clinic_seq, n), ${lit(opts.passwordHash)}, 'athlete'
         from _scale_athletes`,
    `insert into athletes (id, clinic_id, user_id, name, email, sport_group, birth_year, injured_side, onset_date, status, status_before_archive, trainer_id, created_at)
       select athlete_id, clinic_id, user_id, format('Athlete %s-%s', clinic_seq, lpad(n::text, 3, '0')), format('scale-%s-a%s@bench.example', clinic_tag, n),
              (array['Distance squad','Cross country','Masters road','Track'])[1 + n % 4], 1970 + (n * 7) % 40,
              (array['left','right','both'])[1 + n % 3]::injured_side, start_date - 10, status,
              case when status = 'archived' then 'active'::athlete_status end, trainer_id, start_date::timestamp at time zone tz
         from _scale_athletes`,
    `insert into programs (id, clinic_id, athlete_id, created_by, created_at)
       select program_id, clinic_id, athlete_id, trainer_id, start_date::timestamp at time zone tz from _scale_athletes`,
    // three built-in exercises per athlete, picked by a hash so each athlete gets a different mix
    `insert into program_items (clinic_id, program_id, athlete_id, exercise_id, sets, reps, hold_sec, days_per_week, position, created_at)
       select a.clinic_id, a.program_id, a.athlete_id, e.id, e.default_sets, e.default_reps, e.default_hold_sec, e.default_days_per_week,
              row_number() over (partition by a.athlete_id order by e.h) - 1, a.start_date::timestamp at time zone a.tz
         from _scale_athletes a
         cross join lateral (
           select x.id, x.default_sets, x.default_reps, x.default_hold_sec, x.default_days_per_week, md5(x.id::text || a.athlete_id::text) as h
             from exercises x where x.clinic_id is null and x.archived_at is null
            order by h limit 3) e`,
    `insert into shoes (id, clinic_id, athlete_id, name, retired_at, created_at)
       select shoe1_id, clinic_id, athlete_id, 'Old trainers', (start_date + (end_date - start_date) / 2)::timestamp at time zone tz, start_date::timestamp at time zone tz from _scale_athletes
       union all
       select shoe2_id, clinic_id, athlete_id, 'Daily trainers', null, (start_date + (end_date - start_date) / 2)::timestamp at time zone tz from _scale_athletes`,
    `insert into running_prescriptions (clinic_id, athlete_id, weekly_distance_m, longest_run_m, set_by, created_at)
       select clinic_id, athlete_id, (base_m * runs_pw * 1.3)::int, (base_m * 1.9)::int, trainer_id, (start_date + 1)::timestamp at time zone tz
         from _scale_athletes where athlete_id::text < '8'`,
    `create index on _scale_athletes (clinic_seq)`,
    `analyze _scale_athletes`,
  ];
}

/** Morning pain on a day: the athlete's level plus a slow drift plus noise, 0–10. */
const morningPain = `least(10, greatest(0, round(a.base_pain + a.pain_amp * sin((d.day - a.start_date) / a.pain_period + a.pain_phase) + (random() - 0.5) * 2)))::int`;

export function checkInsSql(lo: number, hi: number): string {
  return `insert into check_ins (clinic_id, athlete_id, date, morning_pain, clicking, locking, giving_way, swelling, night_pain,
                                 cannot_bear_weight, hot_red_fever, tape_yesterday, recorded_by, created_at, updated_at)
    select a.clinic_id, a.athlete_id, d.day, ${morningPain},
           random() < 0.004, random() < 0.0008, random() < 0.002, random() < 0.003, random() < 0.002, random() < 0.0004, random() < 0.0002,
           a.tapes and random() < 0.4, a.user_id, d.at, d.at
      from _scale_athletes a
      cross join lateral (select g::date as day, (g + interval '7 hours') at time zone a.tz as at
                            from generate_series(a.start_date, a.end_date, interval '1 day') g) d
     where a.clinic_seq between ${lo} and ${hi} and random() < a.compliance`;
}

/**
 * At most one activity a day: runs on about runs_pw days a week, cross-training on some others.
 * Run distance builds for three weeks and backs off in the fourth, grows over the first months,
 * and the Sunday run is the long one.
 */
export function activitiesSql(lo: number, hi: number): string {
  return `insert into activities (clinic_id, athlete_id, type, started_at, date, duration_sec, distance_m, rpe, pain_during, pain_after,
                                  shoe_id, source, client_id, recorded_by, created_at, updated_at)
    select clinic_id, athlete_id, type::activity_type, at, day,
           case when type = 'run' then greatest(600, round(dist / 1000.0 * pace))::int else (1800 + floor(r2 * 2400))::int end,
           case when type = 'run' then round(dist)::real end,
           (3 + floor(r2 * 5))::int,
           case when type = 'run' then least(10, greatest(0, round(base_pain + (dist / base_m - 1) * 3 + (random() - 0.5) * 3)))::int
                else least(10, greatest(0, round(base_pain - 1 + random())))::int end,
           case when type = 'run' then least(10, greatest(0, round(base_pain + (dist / base_m - 1) * 4 + (random() - 0.5) * 3)))::int end,
           case when type = 'run' then case when day < start_date + (end_date - start_date) / 2 then shoe1_id else shoe2_id end end,
           'manual', gen_random_uuid(), user_id, at, at
      from (
        select a.*, d.day, d.at, d.r, d.r2,
               case when d.r < a.runs_pw / 7.0 then 'run' when d.r < a.runs_pw / 7.0 + 0.12 then (array['bike','swim','water_jog'])[1 + floor(d.r2 * 3)::int] end as type,
               a.base_m * (array[1.0, 1.1, 1.2, 0.8])[1 + ((d.day - a.start_date) / 7) % 4]
                        * (1 + 0.3 * least(1, (d.day - a.start_date) / 180.0))
                        * case when extract(isodow from d.day) = 7 then 1.6 else 1 end
                        * (0.85 + random() * 0.3) as dist
          from _scale_athletes a
          cross join lateral (select g::date as day, (g + interval '6 hours 30 minutes' + random() * interval '12 hours') at time zone a.tz as at,
                                     random() as r, random() as r2
                                from generate_series(a.start_date, a.end_date, interval '1 day') g) d
         where a.clinic_seq between ${lo} and ${hi}
      ) x
     where type is not null`;
}

/** Each program item is done on about days_per_week days a week, times the athlete's adherence. */
export function exerciseLogsSql(lo: number, hi: number): string {
  return `insert into exercise_logs (clinic_id, athlete_id, program_item_id, date, sets_done, sets_prescribed, exercise_pain, could_not_finish,
                                     client_id, recorded_by, created_at, updated_at)
    select a.clinic_id, a.athlete_id, i.id, d.day,
           case when random() < 0.1 then greatest(0, i.sets - 1) else i.sets end, i.sets,
           least(10, greatest(0, round(a.base_pain - 1 + (random() - 0.3) * 2)))::int, random() < 0.03,
           gen_random_uuid(), a.user_id, d.at, d.at
      from _scale_athletes a
      join program_items i on i.clinic_id = a.clinic_id and i.athlete_id = a.athlete_id
      cross join lateral (select g::date as day, (g + interval '18 hours') at time zone a.tz as at
                            from generate_series(a.start_date, a.end_date, interval '1 day') g) d
     where a.clinic_seq between ${lo} and ${hi} and random() < i.days_per_week / 7.0 * a.adherence`;
}

