import type { DeviceEvent } from '@sightline/backend/protocol';
import type { OverflowState, StorageItems } from './storage.ts';
import { uuidV7 } from './uuid-v7.ts';

type Items = Pick<StorageItems, 'queue' | 'overflow'>;
type DroppableKind = keyof OverflowState['dropped'];

/**
 * The persistent event queue. Bounded: when full, a `dlp` event evicts the oldest non-dlp event, anything else
 * is dropped; every drop is counted per kind and reported later as one `queue_overflow` event. All changes go
 * through one promise chain, so concurrent callers in the worker never lose an update.
 */
export function createEventQueue(items: Items, options: { maxEvents?: number; now?: () => number } = {}) {
  const maxEvents = options.maxEvents ?? 10_000;
  const now = options.now ?? Date.now;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  const countDrop = async (kind: DroppableKind) => {
    const state = (await items.overflow.getValue()) ?? { dropped: {}, since: new Date(now()).toISOString() };
    state.dropped[kind] = (state.dropped[kind] ?? 0) + 1;
    await items.overflow.setValue(state);
  };

  // Additions waiting for the next write: a burst of reports costs one storage write, not one per event.
  let pending: { events: readonly DeviceEvent[]; done: (kept: number) => void }[] = [];
  const drain = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const queue = [...(await items.queue.getValue())];
    const kept: number[] = [];
    for (const { events } of batch) {
      let n = 0;
      for (const event of events) {
        if (queue.length < maxEvents) {
          queue.push(event);
          n++;
          continue;
        }
        const victim =
          event.kind === 'dlp' ? queue.findIndex((e) => e.kind !== 'dlp' && e.kind !== 'queue_overflow') : -1;
        if (victim === -1) {
          if (event.kind !== 'queue_overflow') await countDrop(event.kind);
          continue;
        }
        const [dropped] = queue.splice(victim, 1);
        await countDrop(dropped!.kind as DroppableKind);
        queue.push(event);
        n++;
      }
      kept.push(n);
    }
    try {
      await items.queue.setValue(queue);
      for (const [i, b] of batch.entries()) b.done(kept[i]!);
    } catch (err) {
      console.error('sightline: queue write failed', err);
      for (const b of batch) b.done(0);
    }
  };

  return {
    /** Appends events; resolves with how many were kept once they are in storage. */
    add(events: readonly DeviceEvent[]): Promise<number> {
      return new Promise<number>((resolve) => {
        if (pending.length === 0) void serial(drain);
        pending.push({ events, done: resolve });
      });
    },

    /** The oldest events, at most `max` and about `maxBytes` of JSON; a pending overflow count is queued first. */
    peek(max: number, maxBytes = 900_000): Promise<DeviceEvent[]> {
      return serial(async () => {
        const overflow = await items.overflow.getValue();
        const queue = [...(await items.queue.getValue())];
        if (overflow && Object.keys(overflow.dropped).length > 0) {
          const at = new Date(now()).toISOString();
          queue.unshift({
            id: uuidV7(now()),
            at,
            kind: 'queue_overflow',
            dropped: overflow.dropped,
            since: overflow.since,
          });
          await items.queue.setValue(queue);
          await items.overflow.setValue(null);
        }
        const batch: DeviceEvent[] = [];
        let bytes = 20;
        for (const event of queue) {
          if (batch.length >= max) break;
          const size = JSON.stringify(event).length + 1;
          if (batch.length > 0 && bytes + size > maxBytes) break;
          batch.push(event);
          bytes += size;
        }
        return batch;
      });
    },

    /** Removes the events with these ids (the backend answered for them: accepted, duplicate or rejected). */
    remove(ids: ReadonlySet<string>): Promise<void> {
      return serial(async () => {
        const queue = [...(await items.queue.getValue())];
        await items.queue.setValue(queue.filter((e) => !ids.has(e.id)));
      });
    },

    /** Number of queued events. */
    size(): Promise<number> {
      return serial(async () => (await items.queue.getValue()).length);
    },
  };
}
export type EventQueue = ReturnType<typeof createEventQueue>;
