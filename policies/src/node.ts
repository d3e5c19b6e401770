/** Node-only helpers: reading the default policy files shipped in `policies/defaults/`. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The default policy files, in the order classification, exposure, dlp-actions. */
export const defaultPolicyFiles = ['classification.yaml', 'exposure.yaml', 'dlp-actions.yaml'] as const;

/** Absolute path of the folder holding the default policies. */
export const defaultPoliciesDir = fileURLToPath(new URL('../defaults/', import.meta.url));

/** The YAML text of each default policy file, ready for `compilePolicySet`. */
export function readDefaultPolicies(): { file: string; text: string }[] {
  return defaultPolicyFiles.map((file) => ({
    file,
    text: readFileSync(new URL(`../defaults/${file}`, import.meta.url), 'utf8'),
  }));
}
