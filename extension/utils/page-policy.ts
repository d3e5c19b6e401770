import type { Bundle, DlpAction } from '@sightline/backend/protocol';
import type { Finding } from '@sightline/dlp';
import type { PageConfig } from './page-config.ts';

export type PolicyCategory = keyof Bundle['dlp']['actions'];

const SEVERITY: Record<DlpAction, number> = { allow: 0, warn: 1, redact: 2, block: 3 };

/** The stricter of two actions. */
export function stricter(a: DlpAction, b: DlpAction): DlpAction {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/**
 * What the bundle says about findings on this page: their policy category (custom detectors count as `custom`),
 * the action for this service status and account type, and detector names for the notice. No DLP engine here:
 * the page script loads without it.
 */
export function createPagePolicy(config: PageConfig) {
  const customIds = new Set(config.dlp.customDetectors.map((d) => d.id));
  const names = new Map(config.dlp.customDetectors.map((d) => [d.id, d.name]));
  const categoryOf = (f: Pick<Finding, 'detector' | 'category'>): PolicyCategory =>
    customIds.has(f.detector) ? 'custom' : f.category;
  return {
    categoryOf,
    /** The human name of a detector id (the id until the engine told its name). */
    nameOf: (id: string): string => names.get(id) ?? id,
    /** Learns detector names from the engine. */
    addNames(more: Record<string, string>): void {
      for (const [id, name] of Object.entries(more)) if (!names.has(id)) names.set(id, name);
    },
    /** The strictest action the bundle gives these findings for this service status and account type. */
    actionFor(findings: readonly Finding[], accountType: 'personal' | 'corporate' | 'unknown'): DlpAction {
      let action: DlpAction = 'allow';
      for (const f of findings)
        action = stricter(action, config.dlp.actions[categoryOf(f)]?.[config.status]?.[accountType] ?? 'allow');
      return action;
    },
  };
}
export type PagePolicy = ReturnType<typeof createPagePolicy>;
