import { appNameKey, matchApp, matchUrl, suspectAiApp, suspectAiHost } from '@sightline/fingerprints';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { observationKinds, observations } from '../db/schema.ts';

/**
 * One thing a source saw, before matching. `app` describes the app as the source names it (SSO app, OAuth
 * client, service principal, marketplace install, seat product) or `host` a web host; the sink matches it to
 * the catalog, or to a suspected AI app/host, or ignores it as not AI (and says so in the report).
 */
export const observationInputSchema = z.strictObject({
  source: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
  /** Stable id of the record within the source, so re-syncs update instead of duplicating. */
  sourceRef: z.string().min(1).max(500),
  kind: z.enum(observationKinds),
  app: z
    .strictObject({
      name: z.string().max(300).optional(),
      clientId: z.string().max(300).optional(),
      redirectUris: z.array(z.string().max(2000)).max(50).optional(),
      domains: z.array(z.string().max(253)).max(50).optional(),
    })
    .optional(),
  host: z.string().max(253).optional(),
  /** E-mail of the person (lower-cased on store), or an external id when no e-mail is known. */
  person: z
    .union([z.strictObject({ email: z.email().max(254) }), z.strictObject({ externalId: z.string().min(1).max(200) })])
    .optional(),
  windowStart: z.date(),
  windowEnd: z.date(),
  scopes: z.array(z.string().max(300)).max(200).default([]),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type ObservationInput = z.input<typeof observationInputSchema>;

export interface ReportResult {
  /** New observations stored. */
  inserted: number;
  /** Existing observations (same source and sourceRef) updated. */
  updated: number;
  /** Matched to a catalog service / stored as a suspected AI app or host. */
  matched: number;
  suspected: number;
  /** Not AI (no catalog match, not AI-like): not stored, counted here so nothing vanishes unseen. */
  ignored: number;
  ignoredNames: string[];
}

/** Where observations go. Connectors and the fixture source write through this, and nothing else. */
export interface ObservationSink {
  report(items: readonly ObservationInput[]): Promise<ReportResult>;
}

type Matched = {
  serviceId: string | null;
  unknownKey: string | null;
  displayName: string;
  match: Record<string, unknown>;
} | null;

/** Matches an observation's app or host: catalog first, then the AI-likeness heuristic; null when not AI. */
export function classifyObservation(o: z.output<typeof observationInputSchema>): Matched {
  const displayName = o.app?.name ?? o.host ?? o.app?.clientId ?? 'unknown';
  if (o.app) {
    const m = matchApp(o.app);
    if (m)
      return {
        serviceId: m.service.id,
        unknownKey: null,
        displayName,
        match: { rule: m.rule, confidence: m.confidence, matched: m.matched },
      };
  }
  if (o.host) {
    const m = matchUrl(o.host);
    if (m)
      return {
        serviceId: m.service.id,
        unknownKey: null,
        displayName,
        match: { rule: 'host', confidence: 'high', matched: o.host },
      };
  }
  if (o.app?.name) {
    const s = suspectAiApp({ name: o.app.name, scopes: o.scopes });
    if (s.suspected) {
      return {
        serviceId: null,
        unknownKey: `app:${appNameKey(o.app.name) || o.app.name.toLowerCase()}`,
        displayName,
        match: { rule: 'suspected', score: s.score, reasons: s.reasons },
      };
    }
  }
  if (o.host) {
    const s = suspectAiHost({ host: o.host });
    if (s.suspected)
      return {
        serviceId: null,
        unknownKey: `host:${o.host.toLowerCase()}`,
        displayName,
        match: { rule: 'suspected', score: s.score, reasons: s.reasons },
      };
  }
  return null;
}

function personKeyOf(o: z.output<typeof observationInputSchema>): string | null {
  if (!o.person) return null;
  return 'email' in o.person ? o.person.email.toLowerCase() : `ext:${o.source}:${o.person.externalId}`;
}

/** The sink that validates, matches and upserts observations by (source, sourceRef), in chunks. */
export function createObservationSink(db: Db, clock: Clock): ObservationSink {
  return {
    async report(items) {
      const result: ReportResult = { inserted: 0, updated: 0, matched: 0, suspected: 0, ignored: 0, ignoredNames: [] };
      const now = clock();
      const rows: (typeof observations.$inferInsert)[] = [];
      for (const raw of items) {
        const o = observationInputSchema.parse(raw);
        const m = classifyObservation(o);
        if (!m) {
          result.ignored++;
          if (result.ignoredNames.length < 50) result.ignoredNames.push(o.app?.name ?? o.host ?? o.sourceRef);
          continue;
        }
        if (m.serviceId) result.matched++;
        else result.suspected++;
        rows.push({
          id: uuidv7(),
          source: o.source,
          sourceRef: o.sourceRef,
          kind: o.kind,
          serviceId: m.serviceId,
          unknownKey: m.unknownKey,
          displayName: m.displayName,
          match: m.match,
          personKey: personKeyOf(o),
          windowStart: o.windowStart,
          windowEnd: o.windowEnd,
          scopes: o.scopes,
          details: o.details,
          firstReportedAt: now,
          lastReportedAt: now,
        });
      }
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const written = await db
          .insert(observations)
          .values(chunk)
          .onConflictDoUpdate({
            target: [observations.source, observations.sourceRef],
            set: {
              kind: sql`excluded.kind`,
              serviceId: sql`excluded.service_id`,
              unknownKey: sql`excluded.unknown_key`,
              displayName: sql`excluded.display_name`,
              match: sql`excluded.match`,
              personKey: sql`excluded.person_key`,
              windowStart: sql`least(${observations.windowStart}, excluded.window_start)`,
              windowEnd: sql`greatest(${observations.windowEnd}, excluded.window_end)`,
              scopes: sql`excluded.scopes`,
              details: sql`excluded.details`,
              lastReportedAt: sql`excluded.last_reported_at`,
            },
          })
          .returning({ inserted: sql<boolean>`(xmax = 0)` });
        for (const w of written) {
          if (w.inserted) result.inserted++;
          else result.updated++;
        }
      }
      return result;
    },
  };
}
