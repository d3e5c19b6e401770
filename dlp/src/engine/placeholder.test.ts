import { describe, expect, it } from 'vitest';
import { hasSequence, inDigestContext, inPlaceholderContext, isRepetitive, judgeValue } from './placeholder.ts';

describe('placeholder rules', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'drop'],
    ['<YOUR_API_KEY>', 'drop'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the value under test
    ['${API_TOKEN}', 'drop'],
    ['{{ vault_token }}', 'drop'],
    ['sk-xxxxxxxxxxxxxxxx', 'drop'],
    ['dummy-token-1234', 'drop'],
    ['4111111111111111', 'drop'],
    ['4242 4242 4242 4242', 'drop'],
    ['123-45-6789', 'drop'],
    ['sk_test_9fK2qLm8ZxR4vT7n', 'lower'],
    ['CHASUS33XXX', 'keep'],
    ['Zq8Lm2Xr7Vb4Nt6Kp9Ws3Hd1', 'keep'],
  ])('judges %s as %s', (value, verdict) => {
    expect(judgeValue(value)).toBe(verdict);
  });

  it('recognises runs, repeated units and sequences', () => {
    expect(isRepetitive('aaaaaaaaaaaa')).toBe(true);
    expect(isRepetitive('abcabcabcabc')).toBe(true);
    expect(isRepetitive('Zq8Lm2Xr7Vb4')).toBe(false);
    expect(hasSequence('x-987654-y')).toBe(true);
    expect(hasSequence('Zq8Lm2Xr7Vb4')).toBe(false);
  });

  it('sees example and test words on the same line only', () => {
    const text = 'example key: VALUE\nreal key: VALUE';
    expect(inPlaceholderContext(text, 13, 18)).toBe(true);
    expect(inPlaceholderContext(text, 29, 34)).toBe(false);
    expect(inPlaceholderContext('the latest VALUE', 11, 16)).toBe(false);
  });

  it('treats hex after a digest label as a digest', () => {
    const sha = '3f2a9c4e1b8d7f6a5e4c3b2a1f0e9d8c7b6a5f4e';
    expect(inDigestContext(`commit ${sha}`, 7, sha)).toBe(true);
    expect(inDigestContext(`token ${sha}`, 6, sha)).toBe(false);
  });
});
