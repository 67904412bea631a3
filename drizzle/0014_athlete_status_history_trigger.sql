-- Status as a dated history (DESIGN §2d). Existing athletes: the status they have now, from the
-- local date they joined (earlier changes were not recorded).
INSERT INTO athlete_status_history (clinic_id, athlete_id, status, from_date, created_at)
SELECT a.clinic_id, a.id, a.status, (a.created_at AT TIME ZONE coalesce(a.time_zone, c.time_zone))::date, a.created_at
  FROM athletes a JOIN clinics c ON c.id = a.clinic_id;
--> statement-breakpoint
-- Every later status, whatever code path set it, from the athlete's local today: never backdated.
CREATE FUNCTION record_athlete_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO athlete_status_history (clinic_id, athlete_id, status, from_date)
  SELECT NEW.clinic_id, NEW.id, NEW.status, (now() AT TIME ZONE coalesce(NEW.time_zone, c.time_zone))::date
    FROM clinics c WHERE c.id = NEW.clinic_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER athletes_status_ins AFTER INSERT ON athletes FOR EACH ROW EXECUTE FUNCTION record_athlete_status();
--> statement-breakpoint
CREATE TRIGGER athletes_status_upd AFTER UPDATE OF status ON athletes FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION record_athlete_status();
