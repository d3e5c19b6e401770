CREATE TABLE "ai_assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_key" text NOT NULL,
	"service_id" text,
	"name" text NOT NULL,
	"vendor" text,
	"category" text,
	"suspected" boolean DEFAULT false NOT NULL,
	"risk_tier" text,
	"state" text NOT NULL,
	"tier" integer NOT NULL,
	"signals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"people_count" integer DEFAULT 0 NOT NULL,
	"departments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"account_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alert_key" text NOT NULL,
	"rule_id" text NOT NULL,
	"policy_snapshot_id" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"asset_id" uuid,
	"finding_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"delivery" text DEFAULT 'skipped' NOT NULL,
	"delivery_attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset_tier_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"from_tier" integer,
	"to_tier" integer NOT NULL,
	"signals" jsonb NOT NULL,
	"reason" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"subject_version" integer,
	"rule_id" text,
	"reason" text,
	"policy_snapshot_id" text,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text
);
--> statement-breakpoint
CREATE TABLE "exposure_daily" (
	"day" text NOT NULL,
	"scope" text NOT NULL,
	"score" real NOT NULL,
	"contributions" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"finding_key" text NOT NULL,
	"rule_id" text NOT NULL,
	"policy_snapshot_id" text NOT NULL,
	"asset_id" uuid,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"tier" integer NOT NULL,
	"status" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"suppressed_until" timestamp with time zone,
	"suppression_reason" text,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_ref" text NOT NULL,
	"kind" text NOT NULL,
	"service_id" text,
	"unknown_key" text,
	"display_name" text NOT NULL,
	"match" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"person_key" text,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_reported_at" timestamp with time zone NOT NULL,
	"last_reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"person_key" text PRIMARY KEY NOT NULL,
	"email" text,
	"name" text,
	"department" text,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"snapshot_id" text NOT NULL,
	"documents" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_asset_id_ai_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ai_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tier_changes" ADD CONSTRAINT "asset_tier_changes_asset_id_ai_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ai_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_asset_id_ai_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."ai_assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_assets_key" ON "ai_assets" USING btree ("asset_key");--> statement-breakpoint
CREATE INDEX "ai_assets_service_idx" ON "ai_assets" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_key" ON "alerts" USING btree ("alert_key");--> statement-breakpoint
CREATE INDEX "alerts_status_idx" ON "alerts" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "asset_tier_changes_asset_idx" ON "asset_tier_changes" USING btree ("asset_id","at");--> statement-breakpoint
CREATE INDEX "decisions_subject_idx" ON "decisions" USING btree ("subject_type","subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_idempotency_key" ON "decisions" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "exposure_daily_key" ON "exposure_daily" USING btree ("day","scope");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_key" ON "findings" USING btree ("finding_key");--> statement-breakpoint
CREATE INDEX "findings_status_idx" ON "findings" USING btree ("status","severity");--> statement-breakpoint
CREATE INDEX "findings_asset_idx" ON "findings" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_source_ref_key" ON "observations" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "observations_service_idx" ON "observations" USING btree ("service_id","window_end");--> statement-breakpoint
CREATE INDEX "observations_unknown_idx" ON "observations" USING btree ("unknown_key");--> statement-breakpoint
CREATE INDEX "observations_person_idx" ON "observations" USING btree ("person_key");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_snapshot_key" ON "policy_versions" USING btree ("snapshot_id");