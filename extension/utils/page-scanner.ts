import type { Bundle } from '@sightline/backend/protocol';
import { allDetectors, type CustomDetectorsSpec, createScanner, type Finding } from '@sightline/dlp';
import type { PageConfig } from './page-config.ts';

type BundleCustom = Bundle['dlp']['customDetectors'][number];

/** The bundle's custom detectors in the scanner's format (reported under the `custom` policy category). */
export function toScannerCustom(specs: readonly BundleCustom[]): CustomDetectorsSpec {
  return specs.map((s) => {
    const base = { id: s.id, name: s.name, category: 'confidential' as const };
    if (s.type === 'keywords') return { ...base, kind: 'keywords' as const, terms: s.words };
    if (s.type === 'dictionary')
      return { ...base, kind: 'dictionary' as const, hashes: s.hashes, salt: s.salt, maxWords: s.maxWords };
    return { ...base, kind: 'regex' as const, pattern: s.pattern, flags: s.flags };
  });
}

/** The DLP engine for one page: the bundle's detectors, salt and minimum confidence. */
export function createPageScanner(config: PageConfig) {
  let scanner: ReturnType<typeof createScanner>;
  try {
    scanner = createScanner({
      detectors: allDetectors,
      custom: toScannerCustom(config.dlp.customDetectors),
      salt: config.dlp.hashSalt,
    });
  } catch (err) {
    // A custom detector the engine refuses must not switch off the built-in ones.
    console.error('sightline: custom detectors refused', err);
    scanner = createScanner({ detectors: allDetectors, salt: config.dlp.hashSalt });
  }
  return {
    /** Findings in `text` at the bundle's minimum confidence. */
    scan: (text: string): Finding[] => scanner.scan(text, { minConfidence: config.dlp.minConfidence }),
    /** Detector id → human name, for notices. */
    names: (): Record<string, string> => Object.fromEntries(scanner.detectors.map((d) => [d.id, d.name])),
    /**
     * Runs every detector once over its own examples, so the regex engine has compiled them before the first
     * real paste (a cold 1 MB scan costs several times a warm one).
     */
    warmUp(): void {
      scanner.scan(scanner.detectors.flatMap((d) => d.examples.positive).join('\n'));
    },
  };
}
export type PageScanner = ReturnType<typeof createPageScanner>;
