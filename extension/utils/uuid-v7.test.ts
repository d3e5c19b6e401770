import { uuidv7Schema } from '@sightline/backend/protocol';
import { describe, expect, it } from 'vitest';
import { uuidV7 } from './uuid-v7.ts';

describe('uuidV7', () => {
  it.each([0, 1, 1_700_000_000_000, 2 ** 48 - 1])(
    'encodes time %d in the first 48 bits and passes the protocol schema',
    (t) => {
      const id = uuidV7(t);
      expect(uuidv7Schema.safeParse(id).success).toBe(true);
      expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t);
    },
  );
  it('sorts by time and never repeats', () => {
    const ids = Array.from({ length: 200 }, (_, i) => uuidV7(1_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => uuidV7(5))).size).toBe(1000);
  });
});
