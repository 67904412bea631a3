-- Chart rows (series_days) carry the return-to-run stage in force each day, which depends on the
-- athlete's status history (on a ladder <=> status return_to_run, DESIGN §2c). A status change is
-- dated (athlete_status_history.from_date): like any dated record, it moves the stored chart range
-- back to the day before it and bumps data_version (0009), so no stored day shows a stage the
-- athlete was taken off. Alerts need nothing here: the status write brings them up to date itself.
CREATE OR REPLACE FUNCTION touch_athlete_series_by_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE athletes a
     SET data_version = a.data_version + 1,
         series_through = CASE WHEN a.series_through IS NULL THEN NULL ELSE least(a.series_through, c.first - 1) END
    FROM (SELECT athlete_id, min(from_date) AS first FROM changed_rows GROUP BY athlete_id) c
   WHERE a.id = c.athlete_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER athlete_status_history_series_ins AFTER INSERT ON athlete_status_history REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_status();
