CREATE TYPE "public"."alert_email" AS ENUM('immediate', 'digest', 'none');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "alert_email" "alert_email" DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_hour" smallint DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "digest_sent_on" date;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_digest_hour_range" CHECK ("users"."digest_hour" between 0 and 23);