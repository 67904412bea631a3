CREATE TYPE "public"."alert_severity" AS ENUM('urgent', 'high', 'moderate', 'good_news');--> statement-breakpoint
CREATE TYPE "public"."alert_status" AS ENUM('open', 'acknowledged', 'resolved');--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"date" date NOT NULL,
	"morning_pain" integer,
	"clicking" boolean DEFAULT false NOT NULL,
	"locking" boolean DEFAULT false NOT NULL,
	"giving_way" boolean DEFAULT false NOT NULL,
	"swelling" boolean DEFAULT false NOT NULL,
	"night_pain" boolean DEFAULT false NOT NULL,
	"cannot_bear_weight" boolean DEFAULT false NOT NULL,
	"hot_red_fever" boolean DEFAULT false NOT NULL,
	"tape_yesterday" boolean DEFAULT false NOT NULL,
	"note" text,
	"client_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_morning_pain_range" CHECK ("check_ins"."morning_pain" is null or "check_ins"."morning_pain" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"severity" "alert_severity" NOT NULL,
	"flag" text,
	"subject_id" uuid,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" "alert_status" DEFAULT 'open' NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alerts_kind_known" CHECK ("alerts"."kind" in ('red_flag','pain_7','running_pain','morning_pain','morning_rise','run_spike','weekly_jump','over_prescription','missed_checkins','ready_to_progress'))
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_clinic_athlete_date_unique" ON "check_ins" USING btree ("clinic_id","athlete_id","date");--> statement-breakpoint
CREATE INDEX "check_ins_athlete_idx" ON "check_ins" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "check_ins_recorded_by_idx" ON "check_ins" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_clinic_athlete_key_unique" ON "alerts" USING btree ("clinic_id","athlete_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "alerts_clinic_status_severity_idx" ON "alerts" USING btree ("clinic_id","status","severity");--> statement-breakpoint
CREATE INDEX "alerts_athlete_idx" ON "alerts" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "alerts_acknowledged_by_idx" ON "alerts" USING btree ("acknowledged_by");--> statement-breakpoint
CREATE INDEX "alerts_resolved_by_idx" ON "alerts" USING btree ("resolved_by");