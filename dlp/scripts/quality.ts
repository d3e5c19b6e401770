// `npm run -w @sightline/dlp quality`: builds the labelled corpus, scans it and prints precision/recall per category.
import { allDetectors } from '../src/detectors/index.ts';
import { createScanner } from '../src/engine/scanner.ts';
import { buildCorpus } from '../test/corpus/build.ts';
import { evaluate, formatTable } from '../test/corpus/evaluate.ts';

const verbose = process.argv.includes('--verbose');
const docs = buildCorpus();
const result = evaluate(createScanner({ detectors: allDetectors, salt: 'quality' }), docs);
process.stdout.write(`${docs.length} documents, ${allDetectors.length} detectors, medium+ confidence\n\n`);
process.stdout.write(`${formatTable(result.rows)}\n`);
if (verbose) {
  for (const m of result.misses) process.stdout.write(`MISS ${m.planted.detector}: ${JSON.stringify(m.text)}\n`);
  for (const f of result.falsePositives) {
    process.stdout.write(`FP ${f.finding.detector} (${f.finding.confidence}): ${JSON.stringify(f.text)}\n`);
  }
}
