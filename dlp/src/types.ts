/** What kind of sensitive data a detector finds. */
export const dlpCategories = ['secret', 'pii', 'financial', 'health', 'confidential'] as const;
export type DlpCategory = (typeof dlpCategories)[number];

/** How sure a finding is. Only `medium` and `high` are acted on by default. */
export const confidences = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof confidences)[number];

/**
 * What must occur in the text before a detector's pattern runs at all (the prefilter).
 * - `keywords`: case-insensitive literal substrings (token prefixes such as `ghp_`, or words such as `passport`);
 *   at least one must occur. The engine runs the pattern only near occurrences (within `window`).
 * - `digits`: the text must hold a run of at least this many digits (separators `-`, ` `, `.`, `/` allowed
 *   between digit groups); the pattern runs only around such runs.
 * - `char`: a literal character that every match contains (e.g. `@` for e-mail).
 * - `always`: no prefilter, the pattern runs over the whole text (only for custom regexes without keywords).
 * Digit triggers search `window` characters beyond the run (default 32); the others `window` around the hit (default 300).
 */
export type Trigger = { keywords: readonly string[] } | { digits: number } | { char: string } | { always: true };

/**
 * One detector. Every detector is plain data plus pure functions, so it runs the same in the page and in Node.
 * Rules for `pattern`: it has the `g` flag; only bounded quantifiers on anything that can repeat
 * (no `(a+)+`, no unbounded `.*` between two parts); the sensitive value is the named group `value`
 * when present, else the whole match.
 */
export interface Detector {
  /** Stable kebab-case id, e.g. `github-pat-fine-grained`. Reported in findings and policies. */
  id: string;
  /** Human name shown to the employee, e.g. "GitHub fine-grained personal access token". */
  name: string;
  category: DlpCategory;
  /** One sentence: what it finds and how it validates. */
  description: string;
  trigger: Trigger;
  pattern: RegExp;
  /**
   * Confidence of a match that passed `validate`, before context scoring.
   * A distinctive prefix or a passing checksum: `high`. A bare shape with no checksum: `low` or `medium`.
   */
  confidence: Confidence;
  /** Checksum or structural check on the value (`match` gives the other groups); `false` drops the candidate. */
  validate?: (value: string, match?: RegExpExecArray) => boolean;
  /**
   * Words (case-insensitive) that, found within `contextWindow` characters before or after the value,
   * raise confidence by one level (e.g. `ssn`, `social security`).
   */
  context?: readonly string[];
  /** Without a context word the finding is capped at `low` (for shapes common in innocent text). */
  requiresContext?: boolean;
  /** Characters around a trigger that the engine searches for the pattern; default 300 (32 beyond a digit run). */
  window?: number;
  /** Characters before and after the value searched for `context` words; default 300. */
  contextWindow?: number;
  /**
   * A catch-all detector (generic assignment, `Authorization` header): when its finding overlaps a finding of a
   * specific detector, the specific one wins whatever the confidences.
   */
  generic?: boolean;
  /**
   * Optional, for a keyword detector whose matches can only start at few, computable positions before a keyword
   * (e.g. the start of the identifier that ends in it): pushes onto `out` every position where a match holding
   * the keyword occurrence at `at` may start (a superset, any order). The engine then tries the pattern there
   * only (sticky, in ascending order, as a global search over the whole text would find them) instead of
   * searching the regions around the occurrences.
   */
  matchStarts?: (text: string, at: number, out: number[]) => void;
  /** Replaces `confidence` per value (e.g. by entropy); called after `validate` passed, before context scoring. */
  confidenceOf?: (value: string, match?: RegExpExecArray) => Confidence;
  /**
   * Own examples. Each positive must yield a finding of this detector at medium+ confidence when scanned
   * with the full engine; no negative may yield a finding of this detector at medium+.
   */
  examples: { positive: readonly string[]; negative: readonly string[] };
}

/** A finding as it may leave the scanner: never the raw value. */
export interface Finding {
  detector: string;
  category: DlpCategory;
  confidence: Confidence;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
  /** At most 4 characters of the value shown, the rest replaced by `*` (length preserved up to 32). */
  masked: string;
  /** Hex SHA-256 of salt + value, to correlate repeats without the value. */
  hash: string;
}
