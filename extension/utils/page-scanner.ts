import type { Bundle, DlpAction } from '@sightline/backend/protocol';
import { allDetectors, type CustomDetectorsSpec, createScanner, type Finding } from '@sightline/dlp';
import type { PageConfig } from './page-config.ts';

type BundleCustom = Bundle['dlp']['customDetectors'][number];
export type PolicyCategory = keyof Bundle['dlp']['actions'];

/** The bundle's custom detectors in the scanner's format; their findings count as the `custom` policy category. */
export function toScannerCustom(specs: readonly BundleCustom[]): CustomDetectorsSpec {
  return specs.map((s) => {
    const base = { id: s.id, name: s.name, category: 'confidential' as const };
    if (s.type === 'keywords') return { ...base, kind: 'keywords' as const, terms: s.words };
    if (s.type === 'dictionary')
      return { ...base, kind: 'dictionary' as const, hashes: s.hashes, salt: s.salt, maxWords: s.maxWords };
    return { ...base, kind: 'regex' as const, pattern: s.pattern, flags: s.flags };
  });
}

const SEVERITY: Record<DlpAction, number> = { allow: 0, warn: 1, redact: 2, block: 3 };

/** A scanner for one page: the DLP engine with the bundle's detectors, salt and minimum confidence. */
export function createPageScanner(config: PageConfig) {
  let scanner: ReturnType<typeof createScanner>;
  const customIds = new Set(config.dlp.customDetectors.map((d) => d.id));
  try {
    scanner = createScanner({
      detectors: allDetectors,
      custom: toScannerCustom(config.dlp.customDetectors),
      salt: config.dlp.hashSalt,
    });
  } catch (err) {
    // A custom detector the engine refuses must not switch off the built-in ones.
    console.error('sightline: custom detectors refused', err);
    customIds.clear();
    scanner = createScanner({ detectors: allDetectors, salt: config.dlp.hashSalt });
  }
  const names = new Map(scanner.detectors.map((d) => [d.id, d.name]));
  for (const d of config.dlp.customDetectors) names.set(d.id, d.name);

  const categoryOf = (f: Finding): PolicyCategory => (customIds.has(f.detector) ? 'custom' : f.category);

  return {
    /**
     * Runs every detector once over its own examples, so the regex engine has compiled them before the first
     * real paste (a cold 1 MB scan costs several times a warm one).
     */
    warmUp(): void {
      scanner.scan(scanner.detectors.flatMap((d) => d.examples.positive).join('\n'));
    },
    /** Findings in `text` at the bundle's minimum confidence. */
    scan: (text: string): Finding[] => scanner.scan(text, { minConfidence: config.dlp.minConfidence }),
    /** The human name of a detector id. */
    nameOf: (id: string): string => names.get(id) ?? id,
    categoryOf,
    /** The strictest action the bundle gives these findings for this service status and account type. */
    actionFor(findings: readonly Finding[], accountType: 'personal' | 'corporate' | 'unknown'): DlpAction {
      let action: DlpAction = 'allow';
      for (const f of findings) {
        const a = config.dlp.actions[categoryOf(f)]?.[config.status]?.[accountType] ?? 'allow';
        if (SEVERITY[a] > SEVERITY[action]) action = a;
      }
      return action;
    },
  };
}
export type PageScanner = ReturnType<typeof createPageScanner>;

/** The stricter of two actions. */
export function stricter(a: DlpAction, b: DlpAction): DlpAction {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}
