import { describe, expect, it } from 'vitest';
import { LargeGoogleDataset } from './dataset-large.ts';
import { googleConnector } from './index.ts';
import { startMockServer } from './mock-server.ts';

describe('large Google dataset', () => {
  const end = Date.parse('2026-03-10T00:00:00Z');
  const data = new LargeGoogleDataset({ users: 10, events: 100 }, end);

  it('serves activity ranges newest first with inclusive bounds', () => {
    const all = data.activities('token', 0, Number.POSITIVE_INFINITY);
    expect(all.count).toBe(100);
    const time = (o: object) => Date.parse((o as { id: { time: string } }).id.time);
    expect(time(all.at(0))).toBe(end);
    expect(time(all.at(99))).toBe(end - 99_000);
    expect(data.activities('token', end - 9_000, end).count).toBe(10);
    expect(data.activities('token', end + 1, end + 5_000).count).toBe(0);
    expect(data.activities('saml', 0, end).count).toBe(0);
  });

  it('knows its users and their tokens', () => {
    expect(data.tokens('user3@example.com')).toHaveLength(2);
    expect(data.tokens('user10@example.com')).toBeUndefined();
    expect(data.user(9)).toMatchObject({ primaryEmail: 'user9@example.com' });
  });

  it('syncs end to end through the mock without holding the fixture', async () => {
    const mock = await startMockServer({
      fixture: new LargeGoogleDataset({ users: 300, events: 3_000 }, end),
      pageSize: 500,
      maxLogged: 0,
    });
    try {
      const config = googleConnector.configSchema.parse({ ...mock.config, activities: ['token'] });
      const instance = googleConnector.create(config, { allowCustomHost: true, now: () => new Date(end + 60_000) });
      let observations = 0;
      const summary = await instance.sync({
        cursor: null,
        signal: new AbortController().signal,
        progress: () => {},
        emit: async (b) => {
          observations += b.observations.length;
        },
      });
      expect(summary.counts.token).toBe(3_000);
      expect(summary.counts.grants).toBe(300 * 3);
      expect(observations).toBeGreaterThan(600);
      expect(mock.requests).toHaveLength(0);
    } finally {
      await mock.close();
    }
  });
});
