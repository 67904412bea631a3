ALTER TABLE "exercises" ADD COLUMN "kind" text DEFAULT 'strength' NOT NULL;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "per_side" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "exercises_clinic_kind_idx" ON "exercises" USING btree ("clinic_id","kind");--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_kind_known" CHECK ("exercises"."kind" in ('strength','mobility'));