import { describe, expect, it } from 'vitest';
import { t } from './cel-type.ts';
import { compileExpression } from './compile-expression.ts';
import { subjectTypes } from './input-schema.ts';

const variables = {
  asset: subjectTypes.asset,
  event: subjectTypes.event,
  now: t.timestamp,
  params: t.object('Params', { n: { type: t.int, doc: 'n' } }),
};
const check = (source: string) => compileExpression(source, { variables, resultKind: 'bool' });

describe('compileExpression: accepted', () => {
  it.each([
    'asset.people >= 10',
    'asset.people >= params.n',
    "asset.status == 'unsanctioned' && asset.trainsOnData",
    "asset.riskTier in ['high', 'critical']",
    "'personal' in asset.accountTypes",
    "asset.departments.exists(d, d.startsWith('Eng'))",
    'asset.departments.all(d, size(d) > 0)',
    "asset.departments.filter(d, d == 'Sales').size() == 1",
    'asset.dlp.secret + asset.dlp.pii > 0',
    'has(asset.reviewDate) && asset.reviewDate < now',
    "asset.lastSeen - asset.firstSeen > duration('72h')",
    "now - duration('720h') > asset.firstSeen",
    'double(asset.enrolledPeople) / double(asset.people) < 0.5',
    "asset.name.matches('^Chat') || asset.name.contains('GPT')",
    "event.category == 'secret' && event.sent > 0",
    'asset.people > 3 ? true : false',
  ])('%s', (source) => {
    const result = check(source);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

describe('compileExpression: rejected with the offset of the culprit', () => {
  it.each([
    ['asset.people > "ten"', 13, 'cannot order int > string'],
    ['asset.peple > 3', 5, "Asset has no field 'peple'; did you mean 'people'?"],
    ['foo.bar', 0, "unknown identifier 'foo'"],
    ['asst.people > 1', 0, "did you mean 'asset'?"],
    ["asset.status == 'sanctionned'", 16, "'sanctionned' can never match"],
    ["asset.status in ['blocked', 'x']", 28, "'x' can never match"],
    ["'private' in asset.accountTypes", 0, "'private' can never match"],
    ['asset.people + 1.5 > 2', 13, 'operator + is not defined for int and double'],
    ['asset.people', 0, 'must be a bool, but it is a int'],
    ['asset.people > ', 13, 'syntax error'],
    ['asset.people.size() > 1', 12, 'size() is not defined for int'],
    ['asset.name.frobnicate()', 10, "unknown method 'frobnicate'"],
    ['lower(asset.name) == "x"', 0, "unknown function 'lower'"],
    ['asset.trainsOnData && asset.people', 27, '&& expects bool, got int'],
    ['asset.people == "1"', 13, 'cannot compare int == string'],
    ['asset.people.x == 1', 12, "cannot select field 'x' from int"],
    ['asset.people in asset.departments', 13, 'cannot look for int in list(string)'],
    ['asset.departments.exists(d, d > 1)', 29, 'cannot order string > int'],
    ["asset.departments['a'] == 'b'", 17, 'a list index must be an int'],
    ['timestamp(1) < now', 10, 'timestamp() expects a string'],
  ])('%s', (source, offset, message) => {
    const result = check(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message).toContain(message);
    expect(result.issues[0]?.offset).toBe(offset);
  });

  it('reports a runtime failure on the typed sample that the static checker cannot see', () => {
    const sample = { asset: { name: 'x' }, now: null, params: {}, event: {} };
    const result = compileExpression("asset.name.matches('(')", { variables, resultKind: 'bool', samples: [sample] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('fails on a typed sample input');
  });
});
