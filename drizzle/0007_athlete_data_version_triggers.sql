-- Every change to an athlete's daily records, programme, running prescription or shoes bumps
-- athletes.data_version in the same transaction, whatever code path made it. A cached chart series
-- (lib/data/series-cache.ts) is served only while the version it was computed at is still current.
-- Statement-level triggers with transition tables: a bulk COPY bumps each athlete once.
CREATE FUNCTION bump_athlete_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE athletes SET data_version = data_version + 1
   WHERE id IN (SELECT DISTINCT athlete_id FROM changed_rows);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER check_ins_version_ins AFTER INSERT ON check_ins REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER check_ins_version_upd AFTER UPDATE ON check_ins REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER check_ins_version_del AFTER DELETE ON check_ins REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER activities_version_ins AFTER INSERT ON activities REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER activities_version_upd AFTER UPDATE ON activities REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER activities_version_del AFTER DELETE ON activities REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_version_ins AFTER INSERT ON exercise_logs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_version_upd AFTER UPDATE ON exercise_logs REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER exercise_logs_version_del AFTER DELETE ON exercise_logs REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER program_items_version_ins AFTER INSERT ON program_items REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER program_items_version_upd AFTER UPDATE ON program_items REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER program_items_version_del AFTER DELETE ON program_items REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER running_prescriptions_version_ins AFTER INSERT ON running_prescriptions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER running_prescriptions_version_upd AFTER UPDATE ON running_prescriptions REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER running_prescriptions_version_del AFTER DELETE ON running_prescriptions REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER shoes_version_ins AFTER INSERT ON shoes REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER shoes_version_upd AFTER UPDATE ON shoes REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
--> statement-breakpoint
CREATE TRIGGER shoes_version_del AFTER DELETE ON shoes REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_athlete_data_version();
