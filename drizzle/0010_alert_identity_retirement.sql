ALTER TABLE "athletes" ADD COLUMN "series_version" integer;--> statement-breakpoint
ALTER TABLE "athletes" ADD COLUMN "evaluated_through" date;--> statement-breakpoint
ALTER TABLE "athletes" ADD COLUMN "alerts_from" date;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "group_start" date;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alerts" ADD COLUMN "retired_reason" text;--> statement-breakpoint
CREATE INDEX "athletes_status_evaluated_idx" ON "athletes" USING btree ("status","evaluated_through");--> statement-breakpoint
CREATE INDEX "alerts_clinic_athlete_date_idx" ON "alerts" USING btree ("clinic_id","athlete_id","date");