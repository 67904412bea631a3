CREATE TYPE "public"."activity_source" AS ENUM('manual', 'file');--> statement-breakpoint
CREATE TYPE "public"."activity_type" AS ENUM('run', 'bike', 'swim', 'water_jog', 'other');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"type" "activity_type" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"date" date NOT NULL,
	"duration_sec" integer NOT NULL,
	"moving_sec" integer,
	"distance_m" real,
	"rpe" integer NOT NULL,
	"pain_during" integer,
	"pain_after" integer,
	"shoe_id" uuid,
	"note" text,
	"source" "activity_source" DEFAULT 'manual' NOT NULL,
	"file_name" text,
	"client_id" uuid NOT NULL,
	"recorded_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_duration_range" CHECK ("activities"."duration_sec" > 0 and "activities"."duration_sec" <= 86400),
	CONSTRAINT "activities_distance_range" CHECK ("activities"."distance_m" is null or ("activities"."distance_m" >= 0 and "activities"."distance_m" <= 250000)),
	CONSTRAINT "activities_rpe_range" CHECK ("activities"."rpe" between 0 and 10),
	CONSTRAINT "activities_pain_during_range" CHECK ("activities"."pain_during" is null or "activities"."pain_during" between 0 and 10),
	CONSTRAINT "activities_pain_after_range" CHECK ("activities"."pain_after" is null or "activities"."pain_after" between 0 and 10),
	CONSTRAINT "activities_run_has_distance" CHECK ("activities"."type" <> 'run' or "activities"."distance_m" > 0)
);
--> statement-breakpoint
CREATE TABLE "exercise_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"program_item_id" uuid NOT NULL,
	"date" date NOT NULL,
	"sets_done" integer NOT NULL,
	"sets_prescribed" integer NOT NULL,
	"exercise_pain" integer,
	"could_not_finish" boolean DEFAULT false NOT NULL,
	"client_id" uuid NOT NULL,
	"recorded_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercise_logs_sets_range" CHECK ("exercise_logs"."sets_done" between 0 and 50 and "exercise_logs"."sets_prescribed" between 1 and 50),
	CONSTRAINT "exercise_logs_pain_range" CHECK ("exercise_logs"."exercise_pain" is null or "exercise_logs"."exercise_pain" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "shoes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reminder_m" integer DEFAULT 800000 NOT NULL,
	"retired_at" timestamp with time zone,
	"client_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shoes_reminder_range" CHECK ("shoes"."reminder_m" between 50000 and 5000000)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_shoe_id_shoes_id_fk" FOREIGN KEY ("shoe_id") REFERENCES "public"."shoes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_program_item_id_program_items_id_fk" FOREIGN KEY ("program_item_id") REFERENCES "public"."program_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercise_logs" ADD CONSTRAINT "exercise_logs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shoes" ADD CONSTRAINT "shoes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shoes" ADD CONSTRAINT "shoes_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_clinic_client_unique" ON "activities" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "activities_clinic_athlete_date_idx" ON "activities" USING btree ("clinic_id","athlete_id","date");--> statement-breakpoint
CREATE INDEX "activities_athlete_idx" ON "activities" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "activities_shoe_idx" ON "activities" USING btree ("shoe_id");--> statement-breakpoint
CREATE INDEX "activities_recorded_by_idx" ON "activities" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_file_start_unique" ON "activities" USING btree ("clinic_id","athlete_id","started_at") WHERE "activities"."source" = 'file' and "activities"."archived_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "exercise_logs_clinic_client_unique" ON "exercise_logs" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "exercise_logs_clinic_athlete_date_idx" ON "exercise_logs" USING btree ("clinic_id","athlete_id","date");--> statement-breakpoint
CREATE INDEX "exercise_logs_item_idx" ON "exercise_logs" USING btree ("program_item_id","date");--> statement-breakpoint
CREATE INDEX "exercise_logs_athlete_idx" ON "exercise_logs" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "exercise_logs_recorded_by_idx" ON "exercise_logs" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "shoes_clinic_athlete_idx" ON "shoes" USING btree ("clinic_id","athlete_id");--> statement-breakpoint
CREATE INDEX "shoes_athlete_idx" ON "shoes" USING btree ("athlete_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shoes_clinic_client_unique" ON "shoes" USING btree ("clinic_id","client_id");