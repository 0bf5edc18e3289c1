CREATE TYPE "public"."trigger_source" AS ENUM('volume', 'schedule', 'performance');--> statement-breakpoint
CREATE TABLE "training_triggers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_triggers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" integer NOT NULL,
	"source" "trigger_source" NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"job_id" integer,
	"alert_id" integer,
	"slot" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_triggers_projectId_source_slot_unique" UNIQUE("project_id","source","slot")
);
--> statement-breakpoint
ALTER TABLE "model_versions" ADD COLUMN "layers" jsonb;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_triggers" ADD CONSTRAINT "training_triggers_job_id_training_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."training_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_triggers_project_id_created_at_index" ON "training_triggers" USING btree ("project_id","created_at");