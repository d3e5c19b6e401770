import { describe, expect, it } from 'vitest';
import { dryRun } from './dry-run.ts';
import { asset, compileOrThrow, defaultTexts, event } from './test-support.ts';

const [classification = '', exposure = '', dlp = ''] = defaultTexts();
const current = compileOrThrow([classification, exposure, dlp]);
const samples = {
  now: '2025-06-01T00:00:00Z',
  assets: [
    asset({ id: 'a-unsanctioned', name: 'FreeChat', status: 'unsanctioned', state: 'ungoverned', people: 12 }),
    asset({ id: 'a-small', name: 'TinyBot', status: 'unsanctioned', state: 'ungoverned', people: 8 }),
    asset({ id: 'a-sanctioned', reviewDate: '2025-07-01T00:00:00Z' }),
  ],
  events: [event({ id: 'e-secret', sent: 2 }), event({ id: 'e-pii', category: 'pii', sent: 4, proceeded: 25 })],
};

describe('dryRun', () => {
  it('reports nothing when the draft is the current set', () => {
    const report = dryRun({ draft: current, current, samples });
    expect(report.draft.snapshotId).toBe(report.current.snapshotId);
    expect(report.alerts).toEqual({ added: [], removed: [], severityChanged: [], messageChanged: [] });
    expect(report.classification).toEqual({ severityChanged: [], flagsChanged: [] });
    expect(report.dlpActions).toEqual([]);
    expect(report.dlpSettings).toEqual([]);
    expect(report.errors).toEqual({ current: [], draft: [] });
  });

  it('reports alerts that appear and disappear, severity and message changes, classification and DLP changes', () => {
    const draft = compileOrThrow([
      classification
        .replace(
          "asset.status == 'unsanctioned' && asset.riskTier in ['high', 'critical']\n    set: { severity: high }",
          "asset.status == 'unsanctioned' && asset.riskTier in ['high', 'critical']\n    set: { severity: critical }",
        )
        .replace(
          'has(asset.reviewDate) && asset.reviewDate < now',
          "has(asset.reviewDate) && asset.reviewDate < now + duration('1000h')",
        ),
      exposure
        .replace('minPeople: 10', 'minPeople: 5')
        .replace('severity: critical\n    when: event.category', 'severity: high\n    when: event.category')
        .replace('overrideThreshold: 20', 'overrideThreshold: 30'),
      dlp
        .replace('minConfidence: medium', 'minConfidence: high')
        .replace(
          '    category: pii\n    status: sanctioned\n    accountType: corporate\n    action: allow',
          '    category: pii\n    status: sanctioned\n    accountType: corporate\n    action: warn',
        ),
    ]);
    expect(draft.snapshotId).not.toBe(current.snapshotId);
    const report = dryRun({ draft, current, samples });
    expect(report.alerts.added.map((a) => [a.ruleId, a.subjectId])).toEqual([
      ['unsanctioned-trains-on-data', 'a-small'],
    ]);
    expect(report.alerts.removed.map((a) => [a.ruleId, a.subjectId])).toEqual([
      ['warnings-routinely-overridden', 'e-pii'],
    ]);
    expect(report.alerts.severityChanged).toEqual([
      { ruleId: 'secrets-to-personal-accounts', subjectId: 'e-secret', from: 'critical', to: 'high' },
    ]);
    expect(report.classification.severityChanged).toEqual([
      { assetId: 'a-unsanctioned', from: 'high', to: 'critical' },
      { assetId: 'a-small', from: 'high', to: 'critical' },
      { assetId: 'a-sanctioned', from: 'info', to: 'low' },
    ]);
    expect(report.classification.flagsChanged).toEqual([
      { assetId: 'a-sanctioned', flag: 'reviewOverdue', from: false, to: true },
    ]);
    expect(report.dlpActions).toEqual([
      { category: 'pii', status: 'sanctioned', accountType: 'corporate', from: 'allow', to: 'warn' },
    ]);
    expect(report.dlpSettings).toEqual([{ setting: 'minConfidence', from: 'medium', to: 'high' }]);
  });

  it('reports message changes and the rule errors of each set separately', () => {
    const draft = compileOrThrow([
      classification,
      exposure.replace('is unsanctioned, trains on', 'is NOT sanctioned, trains on'),
      dlp,
    ]);
    const broken = { ...samples, assets: [...samples.assets, { id: 'a-partial', name: 'Half' }] };
    const report = dryRun({ draft, current, samples: broken });
    expect(report.alerts.messageChanged).toEqual([
      expect.objectContaining({
        ruleId: 'unsanctioned-trains-on-data',
        subjectId: 'a-unsanctioned',
        to: expect.stringContaining('is NOT sanctioned'),
      }),
    ]);
    expect(report.errors.draft.length).toBeGreaterThan(0);
    expect(report.errors.draft.every((e) => e.subjectId === 'a-partial')).toBe(true);
    expect(report.errors.current).toEqual(report.errors.draft);
  });
});
