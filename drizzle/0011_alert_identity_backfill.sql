-- Alert identity (DESIGN §2d): (athlete, date, kind, subject). Subjects from the old columns; the
-- longest-run cap is one alert per day (subject "longest"), no longer one per run: extra rows of a
-- day are retired, never deleted.
UPDATE alerts SET subject = CASE
    WHEN kind = 'red_flag' THEN flag
    WHEN kind IN ('run_spike', 'running_pain', 'ready_to_progress') THEN subject_id::text
    WHEN kind = 'over_prescription' AND subject_id IS NULL THEN 'weekly'
    WHEN kind = 'over_prescription' THEN 'longest'
    ELSE NULL END;
--> statement-breakpoint
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY clinic_id, athlete_id, kind, coalesce(subject, ''), date ORDER BY created_at, id) AS rn
    FROM alerts)
UPDATE alerts a SET retired_at = now(), retired_reason = 'merged into one alert per cap and day'
  FROM ranked r WHERE r.id = a.id AND r.rn > 1;
--> statement-breakpoint
UPDATE alerts SET dedupe_key = kind || ':' || coalesce(subject || ':', '') || date::text WHERE retired_at IS NULL;
--> statement-breakpoint
-- display groups: consecutive dates of one (athlete, kind, subject) share the first date
WITH islands AS (
  SELECT id, date - (row_number() OVER (PARTITION BY athlete_id, kind, coalesce(subject, '') ORDER BY date))::int AS island,
         athlete_id, kind, coalesce(subject, '') AS s
    FROM alerts WHERE retired_at IS NULL),
starts AS (
  SELECT id, min(a.date) OVER (PARTITION BY i.athlete_id, i.kind, i.s, i.island) AS start
    FROM islands i JOIN alerts a USING (id))
UPDATE alerts a SET group_start = s.start FROM starts s WHERE s.id = a.id;
--> statement-breakpoint
-- every athlete on the roster is evaluated again from yesterday by the first day-start run
UPDATE athletes SET evaluated_through = (now() AT TIME ZONE 'UTC')::date - 1 WHERE status <> 'archived';
--> statement-breakpoint
-- A change to a dated record lowers alerts_from to the earliest date it touched, in the same
-- statement that moves series_through back (0009): lib/data/derived evaluates from there to today.
CREATE OR REPLACE FUNCTION touch_athlete_series_by_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END,
           alerts_from = least(a.alerts_from, c.first)
      FROM (SELECT athlete_id, min(d) AS first
              FROM (SELECT athlete_id, date AS d FROM changed_rows
                    UNION ALL
                    SELECT athlete_id, date FROM old_rows) x
             GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  ELSE
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END,
           alerts_from = least(a.alerts_from, c.first)
      FROM (SELECT athlete_id, min(date) AS first FROM changed_rows GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  END IF;
  RETURN NULL;
END
$$;

--> statement-breakpoint
CREATE OR REPLACE FUNCTION touch_athlete_series_by_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END,
           alerts_from = least(a.alerts_from, c.first)
      FROM (SELECT athlete_id, min(d) AS first
              FROM (SELECT athlete_id, ((created_at AT TIME ZONE 'UTC')::date - 1) AS d FROM changed_rows
                    UNION ALL
                    SELECT athlete_id, ((created_at AT TIME ZONE 'UTC')::date - 1) FROM old_rows) x
             GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  ELSE
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END,
           alerts_from = least(a.alerts_from, c.first)
      FROM (SELECT athlete_id, min(((created_at AT TIME ZONE 'UTC')::date - 1)) AS first FROM changed_rows GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  END IF;
  RETURN NULL;
END
$$;

