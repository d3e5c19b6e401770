/** Validation on save: YAML syntax, schema (unknown and missing fields), rule ids, CEL, templates and DLP rules. */
import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type CompiledDlp, compileDlp } from './compile-dlp.ts';
import { type CompileIssue, formatPath } from './compile-issue.ts';
import {
  type CompiledClassification,
  type CompiledExposure,
  compileClassification,
  compileExposure,
} from './compile-rules.ts';
import { type Policy, policySchema } from './policy-schema.ts';
import { locate } from './yaml-location.ts';

/** A validation problem: the path in the document (`rules[2].when`), 1-based line and column, and what is wrong. */
export interface PolicyIssue {
  path: string;
  line: number;
  column: number;
  message: string;
}

export type ValidationResult =
  | { ok: true; policy: Policy; warnings: PolicyIssue[] }
  | { ok: false; errors: PolicyIssue[]; warnings: PolicyIssue[] };

/** A compiled document of any kind. */
export type CompiledDocument =
  | { kind: 'classification'; compiled: CompiledClassification }
  | { kind: 'exposure'; compiled: CompiledExposure }
  | { kind: 'dlp-actions'; compiled: CompiledDlp };

type Checked<I> =
  | { ok: true; policy: Policy; document: CompiledDocument; warnings: I[] }
  | { ok: false; errors: I[]; warnings: I[] };

/** Validates one policy document given as YAML text; errors point at the rule and field at fault. */
export function validatePolicy(yamlText: string): ValidationResult {
  const result = analysePolicy(yamlText);
  return result.ok ? { ok: true, policy: result.policy, warnings: result.warnings } : result;
}

/** `validatePolicy`, also returning the compiled document. */
export function analysePolicy(yamlText: string): Checked<PolicyIssue> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { path: '', line: pos.line, column: pos.col, message: `YAML: ${e.message.split('\n')[0]}` };
    });
    return { ok: false, errors, warnings: [] };
  }
  const where = (issue: CompileIssue): PolicyIssue => ({
    path: formatPath(issue.path),
    ...locate(doc as Document, yamlText, lineCounter, issue.path, issue),
    message: issue.message,
  });
  const result = checkPolicy(doc.toJS({ maxAliasCount: 100 }));
  if (!result.ok) return { ok: false, errors: result.errors.map(where), warnings: result.warnings.map(where) };
  return { ...result, warnings: result.warnings.map(where) };
}

/** Validates a parsed policy value (no line information): schema, then compilation. */
export function checkPolicy(data: unknown): Checked<CompileIssue> {
  if (data === null || data === undefined) {
    return { ok: false, errors: [{ path: [], message: 'the document is empty' }], warnings: [] };
  }
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) return { ok: false, errors: schemaIssues(parsed.error, data), warnings: [] };
  const policy = parsed.data;
  if (policy.kind === 'dlp-actions') {
    const dlp = compileDlp(policy);
    if (!dlp.ok) return { ok: false, errors: dlp.errors, warnings: [] };
    return { ok: true, policy, document: { kind: policy.kind, compiled: dlp.compiled }, warnings: [] };
  }
  if (policy.kind === 'classification') {
    const compiled = compileClassification(policy);
    if (!compiled.ok) return compiled;
    return {
      ok: true,
      policy,
      document: { kind: policy.kind, compiled: compiled.compiled },
      warnings: compiled.warnings,
    };
  }
  const compiled = compileExposure(policy);
  if (!compiled.ok) return compiled;
  return {
    ok: true,
    policy,
    document: { kind: policy.kind, compiled: compiled.compiled },
    warnings: compiled.warnings,
  };
}

function schemaIssues(error: z.ZodError, data: unknown): CompileIssue[] {
  const out: CompileIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], atKey: true, message: `unknown field '${key}'` });
    } else if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
      const name = path.at(-1);
      out.push({ path, message: `missing field '${String(name ?? '')}'` });
    } else if (issue.code === 'invalid_union' && path.at(-1) === 'kind') {
      out.push({ path, message: `kind must be one of classification, exposure, dlp-actions` });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
