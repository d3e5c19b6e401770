import { z } from 'zod';
import { confidences, dlpCategories } from '../types.ts';

const id = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]{1,64}(?:-[a-z0-9]{1,64}){0,16}$/, 'must be kebab-case');
const base = {
  id,
  name: z.string().min(1).max(120).optional(),
  description: z.string().max(500).optional(),
  category: z.enum(dlpCategories),
  confidence: z.enum(confidences).default('medium'),
};

const keywordList = z.object({
  ...base,
  kind: z.literal('keywords'),
  terms: z.array(z.string().min(2).max(100)).min(1).max(5000),
  /** Match only whole words (default). */
  wholeWord: z.boolean().default(true),
});

const dictionary = z.object({
  ...base,
  kind: z.literal('dictionary'),
  /** Salt the policy author used: each hash is hex SHA-256 of salt + normalised term (see `hashDictionaryTerm`). */
  salt: z.string().min(1).max(200),
  hashes: z
    .array(z.string().regex(/^[0-9a-f]{64}$/i, 'must be a hex SHA-256'))
    .min(1)
    .max(200_000),
  /** Longest term, in words. */
  maxWords: z.number().int().min(1).max(5).default(1),
  minLength: z.number().int().min(1).max(200).default(3),
  maxLength: z.number().int().min(1).max(200).default(64),
});

const regex = z.object({
  ...base,
  kind: z.literal('regex'),
  pattern: z.string().min(1),
  flags: z
    .string()
    .regex(/^[imsu]{0,4}$/, 'only i, m, s and u flags')
    .default(''),
  /** Prefilter: the pattern runs only near these words. Without them it runs over the whole text. */
  keywords: z.array(z.string().min(2).max(100)).max(100).optional(),
  context: z.array(z.string().min(2).max(100)).max(100).optional(),
  requiresContext: z.boolean().default(false),
});

/** Schema of the custom detectors in a policy bundle. */
export const customDetectorsSchema = z.array(z.discriminatedUnion('kind', [keywordList, dictionary, regex])).max(500);

/** Custom detectors as written in a policy (defaults optional). */
export type CustomDetectorsSpec = z.input<typeof customDetectorsSchema>;
export type CustomDetectorSpec = z.output<typeof customDetectorsSchema>[number];
