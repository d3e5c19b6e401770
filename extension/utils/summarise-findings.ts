import type { Finding } from '@sightline/dlp';
import type { PolicyCategory } from './page-policy.ts';

const RANK = { low: 0, medium: 1, high: 2 } as const;

/** One line of a `dlp` event: per detector, count, top confidence and up to 20 distinct truncated value hashes. */
export interface FindingSummary {
  detector: string;
  category: PolicyCategory;
  confidence: 'low' | 'medium' | 'high';
  count: number;
  hashes: string[];
  masked?: string[];
}

/** Groups findings by detector for reporting: never the value, only its salted hash (and a masked preview if allowed). */
export function summariseFindings(
  findings: readonly Finding[],
  categoryOf: (f: Finding) => PolicyCategory,
  maskedPreviews: boolean,
): FindingSummary[] {
  const byDetector = new Map<string, FindingSummary>();
  for (const f of findings) {
    let s = byDetector.get(f.detector);
    if (!s) {
      s = { detector: f.detector, category: categoryOf(f), confidence: f.confidence, count: 0, hashes: [] };
      if (maskedPreviews) s.masked = [];
      byDetector.set(f.detector, s);
    }
    s.count++;
    if (RANK[f.confidence] > RANK[s.confidence]) s.confidence = f.confidence;
    const hash = f.hash.slice(0, 32);
    if (!s.hashes.includes(hash) && s.hashes.length < 20) {
      s.hashes.push(hash);
      if (s.masked && s.masked.length < 20) s.masked.push(f.masked.slice(0, 40));
    }
  }
  return [...byDetector.values()].slice(0, 100);
}

/** Replaces every finding's span with a marker naming what was removed. */
export function redactText(text: string, findings: readonly Finding[], label: (f: Finding) => string): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += `${text.slice(at, f.start)}[redacted ${label(f)}]`;
    at = f.end;
  }
  return out + text.slice(at);
}
