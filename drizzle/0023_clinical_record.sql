CREATE TYPE "public"."episode_status" AS ENUM('active', 'resolved');--> statement-breakpoint
CREATE TABLE "injury_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"condition" text NOT NULL,
	"side" "injured_side",
	"onset_date" date,
	"status" "episode_status" DEFAULT 'active' NOT NULL,
	"resolved_on" date,
	"resolution_note" text,
	"opened_by" uuid,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "injury_episodes_resolved" CHECK (("injury_episodes"."status" = 'resolved') = ("injury_episodes"."resolved_on" is not null)),
	CONSTRAINT "injury_episodes_resolved_after_onset" CHECK ("injury_episodes"."resolved_on" is null or "injury_episodes"."onset_date" is null or "injury_episodes"."resolved_on" >= "injury_episodes"."onset_date")
);
--> statement-breakpoint
CREATE TABLE "clinical_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"alert_id" uuid,
	"program_event_id" uuid,
	"episode_id" uuid,
	"corrects_note_id" uuid,
	"edited_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinical_notes_body_length" CHECK (char_length("clinical_notes"."body") between 1 and 5000)
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
ALTER TABLE "running_prescriptions" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
ALTER TABLE "injury_episodes" ADD CONSTRAINT "injury_episodes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_episodes" ADD CONSTRAINT "injury_episodes_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_episodes" ADD CONSTRAINT "injury_episodes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_episodes" ADD CONSTRAINT "injury_episodes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_program_event_id_program_item_events_id_fk" FOREIGN KEY ("program_event_id") REFERENCES "public"."program_item_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_episode_id_injury_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."injury_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinical_notes" ADD CONSTRAINT "clinical_notes_corrects_note_id_clinical_notes_id_fk" FOREIGN KEY ("corrects_note_id") REFERENCES "public"."clinical_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "injury_episodes_clinic_athlete_idx" ON "injury_episodes" USING btree ("clinic_id","athlete_id","onset_date");--> statement-breakpoint
CREATE INDEX "injury_episodes_athlete_idx" ON "injury_episodes" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "injury_episodes_opened_by_idx" ON "injury_episodes" USING btree ("opened_by");--> statement-breakpoint
CREATE INDEX "injury_episodes_resolved_by_idx" ON "injury_episodes" USING btree ("resolved_by");--> statement-breakpoint
CREATE UNIQUE INDEX "injury_episodes_one_active" ON "injury_episodes" USING btree ("athlete_id") WHERE "injury_episodes"."status" = 'active';--> statement-breakpoint
CREATE INDEX "clinical_notes_clinic_athlete_created_idx" ON "clinical_notes" USING btree ("clinic_id","athlete_id","created_at");--> statement-breakpoint
CREATE INDEX "clinical_notes_athlete_idx" ON "clinical_notes" USING btree ("athlete_id");--> statement-breakpoint
CREATE INDEX "clinical_notes_author_idx" ON "clinical_notes" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "clinical_notes_alert_idx" ON "clinical_notes" USING btree ("alert_id");--> statement-breakpoint
CREATE INDEX "clinical_notes_program_event_idx" ON "clinical_notes" USING btree ("program_event_id");--> statement-breakpoint
CREATE INDEX "clinical_notes_episode_idx" ON "clinical_notes" USING btree ("episode_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clinical_notes_corrects_unique" ON "clinical_notes" USING btree ("corrects_note_id");--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_episode_id_injury_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."injury_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_item_events" ADD CONSTRAINT "program_item_events_episode_id_injury_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."injury_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "running_prescriptions" ADD CONSTRAINT "running_prescriptions_episode_id_injury_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."injury_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_episode_idx" ON "alerts" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "program_item_events_episode_idx" ON "program_item_events" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "running_prescriptions_episode_idx" ON "running_prescriptions" USING btree ("episode_id");