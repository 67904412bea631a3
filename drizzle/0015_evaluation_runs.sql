CREATE TABLE "evaluation_run_clinics" (
	"clinic_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"athletes_evaluated" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_run_clinics_clinic_id_run_id_pk" PRIMARY KEY("clinic_id","run_id"),
	CONSTRAINT "evaluation_run_clinics_counts" CHECK ("evaluation_run_clinics"."athletes_evaluated" >= 0 and "evaluation_run_clinics"."failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"runner" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"athletes_due" integer DEFAULT 0 NOT NULL,
	"athletes_evaluated" integer DEFAULT 0 NOT NULL,
	"athletes_skipped" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "evaluation_runs_trigger" CHECK ("evaluation_runs"."trigger" in ('schedule', 'startup', 'manual')),
	CONSTRAINT "evaluation_runs_counts" CHECK ("evaluation_runs"."athletes_due" >= 0 and "evaluation_runs"."athletes_evaluated" >= 0 and "evaluation_runs"."athletes_skipped" >= 0 and "evaluation_runs"."failures" >= 0)
);
--> statement-breakpoint
ALTER TABLE "evaluation_run_clinics" ADD CONSTRAINT "evaluation_run_clinics_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_run_clinics" ADD CONSTRAINT "evaluation_run_clinics_run_id_evaluation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."evaluation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_run_clinics_clinic_started_idx" ON "evaluation_run_clinics" USING btree ("clinic_id","started_at");--> statement-breakpoint
CREATE INDEX "evaluation_run_clinics_run_idx" ON "evaluation_run_clinics" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "evaluation_runs_started_idx" ON "evaluation_runs" USING btree ("started_at");