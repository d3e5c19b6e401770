import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir, servicesDir } from '../src/build-catalog.ts';
import { checkCatalog } from '../src/catalog-checks.ts';
import { parseServiceFile } from '../src/load-services.ts';
import { deriveRiskTier } from '../src/risk-tier.ts';
import { categories, type Service } from '../src/schema.ts';
import { selectorPresentIn } from './selector-presence.ts';

// Read synchronously at collection time so every file gets its own test.
const files = readdirSync(servicesDir)
  .filter((f) => !f.startsWith('.'))
  .sort();
const parsed = files.map((file) => ({
  file,
  result: parseServiceFile(`services/${file}`, readFileSync(join(servicesDir, file), 'utf8')),
}));
const services: Service[] = parsed.flatMap(({ result }) => (result.ok ? [result.service] : []));

describe('service data files', () => {
  it.each(parsed.map(({ file, result }) => [file, result] as const))('%s is valid', (file, result) => {
    expect(file).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('have unique ids and hosts (shared hosts declared by every side) and valid host rules', () => {
    expect(checkCatalog(services)).toEqual([]);
  });

  it('hold at least 250 services', () => {
    expect(services.length).toBeGreaterThanOrEqual(250);
  });

  it.each(categories)('has services in category %s', (category) => {
    expect(services.filter((s) => s.category === category).length).toBeGreaterThan(0);
  });

  it('cover every chat service that needs DOM rules', () => {
    const needDom = ['chatgpt', 'claude', 'gemini', 'microsoft-copilot', 'microsoft-365-copilot', 'perplexity'];
    const more = ['mistral-le-chat', 'deepseek', 'grok', 'meta-ai', 'poe', 'github-copilot', 'huggingchat'];
    const withDom = new Set(services.filter((s) => s.dom).map((s) => s.id));
    expect([...needDom, ...more].filter((id) => !withDom.has(id))).toEqual([]);
  });
});

describe('DOM fixtures', () => {
  const withDom = services.filter((s) => s.dom !== undefined);

  it.each(withDom.map((s) => [s.id, s] as const))('%s has a fixture with its input and send controls', (id, s) => {
    const path = join(packageDir, 'fixtures', `${id}.html`);
    expect(existsSync(path), `fixtures/${id}.html is missing`).toBe(true);
    const html = readFileSync(path, 'utf8');
    const dom = s.dom!;
    expect(
      dom.input.some((sel) => selectorPresentIn(html, sel)),
      `no input selector of ${id} in the fixture`,
    ).toBe(true);
    expect(
      dom.send.some((sel) => selectorPresentIn(html, sel)),
      `no send selector of ${id} in the fixture`,
    ).toBe(true);
  });
});

describe('risk tiers', () => {
  it('are derived, never typed: the shipped index agrees with the rule', async () => {
    const { getCatalog } = await import('../src/index.ts');
    const shipped = getCatalog();
    const mismatched = services.filter((s) => {
      const tier = shipped.byId.get(s.id)?.riskTier;
      return tier !== undefined && tier !== deriveRiskTier(s.risk);
    });
    expect(mismatched.map((s) => s.id)).toEqual([]);
  });
});
