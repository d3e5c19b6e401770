/** Typed sample values for the declared schema, used to evaluate every rule once when it is saved. */
import type { CelStaticType } from './cel-type.ts';

/** A sample plain value of `type`: every field present (`withOptional`) or every optional field absent. */
export function sampleInput(type: CelStaticType, withOptional = true): unknown {
  switch (type.kind) {
    case 'bool':
      return true;
    case 'int':
    case 'double':
      return 1;
    case 'uint':
      return 1;
    case 'string':
      return type.values?.[0] ?? 'sample';
    case 'timestamp':
      return '2025-01-01T00:00:00Z';
    case 'list':
      return [sampleInput(type.elem, withOptional)];
    case 'map':
      return { sample: sampleInput(type.value, withOptional) };
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, spec] of Object.entries(type.fields)) {
        if (!spec.optional || withOptional) out[name] = sampleInput(spec.type, withOptional);
      }
      return out;
    }
    default:
      return null;
  }
}
