-- Stored chart rows (series_days) are current for athletes.series_from … series_through. A change to
-- a dated record moves series_through to the day before the earliest date it touches (the old and
-- the new date of an update), in the same statement that bumps data_version (drizzle/0007), whatever
-- code path made it: every later day may read that one through a rolling window or the EWMA.
-- Statement-level, like 0007: a bulk COPY updates each athlete once.
-- check-ins, activities and exercise logs: their date is the athlete's local date
CREATE FUNCTION touch_athlete_series_by_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END
      FROM (SELECT athlete_id, min(d) AS first
              FROM (SELECT athlete_id, date AS d FROM changed_rows
                    UNION ALL
                    SELECT athlete_id, date FROM old_rows) x
             GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  ELSE
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END
      FROM (SELECT athlete_id, min(date) AS first FROM changed_rows GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- a running prescription applies from its local date, which is within a day of its UTC date
CREATE FUNCTION touch_athlete_series_by_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END
      FROM (SELECT athlete_id, min(d) AS first
              FROM (SELECT athlete_id, ((created_at AT TIME ZONE 'UTC')::date - 1) AS d FROM changed_rows
                    UNION ALL
                    SELECT athlete_id, ((created_at AT TIME ZONE 'UTC')::date - 1) FROM old_rows) x
             GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  ELSE
    UPDATE athletes a
       SET data_version = a.data_version + 1,
           series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END
      FROM (SELECT athlete_id, min(((created_at AT TIME ZONE 'UTC')::date - 1)) AS first FROM changed_rows GROUP BY athlete_id) c
     WHERE a.id = c.athlete_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER check_ins_version_ins ON check_ins;
--> statement-breakpoint
DROP TRIGGER check_ins_version_upd ON check_ins;
--> statement-breakpoint
DROP TRIGGER check_ins_version_del ON check_ins;
--> statement-breakpoint
CREATE TRIGGER check_ins_version_ins AFTER INSERT ON check_ins REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER check_ins_version_upd AFTER UPDATE ON check_ins REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER check_ins_version_del AFTER DELETE ON check_ins REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
DROP TRIGGER activities_version_ins ON activities;
--> statement-breakpoint
DROP TRIGGER activities_version_upd ON activities;
--> statement-breakpoint
DROP TRIGGER activities_version_del ON activities;
--> statement-breakpoint
CREATE TRIGGER activities_version_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER activities_version_upd AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER activities_version_del AFTER DELETE ON activities REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
DROP TRIGGER exercise_logs_version_ins ON exercise_logs;
--> statement-breakpoint
DROP TRIGGER exercise_logs_version_upd ON exercise_logs;
--> statement-breakpoint
DROP TRIGGER exercise_logs_version_del ON exercise_logs;
--> statement-breakpoint
CREATE TRIGGER exercise_logs_version_ins AFTER INSERT ON exercise_logs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_version_upd AFTER UPDATE ON exercise_logs REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_version_del AFTER DELETE ON exercise_logs REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
DROP TRIGGER running_prescriptions_version_ins ON running_prescriptions;
--> statement-breakpoint
DROP TRIGGER running_prescriptions_version_upd ON running_prescriptions;
--> statement-breakpoint
DROP TRIGGER running_prescriptions_version_del ON running_prescriptions;
--> statement-breakpoint
CREATE TRIGGER running_prescriptions_version_ins AFTER INSERT ON running_prescriptions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_created_at();
--> statement-breakpoint
CREATE TRIGGER running_prescriptions_version_upd AFTER UPDATE ON running_prescriptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_created_at();
--> statement-breakpoint
CREATE TRIGGER running_prescriptions_version_del AFTER DELETE ON running_prescriptions REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_created_at();
