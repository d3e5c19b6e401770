export { type CompiledCustom, compileCustomDetectors, hashDictionaryTerm } from './custom/index.ts';
export { type CustomDetectorsSpec, customDetectorsSchema } from './custom/spec.ts';
export { allDetectors, commonDetectors } from './detectors/index.ts';
export { createScanner, type Scanner, type ScannerOptions, type ScanOptions } from './engine/scanner.ts';
export * from './types.ts';
