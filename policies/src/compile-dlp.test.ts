import { describe, expect, it } from 'vitest';
import { compileDlp } from './compile-dlp.ts';
import { accountTypes, dlpCategories, serviceStatuses } from './dimensions.ts';
import { dlpActionsPolicySchema } from './policy-schema.ts';

const policy = (rules: unknown[], extra: Record<string, unknown> = {}) =>
  dlpActionsPolicySchema.parse({
    kind: 'dlp-actions',
    minConfidence: 'medium',
    unscannableFiles: 'warn',
    maxFileBytes: 100,
    default: 'allow',
    rules,
    ...extra,
  });

describe('compileDlp', () => {
  it('fills every cell with the default when there are no rules', () => {
    const result = compileDlp(policy([]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const cells = dlpCategories.flatMap((c) =>
      serviceStatuses.flatMap((s) => accountTypes.map((a) => result.compiled.actions[c][s][a])),
    );
    expect(cells).toHaveLength(6 * 4 * 3);
    expect(new Set(cells)).toEqual(new Set(['allow']));
    expect(result.compiled.settings).toEqual({ minConfidence: 'medium', unscannableFiles: 'warn', maxFileBytes: 100 });
  });

  it.each([
    ['secret', 'sanctioned', 'personal', 'block', 'secret-personal'],
    ['secret', 'sanctioned', 'corporate', 'warn', 'secret-any'],
    ['pii', 'unsanctioned', 'unknown', 'redact', 'unsanctioned-unknown'],
    ['pii', 'unsanctioned', 'corporate', 'allow', 'default'],
    ['health', 'tolerated', 'unknown', 'allow', 'default'],
  ] as const)('%s × %s × %s → %s (decided by %s)', (category, status, account, action, decidedBy) => {
    const result = compileDlp(
      policy([
        { id: 'secret-personal', description: 'd', category: 'secret', accountType: 'personal', action: 'block' },
        { id: 'secret-any', description: 'd', category: ['secret'], action: 'warn' },
        {
          id: 'unsanctioned-unknown',
          description: 'd',
          status: 'unsanctioned',
          accountType: ['unknown'],
          action: 'redact',
        },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.compiled.actions[category][status][account]).toBe(action);
    expect(result.compiled.decidedBy[category][status][account]).toBe(decidedBy);
  });

  it('rejects a rule that an earlier rule fully shadows, and duplicate ids', () => {
    const result = compileDlp(
      policy([
        { id: 'a', description: 'd', category: ['secret', 'pii'], action: 'block' },
        { id: 'b', description: 'd', category: 'pii', status: 'tolerated', action: 'warn' },
        { id: 'a', description: 'd', category: 'health', action: 'warn' },
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      ['rules', 2, 'id'],
      ['rules', 1],
    ]);
  });
});
