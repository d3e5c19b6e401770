CREATE TABLE "daily_usage" (
	"day" text NOT NULL,
	"service_key" text NOT NULL,
	"person_key" text NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	"surfaces" integer DEFAULT 0 NOT NULL,
	"prompts" integer DEFAULT 0 NOT NULL,
	"pastes" integer DEFAULT 0 NOT NULL,
	"uploads" integer DEFAULT 0 NOT NULL,
	"dlp_events" integer DEFAULT 0 NOT NULL,
	"dlp_secret" integer DEFAULT 0 NOT NULL,
	"dlp_pii" integer DEFAULT 0 NOT NULL,
	"dlp_financial" integer DEFAULT 0 NOT NULL,
	"dlp_health" integer DEFAULT 0 NOT NULL,
	"dlp_confidential" integer DEFAULT 0 NOT NULL,
	"dlp_custom" integer DEFAULT 0 NOT NULL,
	"dlp_blocked" integer DEFAULT 0 NOT NULL,
	"account_types" integer DEFAULT 0 NOT NULL,
	"adapter_problems" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"enrollment_token_id" uuid,
	"browser" text NOT NULL,
	"browser_version" text NOT NULL,
	"extension_version" text NOT NULL,
	"os" text NOT NULL,
	"user_email" text,
	"enrolled_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone,
	"last_bundle_version" text,
	"revoked_at" timestamp with time zone,
	"events" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"hint" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_governance" (
	"service_id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"owner" text,
	"notes" text,
	"review_date" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_enrollment_token_id_enrollment_tokens_id_fk" FOREIGN KEY ("enrollment_token_id") REFERENCES "public"."enrollment_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_usage_key" ON "daily_usage" USING btree ("day","service_key","person_key");--> statement-breakpoint
CREATE INDEX "daily_usage_service_idx" ON "daily_usage" USING btree ("service_key","day");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_token_hash_key" ON "devices" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "devices_user_email_idx" ON "devices" USING btree ("user_email");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollment_tokens_hash_key" ON "enrollment_tokens" USING btree ("token_hash");