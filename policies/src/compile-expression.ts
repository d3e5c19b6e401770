/** Parses, type-checks and plans one CEL expression once; the plan is reused for every evaluation. */
import { type CelInput, type CelValue, celEnv, isCelError, parse, plan, unparse } from '@bufbuild/cel';
import { type CelStaticType, typeName } from './cel-type.ts';
import { checkExpression, type ExpressionIssue } from './check-expression.ts';

const env = celEnv();

/** The outcome of one evaluation: a value, or the CEL error (e.g. a missing field) as a message. */
export type Evaluation = { ok: true; value: CelValue } | { ok: false; message: string };

/** A planned expression. */
export interface CompiledExpression {
  readonly source: string;
  /** The expression re-printed from its AST: formatting does not change it (used for the snapshot id). */
  readonly canonical: string;
  evaluate(bindings: Record<string, CelInput>): Evaluation;
}

export type CompileResult =
  | { ok: true; expression: CompiledExpression; warnings: ExpressionIssue[] }
  | { ok: false; issues: ExpressionIssue[] };

export interface CompileOptions {
  /** Declared variables and their types. */
  variables: Readonly<Record<string, CelStaticType>>;
  /** The type the expression must have (`bool` for conditions). */
  resultKind?: CelStaticType['kind'];
  /** CEL bindings that must evaluate without error (typed samples with every field present). */
  samples?: readonly Record<string, CelInput>[];
  /** CEL bindings whose errors are only warnings (samples with optional fields absent). */
  sparseSamples?: readonly Record<string, CelInput>[];
}

/** Compiles `source`: syntax, identifiers, fields and operator types are checked, then samples are evaluated. */
export function compileExpression(source: string, options: CompileOptions): CompileResult {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(source);
  } catch (error) {
    return { ok: false, issues: [syntaxIssue(source, error)] };
  }
  const { type, issues } = checkExpression(parsed, options.variables);
  if (issues.length === 0 && options.resultKind && type.kind !== options.resultKind && type.kind !== 'dyn') {
    issues.push({
      offset: 0,
      message: `the expression must be a ${options.resultKind}, but it is a ${typeName(type)}`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  const positions = parsed.sourceInfo?.positions ?? {};
  const offsetOf = (exprId: bigint | undefined) => (exprId === undefined ? 0 : (positions[String(exprId)] ?? 0));
  const run = plan(env, parsed);
  const expression: CompiledExpression = {
    source,
    canonical: unparse(parsed),
    evaluate(bindings) {
      const value = run(bindings);
      if (isCelError(value)) return { ok: false, message: value.message };
      return { ok: true, value };
    },
  };
  for (const sample of options.samples ?? []) {
    const value = run(sample);
    if (isCelError(value)) {
      issues.push({ offset: offsetOf(value.exprId), message: `fails on a typed sample input: ${value.message}` });
    } else if (options.resultKind && celKind(value) !== options.resultKind) {
      issues.push({
        offset: 0,
        message: `the expression must be a ${options.resultKind}, but it returned a ${celKind(value)}`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues: dedupe(issues) };
  const warnings: ExpressionIssue[] = [];
  for (const sample of options.sparseSamples ?? []) {
    const value = run(sample);
    if (isCelError(value)) {
      warnings.push({
        offset: offsetOf(value.exprId),
        message: `fails when optional fields are absent (${value.message}); guard them with has()`,
      });
    }
  }
  return { ok: true, expression, warnings: dedupe(warnings) };
}

function celKind(value: CelValue): string {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (value === null) return 'null';
  return 'value';
}

/** Turns the parser's `<input>:line:col: message` into an issue with an offset into `source`. */
function syntaxIssue(source: string, error: unknown): ExpressionIssue {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^<input>:(\d+):(\d+): (.*)$/s.exec(text);
  if (!match) return { offset: 0, message: `syntax error: ${text}` };
  const line = Number(match[1]);
  const column = Number(match[2]);
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf('\n', offset) + 1;
  return { offset: Math.min(source.length, offset + column - 1), message: `syntax error: ${match[3]}` };
}

function dedupe(issues: ExpressionIssue[]): ExpressionIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.offset}:${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
