-- Issue 18: injury episodes replace the single condition on the athlete. Every athlete's current
-- condition, side and onset become a first, active episode (dated as the athlete was added).
INSERT INTO injury_episodes (clinic_id, athlete_id, condition, side, onset_date, status, created_at, updated_at)
SELECT a.clinic_id, a.id, a.condition, a.injured_side, a.onset_date, 'active', a.created_at, a.created_at
  FROM athletes a
 WHERE NOT EXISTS (SELECT 1 FROM injury_episodes e WHERE e.athlete_id = a.id);
--> statement-breakpoint
-- Existing alerts and program changes happened in that first episode (unless dated before its onset).
UPDATE alerts al SET episode_id = e.id
  FROM injury_episodes e
 WHERE e.athlete_id = al.athlete_id AND al.episode_id IS NULL AND (e.onset_date IS NULL OR al.date >= e.onset_date);
--> statement-breakpoint
UPDATE program_item_events pe SET episode_id = e.id
  FROM injury_episodes e
 WHERE e.athlete_id = pe.athlete_id AND pe.episode_id IS NULL AND (e.onset_date IS NULL OR pe.created_at::date >= e.onset_date);
--> statement-breakpoint
UPDATE running_prescriptions rp SET episode_id = e.id
  FROM injury_episodes e
 WHERE e.athlete_id = rp.athlete_id AND rp.episode_id IS NULL AND (e.onset_date IS NULL OR rp.created_at::date >= e.onset_date);
--> statement-breakpoint
-- A new athlete, whatever code path adds them (form, CSV import, API, seeds), starts with an active
-- episode from the profile's condition, side and onset.
CREATE FUNCTION open_first_episode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO injury_episodes (clinic_id, athlete_id, condition, side, onset_date, status, created_at, updated_at)
  VALUES (NEW.clinic_id, NEW.id, NEW.condition, NEW.injured_side, NEW.onset_date, 'active', NEW.created_at, NEW.created_at);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER athletes_first_episode AFTER INSERT ON athletes FOR EACH ROW EXECUTE FUNCTION open_first_episode();
--> statement-breakpoint
-- The profile's condition, side and onset describe the current episode: a change to them edits the
-- active episode, or opens a new active one when every episode is resolved.
CREATE FUNCTION sync_current_episode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE injury_episodes
     SET condition = NEW.condition, side = NEW.injured_side, onset_date = NEW.onset_date, updated_at = now()
   WHERE athlete_id = NEW.id AND status = 'active'
     AND (condition, side, onset_date) IS DISTINCT FROM (NEW.condition, NEW.injured_side, NEW.onset_date);
  IF NOT EXISTS (SELECT 1 FROM injury_episodes WHERE athlete_id = NEW.id AND status = 'active') THEN
    INSERT INTO injury_episodes (clinic_id, athlete_id, condition, side, onset_date, status)
    VALUES (NEW.clinic_id, NEW.id, NEW.condition, NEW.injured_side, NEW.onset_date, 'active');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER athletes_current_episode AFTER UPDATE OF condition, injured_side, onset_date ON athletes FOR EACH ROW
  WHEN ((OLD.condition, OLD.injured_side, OLD.onset_date) IS DISTINCT FROM (NEW.condition, NEW.injured_side, NEW.onset_date))
  EXECUTE FUNCTION sync_current_episode();
--> statement-breakpoint
-- An alert belongs to the episode in force on its date (the latest onset on or before it, not
-- resolved before it); evaluation may store alerts for past dates.
CREATE FUNCTION tag_alert_episode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.episode_id IS NULL THEN
    NEW.episode_id := (
      SELECT e.id FROM injury_episodes e
       WHERE e.athlete_id = NEW.athlete_id
         AND (e.onset_date IS NULL OR e.onset_date <= NEW.date)
         AND (e.resolved_on IS NULL OR e.resolved_on >= NEW.date)
       ORDER BY e.onset_date DESC NULLS LAST, e.created_at DESC
       LIMIT 1);
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER alerts_episode BEFORE INSERT ON alerts FOR EACH ROW EXECUTE FUNCTION tag_alert_episode();
--> statement-breakpoint
-- A program change (progression step, dosage, status) or a prescription belongs to the athlete's
-- active episode when it is made.
CREATE FUNCTION tag_active_episode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.episode_id IS NULL THEN
    NEW.episode_id := (SELECT e.id FROM injury_episodes e WHERE e.athlete_id = NEW.athlete_id AND e.status = 'active');
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER program_item_events_episode BEFORE INSERT ON program_item_events FOR EACH ROW EXECUTE FUNCTION tag_active_episode();
--> statement-breakpoint
CREATE TRIGGER running_prescriptions_episode BEFORE INSERT ON running_prescriptions FOR EACH ROW EXECUTE FUNCTION tag_active_episode();
