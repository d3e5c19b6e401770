/** A keyword of the prefilter: lowercased char codes and the detectors it triggers. */
export interface Keyword {
  codes: number[];
  /**
   * The packed first codes the rolling register holds where the keyword is found (two for two-char keywords,
   * three for three-char ones, else four), so a bucket entry is rejected by one comparison; -1 for rare ones.
   */
  head: number;
  text: string;
  detectors: number[];
  /** Lower and upper case are the same (e.g. `आधार`, `マイナンバー`): found without lowercasing the text. */
  caseless: boolean;
}

const TABLE_SIZE = 1 << 16;

/** Hash of a rolling value of packed 7-bit ASCII codes into the 16-bit table index. */
export function tableHash(rolling: number): number {
  return Math.imul(rolling, 0x9e3779b1) >>> 16;
}

/**
 * Keyword lookup tables for a single pass over char codes. With `rolling` holding the last four lowercased
 * ASCII codes (7 bits each), keywords of length 2 are found by `pairs[rolling & 0x3fff]`, of length 3 by
 * hashing the last 21 bits, of length 4+ by hashing all 28 bits (their first four chars). Keywords whose
 * first two chars are not ASCII are rare and searched separately.
 */
export interface KeywordTable {
  /**
   * Per last two codes (`rolling & 0x3fff`): bit 1 a two-char keyword ends here, bit 2 a three-char keyword ends
   * in these two, bit 4 a longer keyword has these as its third and fourth chars. Zero skips all lookups.
   */
  gate: Uint8Array;
  /**
   * One bit per last three codes (`rolling & 0x1fffff`): set when some keyword may end or (for longer ones) have
   * its second to fourth chars there. Almost every position of ordinary text fails this single test.
   */
  triples: Int32Array;
  pairs: Uint8Array;
  pairKeywords: (Keyword[] | undefined)[];
  flags3: Uint8Array;
  buckets3: (Keyword[] | undefined)[];
  flags4: Uint8Array;
  buckets4: (Keyword[] | undefined)[];
  rare: Keyword[];
  hasPairs: boolean;
}

function push(list: (Keyword[] | undefined)[], index: number, k: Keyword): void {
  const bucket = list[index];
  if (bucket === undefined) list[index] = [k];
  else bucket.push(k);
}

function setTriple(triples: Int32Array, key: number): void {
  triples[key >>> 5]! |= 1 << (key & 31);
}

/** Builds the tables from lowercased keywords and their detector indices. */
export function buildKeywordTable(byKeyword: ReadonlyMap<string, number[]>): KeywordTable {
  const t: KeywordTable = {
    gate: new Uint8Array(128 * 128),
    triples: new Int32Array(1 << 16),
    pairs: new Uint8Array(128 * 128),
    pairKeywords: [],
    flags3: new Uint8Array(TABLE_SIZE),
    buckets3: [],
    flags4: new Uint8Array(TABLE_SIZE),
    buckets4: [],
    rare: [],
    hasPairs: false,
  };
  for (const [text, detectors] of byKeyword) {
    const codes = Array.from(text, (ch) => ch.charCodeAt(0));
    const k: Keyword = { codes, head: -1, text, detectors, caseless: text === text.toUpperCase() };
    const ascii = (n: number) => codes.slice(0, n).every((c) => c < 128);
    if (codes.length < 2 || !ascii(2)) t.rare.push(k);
    else if (codes.length === 3 && ascii(3)) {
      k.head = (codes[0]! << 14) | (codes[1]! << 7) | codes[2]!;
      const h = tableHash(k.head);
      t.gate[(codes[1]! << 7) | codes[2]!]! |= 2;
      setTriple(t.triples, (codes[0]! << 14) | (codes[1]! << 7) | codes[2]!);
      t.flags3[h] = 1;
      push(t.buckets3, h, k);
    } else if (codes.length >= 4 && ascii(4)) {
      k.head = (codes[0]! << 21) | (codes[1]! << 14) | (codes[2]! << 7) | codes[3]!;
      const h = tableHash(k.head);
      t.gate[(codes[2]! << 7) | codes[3]!]! |= 4;
      setTriple(t.triples, (codes[1]! << 14) | (codes[2]! << 7) | codes[3]!);
      t.flags4[h] = 1;
      push(t.buckets4, h, k);
    } else {
      const key = (codes[0]! << 7) | codes[1]!;
      k.head = key;
      t.pairs[key] = 1;
      t.gate[key]! |= 1;
      for (let before = 0; before < 128; before++) setTriple(t.triples, (before << 14) | key);
      push(t.pairKeywords, key, k);
      t.hasPairs = true;
    }
  }
  return t;
}

/** True when keyword `k` occurs at `at` (case-insensitive), comparing from its char `from` on. */
export function matchesAt(text: string, k: Keyword, at: number, from: number): boolean {
  const codes = k.codes;
  if (at < 0 || at + codes.length > text.length) return false;
  for (let j = from; j < codes.length; j++) {
    let c = text.charCodeAt(at + j);
    if (c >= 65 && c <= 90) c |= 32;
    else if (c >= 128) c = text[at + j]!.toLowerCase().charCodeAt(0);
    if (c !== codes[j]) return false;
  }
  return true;
}
