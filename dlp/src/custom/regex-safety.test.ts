import { describe, expect, it } from 'vitest';
import { assertLinearSafe, findRegexProblems } from './regex-safety.ts';

describe('findRegexProblems', () => {
  it.each([
    String.raw`\bPRJ-[0-9]{4,8}\b`,
    '(?:foo|bar)-[a-z]{2,10}',
    String.raw`(?<id>[A-Z]{3})-\d+`,
    '(?<![A-Za-z])[a-f0-9]{32}(?![a-f0-9])',
    '[(+*)]{1,4}x',
    String.raw`(?:\d{3}-){2}\d{4}`,
  ])('accepts %s', (source) => {
    expect(findRegexProblems(source)).toEqual([]);
  });

  it.each([
    ['(a+)+$', 'nested unbounded quantifier'],
    [String.raw`(?:\w*,){2,30}x`, 'nested unbounded quantifier'],
    ['((?:ab)+c)*', 'nested unbounded quantifier'],
    [String.raw`(\w)\1`, 'backreference'],
    [String.raw`(?<q>['"]).{1,9}\k<q>`, 'backreference'],
    ['(?=.*secret)secret', 'lookaround containing an unbounded quantifier'],
    [String.raw`(?<!\s+)x`, 'lookaround containing an unbounded quantifier'],
  ])('rejects %s (%s)', (source, problem) => {
    expect(findRegexProblems(source).map((p) => p.problem)).toContain(problem);
  });

  it('names the problem and where it is in the error', () => {
    expect(() => assertLinearSafe('x(a+)+y', 'custom regex "x"')).toThrow(
      'custom regex "x": nested unbounded quantifier at offset 1 ("(a+)+y") is not linear-safe',
    );
    expect(() => assertLinearSafe('a'.repeat(1001), 'r')).toThrow(/1001 characters long; at most 1000/);
  });
});
