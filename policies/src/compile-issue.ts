/** A problem found while compiling one document, located by its path in the document. */
export interface CompileIssue {
  /** Path in the document, e.g. `['rules', 2, 'when']`. */
  path: (string | number)[];
  /** UTF-16 offset inside the string at `path` (an expression or a template), when known. */
  offset?: number;
  /** Point at the key rather than the value (unknown fields). */
  atKey?: boolean;
  message: string;
}

/** Reports every rule whose id was already used by an earlier rule. */
export function duplicateIds(rules: readonly { id: string }[]): CompileIssue[] {
  const first = new Map<string, number>();
  const issues: CompileIssue[] = [];
  rules.forEach((rule, index) => {
    const earlier = first.get(rule.id);
    if (earlier === undefined) first.set(rule.id, index);
    else
      issues.push({ path: ['rules', index, 'id'], message: `duplicate rule id '${rule.id}' (also rules[${earlier}])` });
  });
  return issues;
}

/** Formats a document path as `rules[2].when`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}
