CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"last_finished_at" timestamp with time zone,
	"last_outcome" jsonb
);
--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_one_active" ON "policy_versions" USING btree ("active") WHERE "policy_versions"."active";--> statement-breakpoint
-- DLP event rollups for discovery read only `dlp` events in the lookback window; a partial index keeps that cheap
-- when visits and interactions are the bulk of the table (declared here: `events` is not in the drizzle schema).
CREATE INDEX "events_dlp_idx" ON "events" ("occurred_at") WHERE "kind" = 'dlp';
