/** Static CEL types used to declare the input schema and to type-check expressions before they are saved. */
export type ScalarKind =
  | 'bool'
  | 'int'
  | 'uint'
  | 'double'
  | 'string'
  | 'bytes'
  | 'null'
  | 'timestamp'
  | 'duration'
  | 'type'
  | 'dyn';

export type CelStaticType =
  | { readonly kind: ScalarKind; readonly values?: readonly string[] }
  | { readonly kind: 'list'; readonly elem: CelStaticType }
  | { readonly kind: 'map'; readonly key: CelStaticType; readonly value: CelStaticType }
  | { readonly kind: 'object'; readonly name: string; readonly fields: Readonly<Record<string, FieldSpec>> };

/** One field of an input object: its type, whether it may be absent, and what it means. */
export interface FieldSpec {
  readonly type: CelStaticType;
  readonly doc: string;
  readonly optional?: boolean;
}

export const t = {
  bool: { kind: 'bool' },
  int: { kind: 'int' },
  uint: { kind: 'uint' },
  double: { kind: 'double' },
  string: { kind: 'string' },
  bytes: { kind: 'bytes' },
  null: { kind: 'null' },
  timestamp: { kind: 'timestamp' },
  duration: { kind: 'duration' },
  type: { kind: 'type' },
  dyn: { kind: 'dyn' },
  /** A string restricted to `values`; comparing it with another literal is a save-time error. */
  enumOf: (values: readonly string[]): CelStaticType => ({ kind: 'string', values }),
  list: (elem: CelStaticType): CelStaticType => ({ kind: 'list', elem }),
  map: (key: CelStaticType, value: CelStaticType): CelStaticType => ({ kind: 'map', key, value }),
  object: (name: string, fields: Record<string, FieldSpec>): CelStaticType => ({ kind: 'object', name, fields }),
} as const satisfies Record<string, CelStaticType | ((...args: never[]) => CelStaticType)>;

/** Declares a field. */
export function field(type: CelStaticType, doc: string, optional = false): FieldSpec {
  return optional ? { type, doc, optional } : { type, doc };
}

/** Human-readable type name, as CEL writes it (`list(string)`, `map(string, int)`). */
export function typeName(type: CelStaticType): string {
  switch (type.kind) {
    case 'list':
      return `list(${typeName(type.elem)})`;
    case 'map':
      return `map(${typeName(type.key)}, ${typeName(type.value)})`;
    case 'object':
      return type.name;
    default:
      return type.kind;
  }
}

/** True for `int`, `uint` and `double`. */
export function isNumeric(type: CelStaticType): boolean {
  return type.kind === 'int' || type.kind === 'uint' || type.kind === 'double';
}

/** Whether values of the two types can be compared with `==` (CEL's heterogeneous equality is false, never an error, but such a comparison is always a mistake in a policy). */
export function comparable(a: CelStaticType, b: CelStaticType): boolean {
  if (a.kind === 'dyn' || b.kind === 'dyn' || a.kind === 'null' || b.kind === 'null') return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if (a.kind === 'list' && b.kind === 'list') return comparable(a.elem, b.elem);
  if (a.kind === 'map' && b.kind === 'map') return comparable(a.key, b.key) && comparable(a.value, b.value);
  if (a.kind === 'object' && b.kind === 'map') return true;
  if (a.kind === 'map' && b.kind === 'object') return true;
  return a.kind === b.kind;
}

/** The common type of two types, or `dyn` when they differ. */
export function unify(a: CelStaticType, b: CelStaticType): CelStaticType {
  if (a.kind === 'dyn' || b.kind === 'dyn') return t.dyn;
  if (a.kind === 'list' && b.kind === 'list') return t.list(unify(a.elem, b.elem));
  if (a.kind === 'map' && b.kind === 'map') return t.map(unify(a.key, b.key), unify(a.value, b.value));
  if (a.kind === b.kind && a.kind !== 'object') return { kind: a.kind } as CelStaticType;
  return t.dyn;
}
