-- Raw device events, partitioned by month of `occurred_at` (the time inside the event's UUIDv7 id, so one id
-- always lands in one partition and the primary key (id, occurred_at) makes ids unique across partitions).
-- Partitions are created ahead of time by the backend (ensureEventPartitions); declared here, not in the drizzle
-- schema, because drizzle-kit does not generate partitioned tables.
CREATE TABLE events (
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  device_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  device_id uuid NOT NULL,
  person_key text NOT NULL,
  kind text NOT NULL,
  service_id text,
  host text,
  account_type text,
  data jsonb NOT NULL,
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
--> statement-breakpoint
CREATE INDEX events_device_idx ON events (device_id, occurred_at);
--> statement-breakpoint
CREATE INDEX events_service_idx ON events (service_id, occurred_at);
