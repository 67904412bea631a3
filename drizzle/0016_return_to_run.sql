CREATE TYPE "public"."session_outcome" AS ENUM('completed', 'stopped_early');--> statement-breakpoint
CREATE TYPE "public"."session_stop_reason" AS ENUM('pain', 'other');--> statement-breakpoint
CREATE TYPE "public"."stage_assignment_kind" AS ENUM('started', 'stepped_up', 'stepped_down', 'resumed', 'set', 'finished', 'stopped');--> statement-breakpoint
ALTER TYPE "public"."activity_type" ADD VALUE 'walk' BEFORE 'bike';--> statement-breakpoint
CREATE TABLE "run_ladders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text,
	"name" text NOT NULL,
	"copied_from_id" uuid,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_ladders_builtin_has_slug" CHECK (("run_ladders"."clinic_id" is null) = ("run_ladders"."slug" is not null))
);
--> statement-breakpoint
CREATE TABLE "run_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"ladder_id" uuid NOT NULL,
	"position" real NOT NULL,
	"run_min" integer NOT NULL,
	"walk_min" integer NOT NULL,
	"repeats" integer NOT NULL,
	"sessions_per_week" integer DEFAULT 3 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_stages_minutes_range" CHECK ("run_stages"."run_min" between 0 and 180 and "run_stages"."walk_min" between 0 and 180 and "run_stages"."run_min" + "run_stages"."walk_min" > 0),
	CONSTRAINT "run_stages_repeats_range" CHECK ("run_stages"."repeats" between 1 and 30),
	CONSTRAINT "run_stages_sessions_range" CHECK ("run_stages"."sessions_per_week" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "stage_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"ladder_id" uuid NOT NULL,
	"stage_id" uuid,
	"date" date NOT NULL,
	"kind" "stage_assignment_kind" NOT NULL,
	"by_trainer" boolean NOT NULL,
	"made_by" uuid,
	"reason" text NOT NULL,
	"from_stage_number" integer,
	"to_stage_number" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stage_assignments_stage_unless_off" CHECK (("stage_assignments"."stage_id" is null) = ("stage_assignments"."kind" in ('finished', 'stopped')))
);
--> statement-breakpoint
ALTER TABLE "alerts" DROP CONSTRAINT "alerts_kind_known";--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_run_has_distance";--> statement-breakpoint
ALTER TABLE "athletes" ADD COLUMN "rtr_may_step_up" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "stage_id" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "session_outcome" "session_outcome";--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "stopped_at_repeat" integer;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "stop_reason" "session_stop_reason";--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "running_sec" integer;--> statement-breakpoint
ALTER TABLE "run_ladders" ADD CONSTRAINT "run_ladders_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_ladders" ADD CONSTRAINT "run_ladders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_stages" ADD CONSTRAINT "run_stages_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_stages" ADD CONSTRAINT "run_stages_ladder_id_run_ladders_id_fk" FOREIGN KEY ("ladder_id") REFERENCES "public"."run_ladders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assignments" ADD CONSTRAINT "stage_assignments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assignments" ADD CONSTRAINT "stage_assignments_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assignments" ADD CONSTRAINT "stage_assignments_ladder_id_run_ladders_id_fk" FOREIGN KEY ("ladder_id") REFERENCES "public"."run_ladders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assignments" ADD CONSTRAINT "stage_assignments_stage_id_run_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."run_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_assignments" ADD CONSTRAINT "stage_assignments_made_by_users_id_fk" FOREIGN KEY ("made_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "run_ladders_slug_unique" ON "run_ladders" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "run_ladders_clinic_idx" ON "run_ladders" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE INDEX "run_ladders_created_by_idx" ON "run_ladders" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "run_stages_ladder_idx" ON "run_stages" USING btree ("ladder_id","position");--> statement-breakpoint
CREATE INDEX "run_stages_clinic_idx" ON "run_stages" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "stage_assignments_athlete_idx" ON "stage_assignments" USING btree ("clinic_id","athlete_id","date","created_at");--> statement-breakpoint
CREATE INDEX "stage_assignments_athlete_fk_idx" ON "stage_assignments" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "stage_assignments_ladder_idx" ON "stage_assignments" USING btree ("ladder_id");--> statement-breakpoint
CREATE INDEX "stage_assignments_stage_idx" ON "stage_assignments" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "stage_assignments_made_by_idx" ON "stage_assignments" USING btree ("made_by");--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_stage_id_run_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."run_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_stage_idx" ON "activities" USING btree ("stage_id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_kind_known" CHECK ("alerts"."kind" in ('red_flag','pain_7','running_pain','morning_pain','morning_rise','run_spike','weekly_jump','over_prescription','missed_checkins','ready_to_progress','rtr_ready','rtr_step_down'));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_session_has_outcome" CHECK (("activities"."stage_id" is null) = ("activities"."session_outcome" is null));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_stop_fields" CHECK ("activities"."session_outcome" is not distinct from 'stopped_early' or ("activities"."stop_reason" is null and "activities"."stopped_at_repeat" is null));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_stopped_at_repeat_range" CHECK ("activities"."stopped_at_repeat" is null or "activities"."stopped_at_repeat" between 0 and 30);--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_running_sec_range" CHECK ("activities"."running_sec" is null or ("activities"."running_sec" >= 0 and "activities"."running_sec" <= "activities"."duration_sec"));--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_run_has_distance" CHECK ("activities"."type" <> 'run' or "activities"."distance_m" > 0 or ("activities"."stage_id" is not null and "activities"."distance_m" is null));--> statement-breakpoint
-- The built-in running ladder of DESIGN §2c, with stable ids (alerts and assignments name them).
INSERT INTO run_ladders (id, slug, name) VALUES ('5a0e0000-0000-4000-8000-000000000000', 'return-to-run', 'Return to run (run/walk)');
--> statement-breakpoint
INSERT INTO run_stages (id, ladder_id, position, run_min, walk_min, repeats, sessions_per_week) VALUES
  ('5a0e0000-0000-4000-8000-000000000001', '5a0e0000-0000-4000-8000-000000000000', 1, 0, 30, 1, 3),
  ('5a0e0000-0000-4000-8000-000000000002', '5a0e0000-0000-4000-8000-000000000000', 2, 1, 4, 6, 3),
  ('5a0e0000-0000-4000-8000-000000000003', '5a0e0000-0000-4000-8000-000000000000', 3, 2, 3, 6, 3),
  ('5a0e0000-0000-4000-8000-000000000004', '5a0e0000-0000-4000-8000-000000000000', 4, 3, 2, 6, 3),
  ('5a0e0000-0000-4000-8000-000000000005', '5a0e0000-0000-4000-8000-000000000000', 5, 4, 1, 6, 3),
  ('5a0e0000-0000-4000-8000-000000000006', '5a0e0000-0000-4000-8000-000000000000', 6, 9, 1, 3, 3),
  ('5a0e0000-0000-4000-8000-000000000007', '5a0e0000-0000-4000-8000-000000000000', 7, 30, 0, 1, 3),
  ('5a0e0000-0000-4000-8000-000000000008', '5a0e0000-0000-4000-8000-000000000000', 8, 40, 0, 1, 3);
--> statement-breakpoint
-- Stage assignments are a dated history (§2d): a new one touches its date, like the other dated
-- records (drizzle/0009, 0011), so bringUpToDate evaluates from there.
CREATE TRIGGER stage_assignments_version_ins AFTER INSERT ON stage_assignments REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER stage_assignments_version_upd AFTER UPDATE ON stage_assignments REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
--> statement-breakpoint
CREATE TRIGGER stage_assignments_version_del AFTER DELETE ON stage_assignments REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_athlete_series_by_date();
