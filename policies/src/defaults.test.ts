import { readFileSync } from 'node:fs';
import { bundleSchema } from '@sightline/backend/protocol';
import { describe, expect, it } from 'vitest';
import { compilePolicySet } from './compile-policy-set.ts';
import { accountTypes, dlpCategories, serviceStatuses } from './dimensions.ts';
import { assetType, eventType } from './input-schema.ts';
import { readDefaultPolicies } from './node.ts';
import { validatePolicy } from './validate-policy.ts';

const files = readDefaultPolicies();
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const result = compilePolicySet(files.map((f) => f.text));
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const set = result.set;

describe('default policies', () => {
  it.each(files)('$file validates without errors or warnings', ({ text }) => {
    const validation = validatePolicy(text);
    expect(validation.ok ? validation.warnings : validation.errors).toEqual([]);
  });

  it('compile into a total DLP table in exactly the bundle shape', () => {
    const cells = dlpCategories.flatMap((c) =>
      serviceStatuses.flatMap((s) => accountTypes.map((a) => set.dlpActions[c][s][a])),
    );
    expect(cells.filter((c) => c !== undefined)).toHaveLength(
      dlpCategories.length * serviceStatuses.length * accountTypes.length,
    );
    const dlp = bundleSchema.shape.dlp.shape;
    expect(dlp.actions.parse(set.dlpActions)).toEqual(set.dlpActions);
    expect(dlp.minConfidence.parse(set.dlpSettings.minConfidence)).toBe('medium');
    expect(dlp.unscannableFiles.parse(set.dlpSettings.unscannableFiles)).toBe('warn');
    expect(dlp.maxFileBytes.parse(set.dlpSettings.maxFileBytes)).toBe(20 * 1024 * 1024);
  });

  it.each([
    ['secret', 'sanctioned', 'personal', 'block'],
    ['secret', 'sanctioned', 'corporate', 'warn'],
    ['secret', 'tolerated', 'corporate', 'warn'],
    ['secret', 'tolerated', 'unknown', 'warn'],
    ['secret', 'unsanctioned', 'corporate', 'block'],
    ['secret', 'unsanctioned', 'unknown', 'block'],
    ['pii', 'sanctioned', 'corporate', 'allow'],
    ['pii', 'sanctioned', 'personal', 'redact'],
    ['pii', 'tolerated', 'corporate', 'warn'],
    ['pii', 'unsanctioned', 'unknown', 'redact'],
    ['pii', 'unsanctioned', 'corporate', 'warn'],
    ['health', 'tolerated', 'personal', 'block'],
    ['health', 'sanctioned', 'corporate', 'warn'],
    ['health', 'tolerated', 'corporate', 'redact'],
    ['financial', 'unsanctioned', 'corporate', 'block'],
    ['financial', 'tolerated', 'unknown', 'redact'],
    ['confidential', 'sanctioned', 'corporate', 'allow'],
    ['confidential', 'unsanctioned', 'personal', 'warn'],
    ['custom', 'sanctioned', 'corporate', 'warn'],
    ['custom', 'blocked', 'corporate', 'block'],
  ] as const)('%s × %s × %s → %s', (category, status, account, action) => {
    expect(set.dlpActions[category][status][account]).toBe(action);
  });

  it('never allows a secret, and blocks everything on blocked services', () => {
    for (const s of serviceStatuses)
      for (const a of accountTypes) expect(set.dlpActions.secret[s][a]).not.toBe('allow');
    for (const c of dlpCategories) for (const a of accountTypes) expect(set.dlpActions[c].blocked[a]).toBe('block');
  });

  it('match the DLP table printed in the README', () => {
    const rows = readme
      .split('\n')
      .filter((line) => /^\| (secret|pii|financial|health|confidential|custom) +\| +\w+ \//.test(line));
    expect(rows).toHaveLength(dlpCategories.length);
    for (const row of rows) {
      const [category = '', ...groups] = row
        .split('|')
        .map((c) => c.trim())
        .filter(Boolean);
      const printed = groups.map((g) => g.split(' / '));
      const actual = serviceStatuses.map((s) => {
        const cells = accountTypes.map((a) => set.dlpActions[category as (typeof dlpCategories)[number]][s][a]);
        return s === 'blocked' && new Set(cells).size === 1 ? [cells[0]] : cells;
      });
      expect({ category, printed }).toEqual({ category, printed: actual });
    }
  });

  it('are documented: every rule id and every input field appears in the README', () => {
    const ids = [
      ...set.documents.classification.rules.map((r) => r.id),
      ...set.documents.exposure.rules.map((r) => r.id),
      ...set.documents.dlpActions.rules.map((r) => r.id),
    ];
    const missing = ids.filter((id) => !readme.includes(`\`${id}\``));
    const fields = [assetType, eventType].flatMap((type) =>
      type.kind === 'object'
        ? Object.keys(type.fields).map((f) => `${type === assetType ? 'asset' : 'event'}.${f}`)
        : [],
    );
    const undocumented = fields.filter((f) => !readme.includes(`\`${f}\``));
    expect({ missing, undocumented }).toEqual({ missing: [], undocumented: [] });
  });
});
