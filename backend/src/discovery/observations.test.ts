import { describe, expect, it } from 'vitest';
import { databaseKinds, openTestDatabase, postgresMissing } from '../../../test/support/databases.ts';
import { manualClock } from '../clock.ts';
import { observations } from '../db/schema.ts';
import { createFixtureSource } from './fixture-source.ts';
import { createObservationSink } from './observations.ts';

const window = { windowStart: new Date('2026-10-01T00:00:00Z'), windowEnd: new Date('2026-10-02T00:00:00Z') };

describe.each(databaseKinds)('observation sink on %s', (kind) => {
  it.skipIf(postgresMissing(kind))(
    'matches, suspects or ignores each record, and upserts by source reference',
    async () => {
      const database = await openTestDatabase(kind);
      try {
        const fixture = createFixtureSource(createObservationSink(database.db, manualClock()));
        const first = await fixture.report([
          { sourceRef: 'app-1', kind: 'app', app: { name: 'ChatGPT Enterprise (SAML)' }, ...window },
          {
            sourceRef: 'grant-1',
            kind: 'oauth_grant',
            app: { name: 'Acme GPT Assistant' },
            person: { email: 'Ann@Corp.example' },
            scopes: ['https://www.googleapis.com/auth/gmail.readonly'],
            ...window,
          },
          { sourceRef: 'app-2', kind: 'app', app: { name: 'Salesforce' }, ...window },
          { sourceRef: 'visit-1', kind: 'browser_use', host: 'claude.ai', person: { externalId: '42' }, ...window },
        ]);
        expect(first).toMatchObject({
          inserted: 3,
          updated: 0,
          matched: 2,
          suspected: 1,
          ignored: 1,
          ignoredNames: ['Salesforce'],
        });
        const again = await fixture.report([
          {
            sourceRef: 'app-1',
            kind: 'app',
            app: { name: 'ChatGPT Enterprise (SAML)' },
            windowStart: new Date('2026-09-01T00:00:00Z'),
            windowEnd: new Date('2026-10-05T00:00:00Z'),
          },
        ]);
        expect(again).toMatchObject({ inserted: 0, updated: 1 });
        const rows = await database.db.select().from(observations).orderBy(observations.sourceRef);
        expect(rows.map((r) => [r.sourceRef, r.serviceId, r.unknownKey, r.personKey])).toEqual([
          ['app-1', 'chatgpt', null, null],
          ['grant-1', null, expect.stringMatching(/^app:/), 'ann@corp.example'],
          ['visit-1', 'claude', null, 'ext:fixture:42'],
        ]);
        const app1 = rows.find((r) => r.sourceRef === 'app-1')!;
        expect(app1.windowStart.toISOString()).toBe('2026-09-01T00:00:00.000Z');
        expect(app1.windowEnd.toISOString()).toBe('2026-10-05T00:00:00.000Z');
        expect(app1.match).toMatchObject({ rule: 'name' });
      } finally {
        await database.close();
      }
    },
  );
});
