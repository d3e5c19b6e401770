import { describe, expect, it } from 'vitest';
import { defaultBundle } from './default-bundle.ts';
import type { PageConfig } from './page-config.ts';
import { createPagePolicy, stricter } from './page-policy.ts';
import { createPageScanner } from './page-scanner.ts';
import { redactText, summariseFindings } from './summarise-findings.ts';

const SECRET = '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';
const IBAN = 'DE44 5001 0517 5407 3249 31';

function config(over: Partial<PageConfig['dlp']> = {}, status: PageConfig['status'] = 'unsanctioned'): PageConfig {
  const b = defaultBundle();
  return {
    serviceId: 'chatgpt',
    serviceName: 'ChatGPT',
    host: 'chatgpt.com',
    dom: null,
    accountHints: [],
    status,
    mode: 'enforce',
    emailDomains: [],
    dlp: { ...b.dlp, maskedPreviews: false, ...over },
    notice: b.notice,
    organization: 'Acme',
  };
}

describe('page scanner', () => {
  it.each([
    { text: `token ${SECRET}`, account: 'personal', action: 'block' },
    { text: `token ${SECRET}`, account: 'corporate', action: 'warn' },
    { text: `iban ${IBAN}`, account: 'personal', action: 'warn' },
    { text: 'nothing to see here', account: 'personal', action: 'allow' },
  ] as const)('$text as $account → $action', ({ text, account, action }) => {
    const s = createPageScanner(config());
    expect(createPagePolicy(config()).actionFor(s.scan(text), account)).toBe(action);
  });

  it('reports custom detectors under the custom category and survives a refused custom detector', () => {
    const cfg = config({
      customDetectors: [{ type: 'keywords', id: 'project-names', name: 'Project names', words: ['bluebird'] }],
    });
    const s = createPageScanner(cfg);
    const p = createPagePolicy(cfg);
    const findings = s.scan('the bluebird plan');
    expect(findings.map((f) => [f.detector, p.categoryOf(f)])).toEqual([['project-names', 'custom']]);
    expect(p.nameOf('project-names')).toBe('Project names');
    expect(p.nameOf('github-pat-classic')).toBe('github-pat-classic');
    p.addNames(s.names());
    expect(p.nameOf('github-pat-classic')).toMatch(/GitHub/);
    const broken = createPageScanner(
      config({ customDetectors: [{ type: 'regex', id: 'bad', name: 'Bad', pattern: '(a+)+$', flags: '' }] }),
    );
    expect(broken.scan(`token ${SECRET}`).map((f) => f.detector)).toEqual(['github-pat-classic']);
  });

  it('summarises findings without values: counts, truncated hashes, previews only when allowed', () => {
    const s = createPageScanner(config());
    const text = `${SECRET} and again ${SECRET}`;
    const findings = s.scan(text);
    const plain = summariseFindings(findings, createPagePolicy(config()).categoryOf, false);
    expect(plain).toEqual([
      {
        detector: 'github-pat-classic',
        category: 'secret',
        confidence: 'high',
        count: 2,
        hashes: [expect.stringMatching(/^[0-9a-f]{32}$/)],
      },
    ]);
    expect(JSON.stringify(plain)).not.toContain(SECRET.slice(4));
    const masked = summariseFindings(findings, createPagePolicy(config()).categoryOf, true);
    expect(masked[0]!.masked?.[0]).toMatch(/^.{0,4}\*+$/);
  });

  it('redacts every finding and keeps the rest of the text', () => {
    const s = createPageScanner(config());
    const text = `use ${SECRET} and ${IBAN} now`;
    const out = redactText(text, s.scan(text), (f) => f.detector);
    expect(out).toBe('use [redacted github-pat-classic] and [redacted iban] now');
  });

  it.each([
    ['allow', 'warn', 'warn'],
    ['block', 'warn', 'block'],
    ['redact', 'warn', 'redact'],
  ] as const)('stricter(%s, %s) = %s', (a, b, expected) => {
    expect(stricter(a, b)).toBe(expected);
  });
});
