import type { findings } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { FindingDecision } from './decide.ts';

type FindingRow = typeof findings.$inferSelect;
type Change = { from: unknown; to: unknown };

const allowedFrom: Record<FindingDecision['kind'], readonly FindingRow['status'][]> = {
  classify: ['open', 'acknowledged', 'suppressed'],
  acknowledge: ['open'],
  suppress: ['open', 'acknowledged', 'confirmed', 'suppressed'],
  reclassify: ['open', 'acknowledged', 'confirmed', 'suppressed', 'resolved'],
};

/** Refuses (409 invalid_transition) a decision the finding's status does not allow. */
export function checkTransition(f: FindingRow, d: FindingDecision): void {
  if (!allowedFrom[d.kind].includes(f.status)) {
    throw new ApiError(409, 'invalid_transition', `A ${f.status} finding cannot be given "${d.kind}".`, {
      details: { status: f.status, allowedFrom: allowedFrom[d.kind] },
    });
  }
}

/** The field changes a decision makes (from → to); a decision that would change nothing is a 409 no_change. */
export function plannedChanges(f: FindingRow, d: FindingDecision): Record<string, Change> {
  const target: Partial<FindingRow> = {};
  if (d.kind === 'classify') Object.assign(target, { status: 'confirmed', tier: 4, suppressedUntil: null });
  if (d.kind === 'acknowledge') target.status = 'acknowledged';
  if (d.kind === 'suppress')
    Object.assign(target, { status: 'suppressed', suppressedUntil: d.until, suppressionReason: d.reason });
  if (d.kind === 'reclassify') {
    if (d.severity) target.severity = d.severity;
    if (d.status) Object.assign(target, { status: d.status, suppressedUntil: null });
  }
  const changes: Record<string, Change> = {};
  for (const [k, to] of Object.entries(target)) {
    const from = f[k as keyof FindingRow];
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to;
    if (!same) changes[k] = { from, to };
  }
  if (Object.keys(changes).length === 0) {
    throw new ApiError(409, 'no_change', `The finding already has what "${d.kind}" would set.`);
  }
  return changes;
}
