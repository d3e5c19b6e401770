import type { Scanner } from '../../src/engine/scanner.ts';
import { type DlpCategory, dlpCategories, type Finding } from '../../src/types.ts';
import type { CorpusDoc, Planted } from './build.ts';

/** Precision and recall of one category at medium+ confidence. */
export interface CategoryScore {
  category: DlpCategory;
  planted: number;
  found: number;
  findings: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

/** The scores plus what went wrong, for the report. */
export interface Evaluation {
  rows: CategoryScore[];
  misses: { planted: Planted; text: string }[];
  falsePositives: { finding: Finding; text: string }[];
}

function overlaps(f: Finding, p: Planted): boolean {
  return f.start < p.end && p.start < f.end && f.category === p.category;
}

/** Scans every document and scores findings against the planted labels, per category. */
export function evaluate(scanner: Scanner, docs: readonly CorpusDoc[]): Evaluation {
  const counts = new Map(dlpCategories.map((c) => [c, { planted: 0, found: 0, findings: 0, fp: 0 }]));
  const misses: Evaluation['misses'] = [];
  const falsePositives: Evaluation['falsePositives'] = [];
  for (const doc of docs) {
    const findings = scanner.scan(doc.text);
    for (const p of doc.planted) {
      const c = counts.get(p.category)!;
      c.planted++;
      if (findings.some((f) => overlaps(f, p))) c.found++;
      else misses.push({ planted: p, text: doc.text.slice(Math.max(0, p.start - 40), p.end + 20) });
    }
    for (const f of findings) {
      const c = counts.get(f.category)!;
      c.findings++;
      // An e-mail address inside a planted credential snippet (`X-Auth-Email: ...`) is a true finding, not noise.
      const inSnippet = f.detector === 'email-address' && doc.planted.some((p) => f.start >= p.start && f.end <= p.end);
      if (!inSnippet && !doc.planted.some((p) => overlaps(f, p))) {
        c.fp++;
        falsePositives.push({ finding: f, text: doc.text.slice(Math.max(0, f.start - 40), f.end + 20) });
      }
    }
  }
  const rows = dlpCategories.map((category) => {
    const c = counts.get(category)!;
    return {
      category,
      planted: c.planted,
      found: c.found,
      findings: c.findings,
      falsePositives: c.fp,
      precision: c.findings === 0 ? 1 : (c.findings - c.fp) / c.findings,
      recall: c.planted === 0 ? 1 : c.found / c.planted,
    };
  });
  return { rows, misses, falsePositives };
}

/** The per-category table as aligned text. */
export function formatTable(rows: readonly CategoryScore[]): string {
  const header = ['category', 'planted', 'found', 'recall', 'findings', 'false pos', 'precision'];
  const body = rows.map((r) => [
    r.category,
    String(r.planted),
    String(r.found),
    r.recall.toFixed(4),
    String(r.findings),
    String(r.falsePositives),
    r.precision.toFixed(4),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
