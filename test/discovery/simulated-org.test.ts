import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureSource } from '../../backend/src/discovery/fixture-source.ts';
import { createObservationSink } from '../../backend/src/discovery/observations.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { asDevice, enrolDevice, makeEvent } from '../support/events.ts';
import { idpObservations, person, seedOrganisation } from './simulated-org.ts';

const PEOPLE = 500;

interface Asset {
  id: string;
  assetKey: string;
  tier: number;
  state: string;
  peopleCount: number;
  departments: string[];
  accountTypes: string[];
  sources: string[];
  suspected: boolean;
}
interface Finding {
  id: string;
  ruleId: string;
  status: string;
  severity: string;
  version: number;
  asset: { assetKey: string } | null;
}

describe.each(databaseKinds)('simulated organisation through the whole pipeline (%s)', (kind) => {
  let t: TestApp;
  let owner: Caller;
  beforeEach(async () => {
    if (postgresMissing(kind)) return;
    t = await buildTestApp(kind);
    owner = await t.signIn('owner');
  });
  afterEach(async () => {
    await t?.close();
  });

  const get = async <T>(path: string): Promise<T> => {
    const res = await t.request('GET', path, { caller: owner });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const send = async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const res = await t.request(method, path, { caller: owner, body });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as T;
  };
  const recompute = () => send<{ findings: { raised: number } }>('POST', '/api/v1/discovery/recompute', {});
  const score = async () => (await get<{ score: number }>('/api/v1/exposure')).score;
  const findingsOf = async (assetKey: string) =>
    (await get<{ findings: Finding[] }>(`/api/v1/findings?service=${encodeURIComponent(assetKey)}&limit=200`)).findings;

  async function ingestSensitiveData() {
    const device = await enrolDevice(t, owner, { userEmail: person(3) });
    const events = [1, 2, 3].map((d) =>
      makeEvent('dlp', new Date(t.clock().getTime() - d * 86_400_000), {
        action: 'warn',
        decision: 'proceeded',
        justification: 'needed it',
      }),
    );
    const other = await enrolDevice(t, owner, { userEmail: person(PEOPLE - 1) });
    const health = makeEvent('dlp', new Date(t.clock().getTime() - 2 * 86_400_000), {
      host: 'chat.deepseek.com',
      serviceId: 'deepseek',
      accountType: 'unknown',
      mode: 'monitor',
      action: 'block',
      findings: [{ detector: 'icd10-code', category: 'health', confidence: 'high', count: 2, hashes: [] }],
    });
    expect((await asDevice(t, device.deviceToken)('POST', '/api/v1/ingest', { body: { events } })).status).toBe(200);
    expect(
      (await asDevice(t, other.deviceToken)('POST', '/api/v1/ingest', { body: { events: [health] } })).status,
    ).toBe(200);
  }

  it.skipIf(postgresMissing(kind))(
    'finds the expected assets, tiers, findings and alerts, and the score falls when a service is sanctioned or a finding suppressed',
    async () => {
      const now = t.clock();
      const rows = await seedOrganisation(t.database.db, { people: PEOPLE, days: 30, now });
      expect(rows).toBeGreaterThan(5000);
      const fixture = createFixtureSource(createObservationSink(t.database.db, t.clock));
      const reported = await fixture.report(idpObservations({ people: PEOPLE, now }));
      expect(reported).toMatchObject({ ignored: 0, suspected: 1 });
      await ingestSensitiveData();
      const snapshot = (await get<{ snapshotId: string }>('/api/v1/policies')).snapshotId;
      const copilot = await get<{ version: number }>('/api/v1/services/microsoft-365-copilot/governance');
      await send('PUT', '/api/v1/services/microsoft-365-copilot/governance', {
        version: copilot.version ?? 0,
        status: 'sanctioned',
        owner: 'it@corp.example',
        reason: 'enterprise contract, no training',
      });

      await recompute();
      const { assets } = await get<{ assets: Asset[] }>('/api/v1/assets?limit=50&sort=name');
      const byKey = Object.fromEntries(assets.map((a) => [a.assetKey, a]));
      expect(Object.keys(byKey).sort()).toEqual([
        'app:acmegpthelper',
        'host:chat.acme-llm.dev',
        'svc:chatgpt',
        'svc:deepseek',
        'svc:microsoft-365-copilot',
      ]);
      expect(byKey['svc:microsoft-365-copilot']).toMatchObject({
        tier: 3,
        state: 'governed',
        peopleCount: 300,
        accountTypes: ['corporate'],
        sources: ['extension', 'fixture'],
      });
      expect(byKey['svc:microsoft-365-copilot']!.departments).toHaveLength(6);
      expect(byKey['svc:chatgpt']).toMatchObject({
        tier: 3,
        state: 'ungoverned',
        peopleCount: 150,
        accountTypes: ['personal'],
      });
      expect(byKey['svc:deepseek']).toMatchObject({ tier: 3, state: 'ungoverned', peopleCount: 50 });
      expect(byKey['host:chat.acme-llm.dev']).toMatchObject({ tier: 1, suspected: true, peopleCount: 3 });
      expect(byKey['app:acmegpthelper']).toMatchObject({ tier: 1, suspected: true, peopleCount: 1 });

      const rulesOf = async (key: string) =>
        (await findingsOf(key))
          .filter((f) => f.status === 'open')
          .map((f) => `${f.ruleId}:${f.severity}`)
          .sort();
      expect(await rulesOf('svc:deepseek')).toEqual([
        'awaiting-decision:low',
        'critical-risk-ungoverned:high',
        'sensitive-data-to-unsanctioned:critical',
        'special-data-outside-sanctioned:high',
        'unsanctioned-data-access:high',
        'unsanctioned-high-risk:high',
        'unsanctioned-trains-on-data:high',
      ]);
      expect(await rulesOf('svc:chatgpt')).toEqual([
        'awaiting-decision:low',
        'secrets-to-personal-accounts:critical',
        'sensitive-data-to-unsanctioned:critical',
        'unsanctioned-high-risk:high',
        'unsanctioned-trains-on-data:high',
      ]);
      expect(await rulesOf('svc:microsoft-365-copilot')).toEqual([]);
      const alerts = (await get<{ alerts: { ruleId: string; status: string }[] }>('/api/v1/alerts?limit=100')).alerts;
      expect(alerts.map((a) => a.ruleId).sort()).toEqual([
        'critical-risk-ungoverned',
        'secrets-to-personal-accounts',
        'special-data-outside-sanctioned',
        'unsanctioned-data-access',
        'unsanctioned-data-access',
        'unsanctioned-trains-on-data',
        'unsanctioned-trains-on-data',
      ]);
      expect(alerts.every((a) => a.status === 'open')).toBe(true);
      const before = await score();
      expect(before).toBeGreaterThan(0);

      // Sanctioning ChatGPT lowers the score and resolves its unsanctioned findings.
      t.clock.advance(60_000);
      const chatgpt = await get<{ version: number }>('/api/v1/services/chatgpt/governance');
      await send('PUT', '/api/v1/services/chatgpt/governance', {
        version: chatgpt.version ?? 0,
        status: 'sanctioned',
        reason: 'company workspace bought',
      });
      await recompute();
      const sanctioned = await score();
      expect(sanctioned).toBeLessThan(before);
      expect(await rulesOf('svc:chatgpt')).toEqual(['secrets-to-personal-accounts:critical']);

      // Suppressing every DeepSeek finding (a risk accepted until a date) lowers it again.
      t.clock.advance(60_000);
      for (const f of (await findingsOf('svc:deepseek')).filter((x) => x.status === 'open')) {
        await send('POST', `/api/v1/findings/${f.id}/suppress`, {
          version: f.version,
          policySnapshotId: snapshot,
          reason: 'pilot accepted by the CISO',
          until: new Date(t.clock().getTime() + 14 * 86_400_000).toISOString(),
        });
      }
      await recompute();
      const suppressed = await score();
      expect(suppressed).toBeLessThan(sanctioned);
      const deepseek = (await get<{ assets: Asset[] }>('/api/v1/assets?serviceId=deepseek')).assets[0];
      expect(deepseek!.state).toBe('suppressed');

      const completeness = await get<{ complete: boolean; incomplete: unknown[] }>('/api/v1/evidence/completeness');
      expect(completeness).toMatchObject({ complete: true, incomplete: [] });
    },
    120_000,
  );
});
