import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite, pgliteDir } from '../../backend/src/db/client.ts';
import { defaultPolicySnapshotId } from '../../backend/src/evidence/policy-snapshot.ts';
import { recordDecision } from '../../backend/src/evidence/record-decision.ts';
import { runCli } from '../support/cli.ts';

describe('sightline evidence export', () => {
  it('writes the decisions of a period with the policy snapshots they cite', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sl-evidence-'));
    const env = { SIGHTLINE_DATA_DIR: dataDir };
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const database = await openPglite(pgliteDir(dataDir));
    const snapshot = defaultPolicySnapshotId();
    for (const [i, at] of ['2026-10-02T10:00:00Z', '2026-10-05T10:00:00Z', '2026-12-01T10:00:00Z'].entries()) {
      await recordDecision(database.db, {
        decision: 'governance.set',
        subject: { type: 'service', id: `svc-${i}`, version: 1 },
        ruleId: 'manual',
        reason: 'reviewed by the AI committee',
        policySnapshotId: snapshot,
        actor: { type: 'user', id: 'u1', role: 'admin' },
        at: new Date(at),
      });
    }
    await database.close();

    const out = join(dataDir, 'evidence.json');
    const res = await runCli(['evidence', 'export', '--from', '2026-10-01', '--to', '2026-11-01', '--out', out], env);
    expect(res.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      format: string;
      decisionCount: number;
      decisions: { subject?: { id: string }; subjectId?: string }[];
      policySnapshots: { snapshotId: string; source: string; documents: string[] }[];
    };
    expect(doc.format).toBe('sightline-evidence-v1');
    expect(doc.decisionCount).toBe(2);
    expect(JSON.stringify(doc.decisions)).toContain('svc-0');
    expect(JSON.stringify(doc.decisions)).not.toContain('svc-2');
    expect(doc.policySnapshots).toMatchObject([{ snapshotId: snapshot, source: 'shipped defaults' }]);
    expect(doc.policySnapshots[0]!.documents.length).toBe(3);

    const stdout = await runCli(['evidence', 'export', '--from', '2026-12-01', '--to', '2026-12-02'], env);
    expect(JSON.parse(stdout.stdout)).toMatchObject({ decisionCount: 1 });
    const bad = await runCli(['evidence', 'export', '--from', 'yesterday'], env);
    expect(bad.code).toBe(2);
  });
});
