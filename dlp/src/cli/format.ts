import type { Detector, Finding } from '../types.ts';

/** A finding of one scanned file (or `-` for stdin). */
export interface FileFinding extends Finding {
  path: string;
}

/** One JSON object per line: `{path, detector, category, confidence, start, end, line, column, masked}`. */
export function formatJsonl(findings: readonly FileFinding[]): string {
  return findings
    .map((f) =>
      JSON.stringify({
        path: f.path,
        detector: f.detector,
        category: f.category,
        confidence: f.confidence,
        start: f.start,
        end: f.end,
        line: f.line,
        column: f.column,
        masked: f.masked,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** `path:line:column  confidence  detector (category)  masked`, one per line. */
export function formatText(findings: readonly FileFinding[]): string {
  return findings
    .map((f) => `${f.path}:${f.line}:${f.column}  ${f.confidence}  ${f.detector} (${f.category})  ${f.masked}\n`)
    .join('');
}

const SARIF_LEVEL = { high: 'error', medium: 'warning', low: 'note' } as const;

/** 1-based line and column of an offset, given the text's line starts. */
function position(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/** Offsets where each line starts, for SARIF end positions. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** SARIF 2.1.0 log with one rule per detector that fired; columns count UTF-16 code units. */
export function formatSarif(
  findings: readonly FileFinding[],
  detectors: readonly Detector[],
  lineStarts: ReadonlyMap<string, readonly number[]>,
): string {
  const fired = [...new Set(findings.map((f) => f.detector))].sort();
  const byId = new Map(detectors.map((d) => [d.id, d]));
  const rules = fired.map((id) => {
    const d = byId.get(id);
    return {
      id,
      name: d?.name ?? id,
      shortDescription: { text: d?.name ?? id },
      fullDescription: { text: d?.description ?? id },
      properties: { category: d?.category },
    };
  });
  const results = findings.map((f) => {
    const end = position(lineStarts.get(f.path) ?? [0], f.end);
    return {
      ruleId: f.detector,
      ruleIndex: fired.indexOf(f.detector),
      level: SARIF_LEVEL[f.confidence],
      message: { text: `${byId.get(f.detector)?.name ?? f.detector} (${f.confidence} confidence): ${f.masked}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: f.path === '-' ? 'stdin' : f.path.replace(/\\/g, '/') },
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: end.line,
              endColumn: end.column,
              charOffset: f.start,
              charLength: f.end - f.start,
            },
          },
        },
      ],
      properties: { category: f.category, confidence: f.confidence },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      { tool: { driver: { name: 'sightline-dlp', version: '0.1.0', rules } }, columnKind: 'utf16CodeUnits', results },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
