import { describe, expect, it } from 'vitest';
import { assetStates } from '../db/schema.ts';
import { canTransition, type SettleInput, settledState, transition } from './asset-state.ts';

describe('asset state machine', () => {
  const allowed = new Set([
    'detected>evaluated',
    'evaluated>governed',
    'evaluated>ungoverned',
    'evaluated>suppressed',
    'governed>evaluated',
    'ungoverned>evaluated',
    'suppressed>evaluated',
  ]);
  const pairs = assetStates.flatMap((from) => assetStates.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const ok = from === to || allowed.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(ok);
    if (ok) expect(transition(from, to)).toBe(to);
    else expect(() => transition(from, to)).toThrow(`asset state ${from} → ${to} is not allowed`);
  });
});

describe('settledState', () => {
  const base: SettleInput = {
    decided: false,
    status: 'unsanctioned',
    operatorSuppressed: false,
    liveFindings: 2,
    suppressedFindings: 0,
  };
  it.each([
    ['nobody decided', {}, 'ungoverned'],
    ['decided unsanctioned', { decided: true }, 'ungoverned'],
    ['decided sanctioned', { decided: true, status: 'sanctioned' }, 'governed'],
    ['decided tolerated', { decided: true, status: 'tolerated' }, 'governed'],
    ['decided blocked', { decided: true, status: 'blocked' }, 'governed'],
    ['default status sanctioned but undecided', { status: 'sanctioned' }, 'ungoverned'],
    ['every live finding suppressed', { suppressedFindings: 2 }, 'suppressed'],
    ['some findings suppressed', { suppressedFindings: 1 }, 'ungoverned'],
    ['no findings at all', { liveFindings: 0 }, 'ungoverned'],
    ['operator suppressed the asset', { decided: true, status: 'sanctioned', operatorSuppressed: true }, 'suppressed'],
  ] as const)('%s → %s', (_name, over, expected) => {
    expect(settledState({ ...base, ...over })).toBe(expected);
  });
});
