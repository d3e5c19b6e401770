/** A scored candidate before it becomes a finding. */
export interface Candidate {
  detector: number;
  start: number;
  end: number;
  value: string;
  level: number;
  generic: boolean;
  /** A context word of the detector stood nearby. */
  context: boolean;
}

function better(a: Candidate, b: Candidate): number {
  if (a.generic !== b.generic) return a.generic ? 1 : -1;
  if (a.level !== b.level) return b.level - a.level;
  if (a.context !== b.context) return a.context ? -1 : 1;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return lb - la;
  return a.start - b.start || a.detector - b.detector;
}

/**
 * Keeps one candidate per overlapping group: specific before generic, then higher confidence, then with context, then longer.
 * Candidates are clustered by overlap first, so the work stays linear for many separate findings.
 * Returns the survivors sorted by start.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length <= 1) return candidates;
  const byStart = [...candidates].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = () => {
    if (cluster.length === 1) out.push(cluster[0]!);
    else if (cluster.length > 1) {
      const kept: Candidate[] = [];
      for (const c of cluster.sort(better)) {
        if (kept.every((k) => c.end <= k.start || c.start >= k.end)) kept.push(c);
      }
      out.push(...kept.sort((a, b) => a.start - b.start));
    }
    cluster = [];
  };
  for (const c of byStart) {
    if (c.start >= clusterEnd) flush();
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  flush();
  return out;
}
