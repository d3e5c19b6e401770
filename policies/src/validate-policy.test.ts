import { describe, expect, it } from 'vitest';
import { validatePolicy } from './validate-policy.ts';

const exposure = (rules: string) => `kind: exposure\nparams:\n  minPeople: 10\nrules:\n${rules}`;
const rule = (when: string, extra = '') =>
  `  - id: r1\n    description: d\n    severity: high\n    when: ${when}\n    message: "{{asset.name}}"\n${extra}`;

function firstError(text: string) {
  const result = validatePolicy(text);
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.errors[0];
}

describe('validatePolicy: every error class points at the rule', () => {
  it.each([
    ['YAML syntax', 'kind: exposure\nrules: [\n', { path: '', line: 3, column: 1 }, /^YAML: /],
    [
      'duplicate YAML key',
      'kind: exposure\nkind: exposure\nrules: []\n',
      { path: '', line: 2, column: 1 },
      /YAML: .*unique/i,
    ],
    ['empty document', '# nothing\n', { path: '', line: 1, column: 1 }, /empty/],
    ['unknown kind', 'kind: nope\nrules: []\n', { path: 'kind', line: 1, column: 7 }, /kind must be one of/],
    [
      'unknown field',
      exposure(rule('"true"', '    severty: low\n')),
      { path: 'rules[0].severty', line: 10, column: 5 },
      /unknown field 'severty'/,
    ],
    [
      'unknown top-level field',
      `${exposure('')}  []\nowner: me\n`,
      { path: 'owner', line: 6, column: 1 },
      /unknown field 'owner'/,
    ],
    [
      'missing field',
      'kind: exposure\nrules:\n  - id: r1\n    severity: high\n    when: "true"\n    message: m\n',
      { path: 'rules[0].description', line: 3, column: 5 },
      /missing field 'description'/,
    ],
    [
      'bad enum value',
      exposure(rule('"true"').replace('high', 'urgent')),
      { path: 'rules[0].severity', line: 7, column: 15 },
      /expected one of/,
    ],
    [
      'bad rule id',
      exposure(rule('"true"').replace('r1', 'Rule 1')),
      { path: 'rules[0].id', line: 5, column: 9 },
      /kebab-case/,
    ],
    [
      'duplicate rule id',
      exposure(rule('"true"') + rule('"false"')),
      { path: 'rules[1].id', line: 10, column: 9 },
      /duplicate rule id 'r1' \(also rules\[0\]\)/,
    ],
    [
      'CEL syntax error',
      exposure(rule('asset.people >')),
      { path: 'rules[0].when', line: 8, column: 24 },
      /syntax error/,
    ],
    [
      'unknown identifier',
      exposure(rule('user.people > 1')),
      { path: 'rules[0].when', line: 8, column: 11 },
      /unknown identifier 'user'/,
    ],
    [
      'unknown field in an expression',
      exposure(rule('asset.peple > 1')),
      { path: 'rules[0].when', line: 8, column: 16 },
      /no field 'peple'; did you mean 'people'/,
    ],
    [
      'unknown parameter',
      exposure(rule('asset.people > params.minPeeple')),
      { path: 'rules[0].when', line: 8, column: 32 },
      /Params has no field 'minPeeple'/,
    ],
    [
      'type error',
      exposure(rule('asset.people > "ten"')),
      { path: 'rules[0].when', line: 8, column: 24 },
      /cannot order int > string/,
    ],
    ['not a bool', exposure(rule('asset.people')), { path: 'rules[0].when', line: 8, column: 11 }, /must be a bool/],
    [
      'enum literal that never matches',
      exposure(rule("asset.status == 'aproved'")),
      { path: 'rules[0].when', line: 8, column: 27 },
      /'aproved' can never match/,
    ],
    [
      'unknown template placeholder',
      exposure(rule('"true"').replace('asset.name', 'asset.nam')),
      { path: 'rules[0].message', line: 9, column: 15 },
      /unknown placeholder '\{\{asset.nam\}\}'/,
    ],
    [
      'template reaching a non-printable value',
      exposure(rule('"true"').replace('asset.name', 'asset.dlp')),
      { path: 'rules[0].message', line: 9, column: 15 },
      /not a printable value/,
    ],
    [
      'template code',
      exposure(rule('"true"').replace('asset.name', 'asset.name.constructor()')),
      { path: 'rules[0].message', line: 9, column: 15 },
      /not a field path/,
    ],
    [
      'shadowed DLP rule',
      'kind: dlp-actions\nminConfidence: low\nunscannableFiles: warn\nmaxFileBytes: 10\ndefault: warn\nrules:\n  - { id: a, description: d, category: secret, action: block }\n  - { id: b, description: d, category: secret, status: blocked, action: warn }\n',
      { path: 'rules[1]', line: 8, column: 5 },
      /rule 'b' never applies/,
    ],
    [
      'DLP unknown category',
      'kind: dlp-actions\nminConfidence: low\nunscannableFiles: warn\nmaxFileBytes: 10\ndefault: warn\nrules:\n  - { id: a, description: d, category: secrets, action: block }\n',
      { path: 'rules[0].category', line: 7, column: 40 },
      /expected one of secret, pii, .* or a list of them/,
    ],
  ] as const)('%s', (_, text, where, message) => {
    const error = firstError(text);
    expect(error).toMatchObject(where);
    expect(error?.message).toMatch(message);
  });

  it('locates errors inside a multi-line block expression', () => {
    const text = exposure(rule('|\n      asset.status == \'unsanctioned\' &&\n        asset.people > "ten"'));
    expect(firstError(text)).toMatchObject({ path: 'rules[0].when', line: 10, column: 22 });
  });

  it('locates errors inside a folded expression', () => {
    const text = exposure(rule(">-\n      asset.status == 'unsanctioned' &&\n        asset.peple > 1"));
    expect(firstError(text)).toMatchObject({ path: 'rules[0].when', line: 10, column: 14 });
  });

  it('reports every problem of a document, not only the first', () => {
    const result = validatePolicy(exposure(rule('asset.peple > 1') + rule('asset.people > "x"')));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['rules[1].id', 'rules[0].when', 'rules[1].when']);
  });

  it('accepts a valid document, applies defaults and warns about unguarded optional fields', () => {
    const result = validatePolicy(exposure(rule('asset.reviewDate < now')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy).toMatchObject({ kind: 'exposure', rules: [{ id: 'r1', on: 'asset' }] });
    expect(result.warnings).toEqual([
      expect.objectContaining({ path: 'rules[0].when', line: 8, message: expect.stringMatching(/has\(\)/) }),
    ]);
  });
});
