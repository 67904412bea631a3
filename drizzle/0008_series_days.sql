CREATE TABLE "series_days" (
	"clinic_id" uuid NOT NULL,
	"athlete_id" uuid NOT NULL,
	"date" date NOT NULL,
	"body" text NOT NULL,
	"acute_ewma" double precision,
	"chronic_ewma" double precision,
	CONSTRAINT "series_days_clinic_id_athlete_id_date_pk" PRIMARY KEY("clinic_id","athlete_id","date")
);
--> statement-breakpoint
ALTER TABLE "athletes" ADD COLUMN "series_from" date;--> statement-breakpoint
ALTER TABLE "athletes" ADD COLUMN "series_through" date;--> statement-breakpoint
ALTER TABLE "athletes" ADD COLUMN "series_time_zone" text;--> statement-breakpoint
ALTER TABLE "series_days" ADD CONSTRAINT "series_days_athlete_id_athletes_id_fk" FOREIGN KEY ("athlete_id") REFERENCES "public"."athletes"("id") ON DELETE cascade ON UPDATE no action;