import { describe, expect, it } from 'vitest';
import { t } from './cel-type.ts';
import { assetType } from './input-schema.ts';
import { checkTemplate, renderTemplate } from './template.ts';

describe('message templates', () => {
  it.each([
    ['{{asset.name}} ({{ asset.people }} people)', { asset: { name: 'ChatGPT', people: 3 } }, 'ChatGPT (3 people)'],
    ['{{asset.departments}}', { asset: { departments: ['A', 'B'] } }, 'A, B'],
    ['{{asset.owner}}', { asset: {} }, '(unknown)'],
    ['{{asset.reviewDate}}', { asset: { reviewDate: new Date('2025-01-02T00:00:00Z') } }, '2025-01-02T00:00:00.000Z'],
    ['{{asset.name}}', { asset: Object.create({ name: 'inherited' }) }, '(unknown)'],
    ['{{asset.name}}', { asset: { name: '{{asset.people}}', people: 1 } }, '{{asset.people}}'],
  ])('%s renders %j', (template, data, expected) => {
    expect(renderTemplate(template, data)).toBe(expected);
  });

  it.each([
    ['{{asset.constructor}}', /unknown placeholder/],
    ['{{asset.__proto__}}', /unknown placeholder/],
    ['{{ process.env }}', /unknown placeholder root 'process'/],
    ['{{asset.name + 1}}', /not a field path/],
    ['{{asset.dlp}}', /not a printable value/],
    ['text {{asset.name', /unbalanced/],
  ])('rejects %s', (template, message) => {
    const issues = checkTemplate(template, { asset: assetType, now: t.timestamp });
    expect(issues[0]?.message).toMatch(message);
  });
});
