/**
 * Message templates: text with `{{path}}` placeholders. A path is a dotted name checked against the
 * input schema when the policy is saved; rendering only walks own properties of plain data, so a
 * template can never run code or reach anything the schema does not declare.
 */
import type { CelStaticType } from './cel-type.ts';

const placeholder = /\{\{\s*([^{}]*?)\s*\}\}/g;
const pathPattern = /^[a-zA-Z_][a-zA-Z0-9_]*(?:\.[a-zA-Z_][a-zA-Z0-9_]*)*$/;

/** A template problem; `offset` is an index into the template text. */
export interface TemplateIssue {
  offset: number;
  message: string;
}

/** Checks every placeholder against the variables' declared types. */
export function checkTemplate(template: string, variables: Readonly<Record<string, CelStaticType>>): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const stripped = template.replace(placeholder, (m) => ' '.repeat(m.length));
  const stray = stripped.search(/\{\{|\}\}/);
  if (stray >= 0) issues.push({ offset: stray, message: 'unbalanced {{ or }} in the message' });
  for (const match of template.matchAll(placeholder)) {
    const path = match[1] ?? '';
    const problem = checkPath(path, variables);
    if (problem) issues.push({ offset: match.index, message: problem });
  }
  return issues;
}

function checkPath(path: string, variables: Readonly<Record<string, CelStaticType>>): string | undefined {
  if (!pathPattern.test(path)) return `'{{${path}}}' is not a field path like {{asset.name}}`;
  const [root = '', ...rest] = path.split('.');
  let type = variables[root];
  if (!type) return `unknown placeholder root '${root}' (available: ${Object.keys(variables).join(', ')})`;
  for (const name of rest) {
    if (type.kind !== 'object' || !Object.hasOwn(type.fields, name)) return `unknown placeholder '{{${path}}}'`;
    type = type.fields[name]?.type;
    if (!type) return `unknown placeholder '{{${path}}}'`;
  }
  const leaf = type.kind === 'list' ? type.elem.kind : type.kind;
  if (leaf === 'object' || leaf === 'map' || leaf === 'list') return `'{{${path}}}' is not a printable value`;
  return undefined;
}

/** Renders a checked template over plain data; an absent value renders as `(unknown)`. */
export function renderTemplate(template: string, data: Readonly<Record<string, unknown>>): string {
  return template.replace(placeholder, (_, path: string) => format(lookup(data, path.split('.'))));
}

function lookup(data: unknown, path: string[]): unknown {
  let current: unknown = data;
  for (const name of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, name)) return undefined;
    current = (current as Record<string, unknown>)[name];
  }
  return current;
}

function format(value: unknown): string {
  if (value === undefined || value === null) return '(unknown)';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(format).join(', ');
  if (typeof value === 'object') return '(unknown)';
  return String(value);
}
