CREATE TYPE "public"."program_event_kind" AS ENUM('added', 'dosage_changed', 'progressed', 'regressed', 'paused', 'resumed', 'removed');--> statement-breakpoint
CREATE TYPE "public"."program_item_status" AS ENUM('active', 'paused', 'removed');--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"how_to" text[] DEFAULT '{}'::text[] NOT NULL,
	"cues" text[] DEFAULT '{}'::text[] NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"default_sets" integer NOT NULL,
	"default_reps" integer,
	"default_hold_sec" integer,
	"default_days_per_week" integer NOT NULL,
	"copied_from_id" uuid,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_builtin_has_slug" CHECK (("exercises"."clinic_id" is null) = ("exercises"."slug" is not null)),
	CONSTRAINT "exercises_region_known" CHECK ("exercises"."region" in ('hip','foot','knee','core')),
	CONSTRAINT "exercises_sets_range" CHECK ("exercises"."default_sets" between 1 and 50),
	CONSTRAINT "exercises_reps_range" CHECK ("exercises"."default_reps" is null or "exercises"."default_reps" between 1 and 200),
	CONSTRAINT "exercises_hold_range" CHECK ("exercises"."default_hold_sec" is null or "exercises"."default_hold_sec" between 1 and 600),
	CONSTRAINT "exercises_days_range" CHECK ("exercises"."default_days_per_week" between 1 and 7),
	CONSTRAINT "exercises_reps_xor_hold" CHECK (("exercises"."default_reps" is null) <> ("exercises"."default_hold_sec" is null))
);
--> statement-breakpoint
CREATE TABLE "ladder_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"ladder_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"position" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ladders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"copied_from_id" uuid,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ladders_builtin_has_slug" CHECK (("ladders"."clinic_id" is null) = ("ladders"."slug" is not null)),
	CONSTRAINT "ladders_region_known" CHECK ("ladders"."region" in ('hip','foot','knee','core'))
);
--> statement-breakpoint
CREATE TABLE "program_item_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" "program_event_kind" NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"from_exercise_id" uuid,
	"to_exercise_id" uuid,
	"from_step" integer,
	"to_step" integer,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"sets" integer NOT NULL,
	"reps" integer,
	"hold_sec" integer,
	"days_per_week" integer NOT NULL,
	"load" text,
	"note" text,
	"status" "program_item_status" DEFAULT 'active' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_items_sets_range" CHECK ("program_items"."sets" between 1 and 50),
	CONSTRAINT "program_items_reps_range" CHECK ("program_items"."reps" is null or "program_items"."reps" between 1 and 200),
	CONSTRAINT "program_items_hold_range" CHECK ("program_items"."hold_sec" is null or "program_items"."hold_sec" between 1 and 600),
	CONSTRAINT "program_items_days_range" CHECK ("program_items"."days_per_week" between 1 and 7),
	CONSTRAINT "program_items_reps_xor_hold" CHECK (("program_items"."reps" is null) <> ("program_items"."hold_sec" is null))
);
--> statement-breakpoint
CREATE TABLE "program_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"template_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"sets" integer NOT NULL,
	"reps" integer,
	"hold_sec" integer,
	"days_per_week" integer NOT NULL,
	"load" text,
	"note" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_template_items_sets_range" CHECK ("program_template_items"."sets" between 1 and 50),
	CONSTRAINT "program_template_items_reps_range" CHECK ("program_template_items"."reps" is null or "program_template_items"."reps" between 1 and 200),
	CONSTRAINT "program_template_items_hold_range" CHECK ("program_template_items"."hold_sec" is null or "program_template_items"."hold_sec" between 1 and 600),
	CONSTRAINT "program_template_items_days_range" CHECK ("program_template_items"."days_per_week" between 1 and 7),
	CONSTRAINT "program_template_items_reps_xor_hold" CHECK (("program_template_items"."reps" is null) <> ("program_template_items"."hold_sec" is null))
);
--> statement-breakpoint
CREATE TABLE "program_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid,
	"slug" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_templates_builtin_has_slug" CHECK (("program_templates"."clinic_id" is null) = ("program_templates"."slug" is not null))
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "running_prescriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"weekly_distance_m" integer NOT NULL,
	"longest_run_m" integer NOT NULL,
	"run_interval_sec" integer,
	"walk_interval_sec" integer,
	"note" text,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "running_prescriptions_weekly_range" CHECK ("running_prescriptions"."weekly_distance_m" between 0 and 500000),
	CONSTRAINT "running_prescriptions_longest_range" CHECK ("running_prescriptions"."longest_run_m" between 0 and "running_prescriptions"."weekly_distance_m"),
	CONSTRAINT "running_prescriptions_run_walk" CHECK (("running_prescriptions"."run_interval_sec" is null and "running_prescriptions"."walk_interval_sec" is null) or ("running_prescriptions"."run_interval_sec" between 1 and 3600 and "running_prescriptions"."walk_interval_sec" between 1 and 3600))
);
--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_ladder_id_ladders_id_fk" FOREIGN KEY ("ladder_id") REFERENCES "public"."ladders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladders" ADD CONSTRAINT "ladders_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladders" ADD CONSTRAINT "ladders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD CONSTRAINT "program_item_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD CONSTRAINT "program_item_events_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD CONSTRAINT "program_item_events_item_id_program_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."program_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD CONSTRAINT "program_item_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD CONSTRAINT "program_item_events_from_exercise_id_exercises_id_fk" FOREIGN KEY ("from_exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD CONSTRAINT "program_item_events_to_exercise_id_exercises_id_fk" FOREIGN KEY ("to_exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_template_items" ADD CONSTRAINT "program_template_items_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_template_items" ADD CONSTRAINT "program_template_items_template_id_program_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."program_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_template_items" ADD CONSTRAINT "program_template_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_templates" ADD CONSTRAINT "program_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_templates" ADD CONSTRAINT "program_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "running_prescriptions" ADD CONSTRAINT "running_prescriptions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "running_prescriptions" ADD CONSTRAINT "running_prescriptions_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "running_prescriptions" ADD CONSTRAINT "running_prescriptions_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_slug_unique" ON "exercises" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "exercises_clinic_region_name_idx" ON "exercises" USING btree ("clinic_id","region","name");--> statement-breakpoint
CREATE INDEX "exercises_created_by_idx" ON "exercises" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "ladder_steps_exercise_unique" ON "ladder_steps" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "ladder_steps_clinic_ladder_idx" ON "ladder_steps" USING btree ("clinic_id","ladder_id","position");--> statement-breakpoint
CREATE INDEX "ladder_steps_ladder_idx" ON "ladder_steps" USING btree ("ladder_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "ladders_slug_unique" ON "ladders" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "ladders_clinic_region_idx" ON "ladders" USING btree ("clinic_id","region");--> statement-breakpoint
CREATE INDEX "ladders_created_by_idx" ON "ladders" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "program_item_events_clinic_athlete_created_idx" ON "program_item_events" USING btree ("clinic_id","athlete_id","created_at");--> statement-breakpoint
CREATE INDEX "program_item_events_athlete_idx" ON "program_item_events" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "program_item_events_item_idx" ON "program_item_events" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "program_item_events_actor_idx" ON "program_item_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "program_item_events_from_exercise_idx" ON "program_item_events" USING btree ("from_exercise_id");--> statement-breakpoint
CREATE INDEX "program_item_events_to_exercise_idx" ON "program_item_events" USING btree ("to_exercise_id");--> statement-breakpoint
CREATE INDEX "program_items_clinic_athlete_status_idx" ON "program_items" USING btree ("clinic_id","athlete_id","status");--> statement-breakpoint
CREATE INDEX "program_items_program_idx" ON "program_items" USING btree ("program_id","position");--> statement-breakpoint
CREATE INDEX "program_items_athlete_idx" ON "program_items" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "program_items_exercise_idx" ON "program_items" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "program_template_items_clinic_template_idx" ON "program_template_items" USING btree ("clinic_id","template_id","position");--> statement-breakpoint
CREATE INDEX "program_template_items_template_idx" ON "program_template_items" USING btree ("template_id","position");--> statement-breakpoint
CREATE INDEX "program_template_items_exercise_idx" ON "program_template_items" USING btree ("exercise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_templates_slug_unique" ON "program_templates" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "program_templates_clinic_name_idx" ON "program_templates" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE INDEX "program_templates_created_by_idx" ON "program_templates" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_clinic_athlete_unique" ON "programs" USING btree ("clinic_id","athlete_id");--> statement-breakpoint
CREATE INDEX "programs_athlete_idx" ON "programs" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "programs_created_by_idx" ON "programs" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "running_prescriptions_clinic_athlete_created_idx" ON "running_prescriptions" USING btree ("clinic_id","athlete_id","created_at");--> statement-breakpoint
CREATE INDEX "running_prescriptions_athlete_idx" ON "running_prescriptions" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "running_prescriptions_set_by_idx" ON "running_prescriptions" USING btree ("set_by");