/** Document parameters: their static types (inferred from the YAML values) and their CEL values. */
import type { CelInput } from '@bufbuild/cel';
import { type CelStaticType, type FieldSpec, field, t, unify } from './cel-type.ts';
import type { PolicyParams } from './policy-schema.ts';
import { toCelInput } from './to-cel-input.ts';

/** The static type of `params` for one document. */
export function paramsType(params: PolicyParams): CelStaticType {
  const fields: Record<string, FieldSpec> = {};
  for (const [name, value] of Object.entries(params)) fields[name] = field(valueType(value), `parameter ${name}`);
  return t.object('Params', fields);
}

/** The CEL binding of `params`. */
export function paramsInput(params: PolicyParams): CelInput {
  return toCelInput(paramsType(params), params);
}

function valueType(value: unknown): CelStaticType {
  if (typeof value === 'boolean') return t.bool;
  if (typeof value === 'string') return t.string;
  if (typeof value === 'number') return Number.isInteger(value) ? t.int : t.double;
  if (Array.isArray(value)) {
    const types = value.map(valueType);
    const first = types[0];
    return t.list(first ? types.reduce(unify, first) : t.dyn);
  }
  return t.dyn;
}
