import { readDefaultPolicies } from '@sightline/policies/node';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileDefaultDlpPolicy } from '../../backend/src/bundle/dlp-policy-source.ts';
import { auditLog, policyVersions } from '../../backend/src/db/schema.ts';
import { activePolicyVersion } from '../../backend/src/policy-store/store.ts';
import { buildTestApp, type Caller, type TestApp } from '../support/app.ts';
import { databaseKinds, postgresMissing } from '../support/databases.ts';
import { asDevice, enrolDevice } from '../support/events.ts';

const [classification, exposure, dlpActions] = readDefaultPolicies().map((f) => f.text) as [string, string, string];

describe.each(databaseKinds)('policy store (%s)', (kind) => {
  let t: TestApp;
  let admin: Caller;
  beforeEach(async () => {
    if (postgresMissing(kind)) return;
    t = await buildTestApp(kind);
    admin = await t.signIn('admin');
  });
  afterEach(async () => {
    await t?.close();
  });

  it.skipIf(postgresMissing(kind))('seeds the shipped defaults once as the first active version', async () => {
    const versions = await Promise.all([1, 2, 3, 4].map(() => activePolicyVersion(t.database.db, t.clock)));
    expect(new Set(versions.map((v) => v.id)).size).toBe(1);
    const res = await t.request('GET', '/api/v1/policies', { caller: admin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { snapshotId: string; documents: Record<string, string>; createdBy: string };
    expect(body.snapshotId).toBe(compileDefaultDlpPolicy().snapshotId);
    expect(body.documents).toEqual({ classification, exposure, dlpActions });
    expect(body.createdBy).toBe('system');
    expect(await t.database.db.select().from(policyVersions)).toHaveLength(1);
  });

  it.skipIf(postgresMissing(kind))('rejects an invalid document with the rule, line and column', async () => {
    const broken = exposure.replace(
      "asset.status == 'unsanctioned' && asset.trainsOnData",
      "asset.status == 'unsanctioned' && asset.trainsOnDta",
    );
    const res = await t.request('PUT', '/api/v1/policies', {
      caller: admin,
      body: { classification, exposure: broken, dlpActions },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { errors: Record<string, unknown>[] } } };
    expect(body.error.code).toBe('invalid_policy');
    const line = broken.split('\n').findIndex((l) => l.includes('trainsOnDta')) + 1;
    expect(body.error.details.errors[0]).toMatchObject({ document: 'exposure', path: 'rules[0].when', line });
    expect(body.error.details.errors[0]!.message).toMatch(/trainsOnData/);
    const misplaced = await t.request('PUT', '/api/v1/policies', {
      caller: admin,
      body: { classification: exposure, exposure: classification, dlpActions },
    });
    expect(misplaced.status).toBe(400);
  });

  it.skipIf(postgresMissing(kind))(
    'saves a new active version that changes the bundle and is audit-logged',
    async () => {
      const device = await enrolDevice(t, admin);
      const asDev = asDevice(t, device.deviceToken);
      const before = (await asDev('GET', '/api/v1/extension/bundle')).headers.get('etag');
      const edited = dlpActions.replace('default: warn', 'default: block');
      expect(edited).not.toBe(dlpActions);
      const res = await t.request('PUT', '/api/v1/policies', {
        caller: admin,
        body: { classification, exposure, dlpActions: edited, note: 'stricter default' },
      });
      expect(res.status).toBe(200);
      const saved = (await res.json()) as {
        changed: boolean;
        version: { snapshotId: string };
        previousSnapshotId: string;
      };
      expect(saved.changed).toBe(true);
      expect(saved.previousSnapshotId).toBe(compileDefaultDlpPolicy().snapshotId);
      const after = (await asDev('GET', '/api/v1/extension/bundle')).headers.get('etag');
      expect(after).not.toBe(before);
      const active = await t.request('GET', '/api/v1/policies', { caller: admin });
      expect(((await active.json()) as { snapshotId: string }).snapshotId).toBe(saved.version.snapshotId);
      const list = (await (await t.request('GET', '/api/v1/policies/versions', { caller: admin })).json()) as {
        versions: { active: boolean; note: string | null }[];
      };
      expect(list.versions.map((v) => [v.active, v.note])).toEqual([
        [true, 'stricter default'],
        [false, 'shipped defaults (policies/defaults)'],
      ]);
      const again = await t.request('PUT', '/api/v1/policies', {
        caller: admin,
        body: { classification, exposure, dlpActions: edited },
      });
      expect(((await again.json()) as { changed: boolean }).changed).toBe(false);
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'policies.update'));
      expect(audits).toHaveLength(2);
    },
  );

  it.skipIf(postgresMissing(kind))('dry-runs a draft against samples and current data', async () => {
    const draft = exposure.replace('minPeople: 10', 'minPeople: 1');
    const asset = {
      id: 'a1',
      name: 'DeepSeek',
      category: 'general-assistant',
      suspected: false,
      status: 'unsanctioned',
      state: 'ungoverned',
      riskTier: 'critical',
      trainsOnData: true,
      tier: 3,
      people: 4,
      enrolledPeople: 4,
      idpOnlyPeople: 0,
      activeDays: 3,
      departments: [],
      accountTypes: ['personal'],
      sources: ['extension'],
      dataScopesGranted: false,
      dlp: { secret: 0, pii: 0, financial: 0, health: 0, confidential: 0, custom: 0 },
      firstSeen: '2026-10-01T00:00:00Z',
      lastSeen: '2026-10-30T00:00:00Z',
    };
    const res = await t.request('POST', '/api/v1/policies/dry-run', {
      caller: admin,
      body: { exposure: draft, samples: { assets: [asset] } },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      samples: { alerts: { added: { ruleId: string; subjectId: string }[] } };
      currentData: { assets: number; report: { alerts: { added: unknown[] } } };
      draft: { snapshotId: string };
      current: { snapshotId: string };
    };
    expect(body.samples.alerts.added.map((a) => a.ruleId).sort()).toEqual([
      'critical-risk-ungoverned',
      'unsanctioned-trains-on-data',
    ]);
    expect(body.draft.snapshotId).not.toBe(body.current.snapshotId);
    expect(body.currentData).toMatchObject({ assets: 0, report: { alerts: { added: [] } } });
    const bad = await t.request('POST', '/api/v1/policies/dry-run', {
      caller: admin,
      body: { exposure: 'kind: exposure\nrules: [' },
    });
    expect(bad.status).toBe(400);
  });
});
