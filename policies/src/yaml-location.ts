/** Maps a path in a parsed YAML document (and an offset inside a string value) to a 1-based line and column. */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node, Scalar } from 'yaml';

export interface Location {
  line: number;
  column: number;
}

/** Locates `path` in `doc`; when the path does not exist, the deepest existing node is used. */
export function locate(
  doc: Document,
  text: string,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  options: { offset?: number; atKey?: boolean } = {},
): Location {
  let node: Node | null | undefined = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) break;
    node = next.value ?? next.key;
    keyNode = next.key;
  }
  const target = options.atKey && keyNode ? keyNode : node;
  let offset = target?.range?.[0] ?? 0;
  if (options.offset !== undefined && isScalar(target) && typeof target.value === 'string' && target.range) {
    offset = offsetInScalar(text, target, options.offset);
  }
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function child(node: unknown, segment: string | number): { key?: Node; value?: Node } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (key === segment) return { key: pair.key as Node, value: (pair.value ?? undefined) as Node | undefined };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item ? { value: item as Node } : undefined;
  }
  return undefined;
}

/**
 * Aligns the scalar's value with its source text (skipping quotes, block headers, indentation and
 * folding) to find where character `offset` of the value is written.
 */
function offsetInScalar(text: string, scalar: Scalar, offset: number): number {
  const [start, end] = scalar.range as [number, number, number];
  let j = start;
  if (scalar.type === Scalar.QUOTE_DOUBLE || scalar.type === Scalar.QUOTE_SINGLE) j += 1;
  if (scalar.type === Scalar.BLOCK_LITERAL || scalar.type === Scalar.BLOCK_FOLDED) {
    const newline = text.indexOf('\n', start);
    j = newline < 0 ? end : newline + 1;
  }
  const value = scalar.value as string;
  for (let i = 0; i < offset && i < value.length && j < end; i++) {
    while (j < end && text[j] !== value[i] && !(isSpace(value[i]) && isSpace(text[j]))) j++;
    j++;
  }
  while (j < end && isSpace(text[j]) && !isSpace(value[offset])) j++;
  return Math.min(j, end);
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r';
}
