/**
 * Value generators for the personal-data, financial, health and confidentiality detectors, for the corpus and
 * quality tests: detector id → () => a random value that passes the detector's validator (fictional values only).
 * `piiTemplates` gives, per detector, sentences from its own positive examples with the value replaced by
 * `{value}`, so a planted value gets the label or context word its detector expects.
 */
import type { Detector } from '../types.ts';
import { confidentialValueGenerators } from './confidential/generators.ts';
import { confidentialDetectors } from './confidential/index.ts';
import { financialValueGenerators } from './financial/generators.ts';
import { financialDetectors } from './financial/index.ts';
import { healthValueGenerators } from './health/generators.ts';
import { healthDetectors } from './health/index.ts';
import { piiValueGenerators } from './pii/generators.ts';
import { piiDetectors } from './pii/index.ts';

export { seedGenerators } from './pii/random.ts';

export const piiGenerators: Readonly<Record<string, () => string>> = {
  ...piiValueGenerators,
  ...financialValueGenerators,
  ...healthValueGenerators,
  ...confidentialValueGenerators,
};

/** The detectors the generators cover. */
export const generatedDetectors: readonly Detector[] = [
  ...piiDetectors,
  ...financialDetectors,
  ...healthDetectors,
  ...confidentialDetectors,
];

/** The positive examples of a detector with the first validated value replaced by `{value}`. */
export function templatesOf(d: Detector): string[] {
  const out: string[] = [];
  for (const text of d.examples.positive) {
    const re = new RegExp(d.pattern.source, d.pattern.flags.includes('d') ? d.pattern.flags : `${d.pattern.flags}d`);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const value = m.groups?.value ?? m[0];
      const span = m.indices?.groups?.value ?? m.indices?.[0];
      if (span && (!d.validate || d.validate(value, m))) {
        out.push(`${text.slice(0, span[0])}{value}${text.slice(span[1])}`);
        break;
      }
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out;
}

export const piiTemplates: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  generatedDetectors.map((d) => [d.id, templatesOf(d)]),
);
