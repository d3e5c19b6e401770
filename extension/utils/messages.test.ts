import { describe, expect, it } from 'vitest';
import { contentScriptMessages, envelope, isEnvelope, type MessageType, sendMessage } from './messages.ts';

const all: MessageType[] = ['pageHello', 'report', 'scanText', 'getStatus', 'saveSettings', 'syncNow'];

describe('message contract', () => {
  it.each([
    { name: 'an envelope we built', value: envelope('getStatus', {}), ok: true },
    { name: 'an unknown type', value: { sightline: 1, type: 'eval', payload: {} }, ok: false },
    { name: 'a missing marker', value: { type: 'getStatus', payload: {} }, ok: false },
    { name: 'a payload that is not an object', value: { sightline: 1, type: 'report', payload: 'x' }, ok: false },
    { name: 'null', value: null, ok: false },
  ])('isEnvelope: $name → $ok', ({ value, ok }) => {
    expect(isEnvelope(value)).toBe(ok);
  });

  it('knows every type, and lets content scripts send only page messages', () => {
    for (const type of all) expect(isEnvelope(envelope(type, {} as never))).toBe(true);
    expect([...contentScriptMessages].sort()).toEqual(['pageHello', 'report', 'scanText']);
  });

  it('sendMessage wraps the payload and returns the answer', async () => {
    const seen: unknown[] = [];
    const answer = await sendMessage(
      async (m) => {
        seen.push(m);
        return { queued: true };
      },
      'report',
      { event: { kind: 'adapter_health', adapter: 'generic', problem: 'input_not_found' } },
    );
    expect(answer).toEqual({ queued: true });
    expect(seen).toEqual([
      {
        sightline: 1,
        type: 'report',
        payload: { event: { kind: 'adapter_health', adapter: 'generic', problem: 'input_not_found' } },
      },
    ]);
  });
});
