/** Type rules for CEL operators and the standard functions and methods policies may call. */
import { type CelStaticType, comparable, isNumeric, t, typeName } from './cel-type.ts';
import type { CheckContext, Expr } from './check-expression.ts';

type Scope = ReadonlyMap<string, CelStaticType>;

const operators: Record<string, string> = {
  '_&&_': '&&',
  '_||_': '||',
  '!_': '!',
  '-_': '-',
  '_==_': '==',
  '_!=_': '!=',
  '_<_': '<',
  '_<=_': '<=',
  '_>_': '>',
  '_>=_': '>=',
  '_+_': '+',
  '_-_': '-',
  '_*_': '*',
  '_/_': '/',
  '_%_': '%',
  '@in': 'in',
  '_[_]': '[]',
  '_?_:_': '?:',
};

const conversions: Record<string, CelStaticType> = {
  int: t.int,
  uint: t.uint,
  double: t.double,
  string: t.string,
  bool: t.bool,
  bytes: t.bytes,
  timestamp: t.timestamp,
  duration: t.duration,
  dyn: t.dyn,
  type: t.type,
};

const stringMethods = new Set(['contains', 'startsWith', 'endsWith', 'matches']);

/** Checks one call node (operator, function or method) and returns its result type. */
export function checkCall(
  ctx: CheckContext,
  expr: Expr,
  fn: string,
  target: Expr | undefined,
  args: readonly Expr[],
  scope: Scope,
): CelStaticType {
  const types = args.map((a) => ctx.check(a, scope));
  const targetType = target ? ctx.check(target, scope) : undefined;
  const op = operators[fn];
  if (op) return checkOperator(ctx, expr, op, args, types);
  if (fn === '@not_strictly_false') return t.bool;
  if (targetType) return checkMethod(ctx, expr, fn, targetType, types);
  if (fn === 'size') {
    if (types.length === 1 && types[0]) sizeable(ctx, expr, types[0]);
    return t.int;
  }
  if (fn === 'matches' && types.length === 2) {
    expect(ctx, expr, 'matches', types[0], 'string');
    expect(ctx, expr, 'matches', types[1], 'string');
    return t.bool;
  }
  const conversion = conversions[fn];
  if (conversion && types.length === 1) {
    if ((fn === 'timestamp' || fn === 'duration') && types[0]?.kind !== 'string' && types[0]?.kind !== fn) {
      ctx.report(args[0] ?? expr, `${fn}() expects a string, got ${typeName(types[0] ?? t.dyn)}`);
    }
    return conversion;
  }
  ctx.report(expr, `unknown function '${fn}'`);
  return t.dyn;
}

function checkMethod(
  ctx: CheckContext,
  expr: Expr,
  fn: string,
  target: CelStaticType,
  types: CelStaticType[],
): CelStaticType {
  if (fn === 'size' && types.length === 0) {
    sizeable(ctx, expr, target);
    return t.int;
  }
  if (stringMethods.has(fn) && types.length === 1) {
    expect(ctx, expr, fn, target, 'string');
    expect(ctx, expr, fn, types[0], 'string');
    return t.bool;
  }
  if (fn.startsWith('get') && (target.kind === 'timestamp' || target.kind === 'duration' || target.kind === 'dyn')) {
    return t.int;
  }
  ctx.report(expr, `unknown method '${fn}' on ${typeName(target)}`);
  return t.dyn;
}

function checkOperator(
  ctx: CheckContext,
  expr: Expr,
  op: string,
  args: readonly Expr[],
  types: CelStaticType[],
): CelStaticType {
  const [a = t.dyn, b = t.dyn, c = t.dyn] = types;
  switch (op) {
    case '&&':
    case '||':
      expect(ctx, args[0] ?? expr, op, a, 'bool');
      expect(ctx, args[1] ?? expr, op, b, 'bool');
      return t.bool;
    case '!':
      expect(ctx, args[0] ?? expr, op, a, 'bool');
      return t.bool;
    case '?:':
      expect(ctx, args[0] ?? expr, 'the condition of ?:', a, 'bool');
      return comparable(b, c) && b.kind === c.kind ? b : t.dyn;
    case '==':
    case '!=':
      if (!comparable(a, b)) ctx.report(expr, `cannot compare ${typeName(a)} ${op} ${typeName(b)}`);
      checkEnumLiteral(ctx, a, args[1]);
      checkEnumLiteral(ctx, b, args[0]);
      return t.bool;
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (!ordered(a, b)) ctx.report(expr, `cannot order ${typeName(a)} ${op} ${typeName(b)}`);
      return t.bool;
    case 'in':
      return checkIn(ctx, expr, a, b, args);
    case '[]':
      return checkIndex(ctx, expr, a, b);
    case '-':
      if (types.length === 1) {
        if (!isNumeric(a) && a.kind !== 'dyn' && a.kind !== 'duration')
          ctx.report(expr, `cannot negate ${typeName(a)}`);
        return a;
      }
      return arithmetic(ctx, expr, op, a, b);
    default:
      return arithmetic(ctx, expr, op, a, b);
  }
}

function arithmetic(ctx: CheckContext, expr: Expr, op: string, a: CelStaticType, b: CelStaticType): CelStaticType {
  if (a.kind === 'dyn' || b.kind === 'dyn') return t.dyn;
  if (isNumeric(a) && a.kind === b.kind) return a.kind === 'int' ? t.int : a.kind === 'uint' ? t.uint : t.double;
  if (op === '+' && a.kind === 'string' && b.kind === 'string') return t.string;
  if (op === '+' && a.kind === 'list' && b.kind === 'list') return t.list(a.elem.kind === b.elem.kind ? a.elem : t.dyn);
  if (op === '+' && a.kind === 'timestamp' && b.kind === 'duration') return t.timestamp;
  if (op === '+' && a.kind === 'duration' && b.kind === 'timestamp') return t.timestamp;
  if ((op === '+' || op === '-') && a.kind === 'duration' && b.kind === 'duration') return t.duration;
  if (op === '-' && a.kind === 'timestamp' && b.kind === 'duration') return t.timestamp;
  if (op === '-' && a.kind === 'timestamp' && b.kind === 'timestamp') return t.duration;
  const hint = isNumeric(a) && isNumeric(b) ? ' (convert one side with int() or double())' : '';
  ctx.report(expr, `operator ${op} is not defined for ${typeName(a)} and ${typeName(b)}${hint}`);
  return t.dyn;
}

function checkIn(
  ctx: CheckContext,
  expr: Expr,
  elem: CelStaticType,
  container: CelStaticType,
  args: readonly Expr[],
): CelStaticType {
  if (container.kind === 'list') {
    if (!comparable(elem, container.elem)) {
      ctx.report(expr, `cannot look for ${typeName(elem)} in ${typeName(container)}`);
    }
    const list = args[1]?.exprKind;
    if (list?.case === 'listExpr') for (const e of list.value.elements) checkEnumLiteral(ctx, elem, e);
    checkEnumLiteral(ctx, container.elem, args[0]);
  } else if (container.kind === 'map' || container.kind === 'object') {
    const key = container.kind === 'map' ? container.key : t.string;
    if (!comparable(elem, key)) ctx.report(expr, `cannot look for ${typeName(elem)} among ${typeName(key)} keys`);
  } else if (container.kind !== 'dyn') {
    ctx.report(expr, `'in' needs a list or a map on its right, got ${typeName(container)}`);
  }
  return t.bool;
}

function checkIndex(ctx: CheckContext, expr: Expr, container: CelStaticType, index: CelStaticType): CelStaticType {
  if (container.kind === 'list') {
    if (index.kind !== 'int' && index.kind !== 'uint' && index.kind !== 'dyn') {
      ctx.report(expr, `a list index must be an int, got ${typeName(index)}`);
    }
    return container.elem;
  }
  if (container.kind === 'map') return container.value;
  if (container.kind === 'object') return t.dyn;
  if (container.kind !== 'dyn') ctx.report(expr, `cannot index ${typeName(container)}`);
  return t.dyn;
}

/** A string literal compared with an enum-typed value must be one of the enum's values. */
function checkEnumLiteral(ctx: CheckContext, type: CelStaticType, other: Expr | undefined): void {
  if (type.kind !== 'string' || !type.values || other?.exprKind.case !== 'constExpr') return;
  const constant = other.exprKind.value.constantKind;
  if (constant.case !== 'stringValue' || type.values.includes(constant.value)) return;
  ctx.report(other, `'${constant.value}' can never match: expected one of ${type.values.join(', ')}`);
}

function ordered(a: CelStaticType, b: CelStaticType): boolean {
  if (a.kind === 'dyn' || b.kind === 'dyn') return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  return a.kind === b.kind && ['string', 'timestamp', 'duration', 'bool', 'bytes'].includes(a.kind);
}

function sizeable(ctx: CheckContext, expr: Expr, type: CelStaticType): void {
  if (!['string', 'bytes', 'list', 'map', 'object', 'dyn'].includes(type.kind)) {
    ctx.report(expr, `size() is not defined for ${typeName(type)}`);
  }
}

function expect(ctx: CheckContext, expr: Expr, what: string, type: CelStaticType | undefined, kind: 'bool' | 'string') {
  if (type && type.kind !== kind && type.kind !== 'dyn')
    ctx.report(expr, `${what} expects ${kind}, got ${typeName(type)}`);
}
