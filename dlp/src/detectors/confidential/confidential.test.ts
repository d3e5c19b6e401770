import { describe, expect, it } from 'vitest';
import { validatedMatches } from '../pii/detector-checks.ts';
import { confidentialDetectors } from './index.ts';

const byId = (id: string) => confidentialDetectors.find((d) => d.id === id)!;
const fires = (id: string, text: string) => validatedMatches(byId(id), text).length > 0;

describe('confidentiality markings', () => {
  it('treats "confidential" in prose as no marking', () => {
    for (const text of [
      'Please keep this strictly confidential between us.',
      'Is our salary data confidential?',
      'The confidential informant testified.',
      'Treat customer lists as confidential information.',
    ]) {
      expect(fires('confidential-label', text), text).toBe(false);
    }
  });

  it('finds headers, brackets, labels and capitals', () => {
    for (const text of [
      'Strictly confidential\nBoard minutes, 12 March',
      '## Confidential – draft v2',
      'Sensitivity label: Highly Confidential',
      '(Confidential) Forecast for Q4',
      'Footer: page 3 of 9 | COMPANY CONFIDENTIAL',
    ]) {
      expect(fires('confidential-label', text), text).toBe(true);
    }
  });

  it('does not take code constants or level lists for markings', () => {
    for (const text of ['case CONFIDENTIAL:', 'label = "CONFIDENTIAL";', 'Levels: PUBLIC / INTERNAL / CONFIDENTIAL']) {
      expect(fires('confidential-label', text), text).toBe(false);
    }
  });

  it('separates privilege markings from questions about privilege', () => {
    expect(fires('legal-privilege', 'PRIVILEGED AND CONFIDENTIAL')).toBe(true);
    expect(fires('legal-privilege', 'Is this covered by attorney-client privilege?')).toBe(false);
  });
});
