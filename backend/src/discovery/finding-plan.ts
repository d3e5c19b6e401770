import type { CompiledPolicySet, EvaluationResult, Severity } from '@sightline/policies';
import type { CurrentInputs } from './current-inputs.ts';
import type { AssetStats } from './policy-input.ts';

/** A finding the active policy set raises now. */
export interface PlannedFinding {
  findingKey: string;
  ruleId: string;
  document: 'classification' | 'exposure';
  subjectKind: 'asset' | 'event';
  subjectId: string;
  assetId: string | null;
  title: string;
  severity: Severity;
  tier: number;
  evidence: Record<string, unknown>;
  firstSeen: Date;
  lastSeen: Date;
  /** Set for exposure rules: the alert to raise with it. */
  alert?: { severity: Severity; message: string };
}

/** `<document>:<ruleId>:<subjectKind>:<subjectId>`: the rule id plus the subject, qualified by its document. */
export const findingKeyOf = (document: string, ruleId: string, kind: string, subjectId: string) =>
  `${document}:${ruleId}:${kind}:${subjectId}`;

/**
 * Turns an evaluation into the findings it raises: one per (matched classification rule, asset) and one per
 * exposure alert (asset or DLP event rollup), each with evidence as counts and API links.
 */
export function planFindings(
  set: CompiledPolicySet,
  evaluation: EvaluationResult,
  inputs: CurrentInputs,
  window: { now: Date; lookbackDays: number },
): PlannedFinding[] {
  const rows = new Map(inputs.assetRows.map((r) => [r.id, r]));
  const rollups = new Map(inputs.rollups.map((r) => [`${r.serviceKey}:${r.accountType}:${r.category}`, r]));
  const rules = new Map(set.classification.rules.map((c) => [c.rule.id, c.rule]));
  const from = new Date(window.now.getTime() - window.lookbackDays * 86_400_000);
  const base = { from: from.toISOString(), to: window.now.toISOString(), days: window.lookbackDays };
  const assetEvidence = (id: string) => {
    const row = rows.get(id);
    if (!row) return {};
    const stats = row.stats as unknown as AssetStats & Record<string, unknown>;
    return {
      links: { asset: `/api/v1/assets/${row.id}`, tierHistory: `/api/v1/assets/${row.id}#tier-history` },
      asset: { id: row.id, key: row.assetKey, name: row.name, tier: row.tier, riskTier: row.riskTier },
      window: base,
      people: row.peopleCount,
      departments: row.departments,
      sources: row.sources,
      accountTypes: row.accountTypes,
      counts: {
        visits: stats.visits ?? 0,
        surfaces: stats.surfaces ?? 0,
        prompts: stats.prompts ?? 0,
        pastes: stats.pastes ?? 0,
        uploads: stats.uploads ?? 0,
        dlpEvents: stats.dlpEvents ?? 0,
        dlp: stats.dlp ?? {},
        signIns: stats.signIns ?? 0,
        oauthGrants: stats.oauthGrants ?? 0,
        seats: stats.seats ?? 0,
      },
      observations: { byKind: stats.observationsByKind ?? {}, bySource: stats.observationsBySource ?? {} },
      firstSeen: row.firstSeen.toISOString(),
      lastSeen: row.lastSeen.toISOString(),
    };
  };
  const out: PlannedFinding[] = [];
  for (const c of evaluation.classifications) {
    const row = rows.get(c.assetId);
    if (!row) continue;
    for (const ruleId of c.matchedRules) {
      const rule = rules.get(ruleId);
      if (!rule) continue;
      out.push({
        findingKey: findingKeyOf('classification', ruleId, 'asset', row.id),
        ruleId,
        document: 'classification',
        subjectKind: 'asset',
        subjectId: row.id,
        assetId: row.id,
        title: `${row.name}: ${rule.description ?? ruleId}`,
        severity: rule.set.severity ?? 'info',
        tier: row.tier,
        evidence: { ...assetEvidence(row.id), rule: { document: 'classification', id: ruleId, set: rule.set } },
        firstSeen: row.firstSeen,
        lastSeen: row.lastSeen,
      });
    }
  }
  for (const a of evaluation.alerts) {
    const rollup = a.subjectKind === 'event' ? rollups.get(a.subjectId) : undefined;
    const row = a.subjectKind === 'asset' ? rows.get(a.subjectId) : inputs.assetOfEvent.get(a.subjectId);
    const event = rollup && {
      id: a.subjectId,
      accountType: rollup.accountType,
      category: rollup.category,
      detectors: rollup.detectors,
      maxConfidence: rollup.maxConfidence,
      counts: {
        events: rollup.events,
        sent: rollup.sent,
        allowed: rollup.allowed,
        warned: rollup.warned,
        proceeded: rollup.proceeded,
        redacted: rollup.redacted,
        blocked: rollup.blocked,
      },
      people: rollup.people,
      firstSeen: rollup.firstSeen.toISOString(),
      lastSeen: rollup.lastSeen.toISOString(),
    };
    out.push({
      findingKey: findingKeyOf('exposure', a.ruleId, a.subjectKind, a.subjectId),
      ruleId: a.ruleId,
      document: 'exposure',
      subjectKind: a.subjectKind,
      subjectId: a.subjectId,
      assetId: row?.id ?? null,
      title: a.message,
      severity: a.severity,
      tier: row?.tier ?? 1,
      evidence: {
        ...(row ? assetEvidence(row.id) : { window: base }),
        ...(event ? { event } : {}),
        rule: { document: 'exposure', id: a.ruleId },
      },
      firstSeen: rollup?.firstSeen ?? row?.firstSeen ?? window.now,
      lastSeen: rollup?.lastSeen ?? row?.lastSeen ?? window.now,
      alert: { severity: a.severity, message: a.message },
    });
  }
  return out;
}
