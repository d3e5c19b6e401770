import type { DeviceEvent } from '@sightline/backend/protocol';
import { eventSchema } from '@sightline/backend/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEventQueue } from './event-queue.ts';
import { storageItems } from './storage.ts';
import { uuidV7 } from './uuid-v7.ts';

const NOW = Date.parse('2026-11-21T10:00:00Z');
let n = 0;
const event = (kind: 'visit' | 'dlp' | 'surface'): DeviceEvent => {
  const base = { id: uuidV7(NOW + n++), at: new Date(NOW).toISOString(), host: 'chatgpt.com', serviceId: 'chatgpt' };
  if (kind === 'visit') return { ...base, kind };
  if (kind === 'surface') return { ...base, kind, adapter: 'generic', accountType: 'unknown' };
  return {
    ...base,
    kind,
    trigger: 'paste',
    accountType: 'personal',
    action: 'block',
    mode: 'enforce',
    findings: [
      { detector: 'github-pat-classic', category: 'secret', confidence: 'high', count: 1, hashes: ['ab'.repeat(16)] },
    ],
  };
};

describe('event queue', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps events in storage so a new worker (after a restart) sees them', async () => {
    const first = createEventQueue(storageItems, { now: () => NOW });
    await first.add([event('visit'), event('surface')]);
    const second = createEventQueue(storageItems, { now: () => NOW });
    expect(await second.size()).toBe(2);
    expect((await second.peek(10)).map((e) => e.kind)).toEqual(['visit', 'surface']);
  });

  it.each([
    {
      name: 'a visit into a full queue is dropped and counted',
      full: ['visit', 'visit'],
      add: 'visit',
      kinds: ['visit', 'visit'],
      dropped: { visit: 1 },
    },
    {
      name: 'a dlp event evicts the oldest non-dlp event',
      full: ['visit', 'dlp'],
      add: 'dlp',
      kinds: ['dlp', 'dlp'],
      dropped: { visit: 1 },
    },
    {
      name: 'a dlp event into a queue full of dlp events is dropped',
      full: ['dlp', 'dlp'],
      add: 'dlp',
      kinds: ['dlp', 'dlp'],
      dropped: { dlp: 1 },
    },
  ] as const)('$name', async ({ full, add, kinds, dropped }) => {
    const q = createEventQueue(storageItems, { maxEvents: 2, now: () => NOW });
    await q.add(full.map(event));
    await q.add([event(add)]);
    const batch = await q.peek(10);
    // The overflow is reported first, as one queue_overflow event that passes the protocol schema.
    expect(batch[0]).toMatchObject({ kind: 'queue_overflow', dropped });
    expect(eventSchema.safeParse(batch[0]).success).toBe(true);
    expect(batch.slice(1).map((e) => e.kind)).toEqual(kinds);
    expect(await storageItems.overflow.getValue()).toBeNull();
  });

  it('removes exactly the answered events and limits a batch by count and bytes', async () => {
    const q = createEventQueue(storageItems, { now: () => NOW });
    const events = Array.from({ length: 5 }, () => event('visit'));
    await q.add(events);
    expect(await q.peek(3)).toHaveLength(3);
    expect(await q.peek(10, 300)).toHaveLength(2);
    await q.remove(new Set([events[0]!.id, events[2]!.id]));
    expect((await q.peek(10)).map((e) => e.id)).toEqual([events[1]!.id, events[3]!.id, events[4]!.id]);
  });

  it('serialises concurrent additions without losing any', async () => {
    const q = createEventQueue(storageItems, { now: () => NOW });
    await Promise.all(Array.from({ length: 20 }, () => q.add([event('visit')])));
    expect(await q.size()).toBe(20);
  });
});
