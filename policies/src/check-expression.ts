/**
 * A static type checker for the CEL subset policies use, over the parsed AST of `@bufbuild/cel`
 * (whose own checker is not exported). Unknown identifiers, unknown fields, operator type
 * mismatches and enum literals that cannot match are reported with the offset of the sub-expression.
 */
import type { parse } from '@bufbuild/cel';
import { type CelStaticType, t, typeName, unify } from './cel-type.ts';
import { checkCall } from './check-call.ts';
import { closest } from './closest.ts';

export type Expr = ReturnType<typeof parse>['expr'];

/** A problem found in an expression; `offset` is a UTF-16 index into the expression text. */
export interface ExpressionIssue {
  offset: number;
  message: string;
}

/** The context one checker pass needs: declared variables, offsets by expression id, issues found. */
export interface CheckContext {
  variables: Readonly<Record<string, CelStaticType>>;
  positions: Readonly<Record<string, number>>;
  issues: ExpressionIssue[];
  check(expr: Expr | undefined, scope: Scope): CelStaticType;
  report(expr: Expr, message: string): void;
}

type Scope = ReadonlyMap<string, CelStaticType>;

/** Type-checks a parsed expression against declared variables; returns its type and the issues found. */
export function checkExpression(
  parsed: ReturnType<typeof parse>,
  variables: Readonly<Record<string, CelStaticType>>,
): { type: CelStaticType; issues: ExpressionIssue[] } {
  const positions: Record<string, number> = {};
  for (const [id, offset] of Object.entries(parsed.sourceInfo?.positions ?? {})) positions[id] = offset;
  const ctx: CheckContext = {
    variables,
    positions,
    issues: [],
    check: (expr, scope) => (expr ? checkExpr(ctx, expr, scope) : t.dyn),
    report(expr, message) {
      this.issues.push({ offset: positions[String(expr.id)] ?? 0, message });
    },
  };
  const type = ctx.check(parsed.expr, new Map());
  return { type, issues: ctx.issues };
}

function checkExpr(ctx: CheckContext, expr: Expr, scope: Scope): CelStaticType {
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'constExpr':
      return constantType(kind.value.constantKind.case);
    case 'identExpr': {
      const found = scope.get(kind.value.name) ?? ctx.variables[kind.value.name];
      if (found) return found;
      const known = Object.keys(ctx.variables);
      const hint = closest(kind.value.name, known);
      ctx.report(
        expr,
        `unknown identifier '${kind.value.name}'${hint ? `; did you mean '${hint}'?` : ''} (available: ${known.join(', ')})`,
      );
      return t.dyn;
    }
    case 'selectExpr':
      return checkSelect(ctx, expr, kind.value.operand, kind.value.field, kind.value.testOnly, scope);
    case 'callExpr':
      return checkCall(ctx, expr, kind.value.function, kind.value.target, kind.value.args, scope);
    case 'listExpr': {
      let elem: CelStaticType | undefined;
      for (const e of kind.value.elements) {
        const et = ctx.check(e, scope);
        elem = elem ? unify(elem, et) : et;
      }
      return t.list(elem ?? t.dyn);
    }
    case 'structExpr':
      if (kind.value.messageName) ctx.report(expr, `message construction '${kind.value.messageName}' is not supported`);
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') ctx.check(entry.keyKind.value, scope);
        ctx.check(entry.value, scope);
      }
      return t.map(t.dyn, t.dyn);
    case 'comprehensionExpr': {
      const c = kind.value;
      const range = ctx.check(c.iterRange, scope);
      const inner = new Map(scope);
      if (range.kind === 'list') {
        inner.set(c.iterVar, range.elem);
      } else if (range.kind === 'map') {
        inner.set(c.iterVar, range.key);
      } else if (range.kind === 'object') {
        inner.set(c.iterVar, t.string);
      } else if (range.kind === 'dyn') {
        inner.set(c.iterVar, t.dyn);
      } else {
        ctx.report(c.iterRange ?? expr, `cannot iterate over ${typeName(range)}; expected a list or a map`);
        inner.set(c.iterVar, t.dyn);
      }
      if (c.iterVar2) inner.set(c.iterVar2, t.dyn);
      inner.set(c.accuVar, ctx.check(c.accuInit, scope));
      ctx.check(c.loopCondition, inner);
      inner.set(c.accuVar, unify(inner.get(c.accuVar) ?? t.dyn, ctx.check(c.loopStep, inner)));
      return ctx.check(c.result, inner);
    }
    default:
      return t.dyn;
  }
}

function checkSelect(
  ctx: CheckContext,
  expr: Expr,
  operand: Expr | undefined,
  name: string,
  testOnly: boolean,
  scope: Scope,
): CelStaticType {
  const base = ctx.check(operand, scope);
  let type: CelStaticType = t.dyn;
  if (base.kind === 'object') {
    const spec = base.fields[name];
    if (spec) {
      type = spec.type;
    } else {
      const hint = closest(name, Object.keys(base.fields));
      ctx.report(expr, `${base.name} has no field '${name}'${hint ? `; did you mean '${hint}'?` : ''}`);
    }
  } else if (base.kind === 'map') {
    if (base.key.kind !== 'string' && base.key.kind !== 'dyn') ctx.report(expr, `map keys are ${typeName(base.key)}`);
    type = base.value;
  } else if (base.kind !== 'dyn') {
    ctx.report(expr, `cannot select field '${name}' from ${typeName(base)}`);
  }
  return testOnly ? t.bool : type;
}

function constantType(kind: string | undefined): CelStaticType {
  switch (kind) {
    case 'boolValue':
      return t.bool;
    case 'int64Value':
      return t.int;
    case 'uint64Value':
      return t.uint;
    case 'doubleValue':
      return t.double;
    case 'stringValue':
      return t.string;
    case 'bytesValue':
      return t.bytes;
    case 'nullValue':
      return t.null;
    case 'durationValue':
      return t.duration;
    case 'timestampValue':
      return t.timestamp;
    default:
      return t.dyn;
  }
}
