import { observationInputSchema } from '@sightline/backend/observations';
import { expect } from 'vitest';
import type { Cursor, ObservationInput, PersonInput, SyncOptions } from '../types.ts';

/**
 * An in-memory runner for connector tests: checks every emitted batch (valid observations, unique source
 * references, a JSON-safe cursor), keeps the observations, people and last cursor, and aborts after `abortAfter`
 * batches as a lost lease or a killed process would.
 */
export function syncCollector(cursor: Cursor | null = null, abortAfter = Number.POSITIVE_INFINITY) {
  const controller = new AbortController();
  const state = { cursor, batches: 0, observations: [] as ObservationInput[], people: [] as PersonInput[] };
  const options: SyncOptions = {
    cursor,
    signal: controller.signal,
    progress: () => {},
    async emit(batch) {
      for (const o of batch.observations) observationInputSchema.parse(o);
      expect(new Set(batch.observations.map((o) => o.sourceRef)).size).toBe(batch.observations.length);
      expect(JSON.parse(JSON.stringify(batch.cursor))).toEqual(batch.cursor);
      state.observations.push(...batch.observations);
      state.people.push(...(batch.people ?? []));
      state.cursor = batch.cursor;
      if (++state.batches >= abortAfter) controller.abort(new Error('lease lost'));
    },
  };
  return { state, options, abort: (reason: Error) => controller.abort(reason) };
}
