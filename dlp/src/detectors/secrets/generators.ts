/**
 * Random, format-valid values per secret detector id, for tests and the labelled quality corpus.
 * Each generator returns text that the detector's pattern matches on its own, checksums included; values pass the
 * engine's placeholder filter (no test words, runs or sequences). Detectors with `requiresContext` still need one
 * of their `context` words placed near the value.
 */
import { appGenerators } from './generators-apps.ts';
import { infraGenerators } from './generators-infra.ts';

export { generateAgeSecretKey, generateBase62Token, generateDiscordBotToken } from './generator-kit.ts';

/** Detector id → a function producing a fresh random valid value. */
export const secretGenerators: Readonly<Record<string, () => string>> = { ...infraGenerators, ...appGenerators };
