/**
 * Converts the plain objects the backend passes (numbers, ISO strings, Dates) into CEL input guided by
 * the declared schema: `int` fields become bigint, timestamps become protobuf Timestamps, undeclared
 * fields are dropped (expressions only see the schema) and `null`/`undefined` fields are left absent.
 */
import { type CelInput, celUint } from '@bufbuild/cel';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { CelStaticType } from './cel-type.ts';

/** Converts `value` to what CEL expects for `type`; values of the wrong JS type are passed through for CEL to reject. */
export function toCelInput(type: CelStaticType, value: unknown): CelInput {
  switch (type.kind) {
    case 'int':
      if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
      return value as CelInput;
    case 'uint':
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return celUint(BigInt(value));
      return value as CelInput;
    case 'double':
      return typeof value === 'bigint' ? Number(value) : (value as CelInput);
    case 'timestamp':
      if (value instanceof Date) return timestampFromDate(value);
      if (typeof value === 'string') {
        const date = new Date(value);
        if (!Number.isNaN(date.getTime())) return timestampFromDate(date);
      }
      return value as CelInput;
    case 'list':
      return Array.isArray(value) ? value.map((v) => toCelInput(type.elem, v)) : (value as CelInput);
    case 'map':
      if (!isRecord(value)) return value as CelInput;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, toCelInput(type.value, v)]),
      ) as unknown as CelInput;
    case 'object': {
      if (!isRecord(value)) return value as CelInput;
      const out: Record<string, CelInput> = {};
      for (const [name, spec] of Object.entries(type.fields)) {
        const v = Object.hasOwn(value, name) ? value[name] : undefined;
        if (v !== undefined && v !== null) out[name] = toCelInput(spec.type, v);
      }
      return out as unknown as CelInput;
    }
    default:
      return value as CelInput;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
