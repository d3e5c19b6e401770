import { describe, expect, it } from 'vitest';
import { appDomains, logRef, mapAppRequest, mapIntegrationLog } from './map.ts';

const app = { id: 'A1', name: 'X' };

describe('slack map', () => {
  it.each([
    [{ app_homepage_url: 'https://otter.ai/home', privacy_policy_url: 'https://otter.ai/privacy' }, ['otter.ai']],
    [{ app_homepage_url: 'https://slack.com/apps/A1', privacy_policy_url: 'not a url' }, []],
    [{ app_homepage_url: 'https://b.example', privacy_policy_url: 'https://a.example/p' }, ['a.example', 'b.example']],
  ])('app domains of %j are %j', (urls, expected) => {
    expect(appDomains({ ...app, ...urls })).toEqual(expected);
  });

  it('keys log entries by app or service, user, date and change', () => {
    const base = { user_id: 'U1', date: '100', change_type: 'added' };
    expect(logRef({ ...base, app_id: 'A9' })).toBe('log:A9:U1:100:added');
    expect(logRef({ ...base, service_id: 42 })).toBe('log:service-42:U1:100:added');
  });

  it('maps a service log entry without a client id, and a request without an e-mail to an external id', () => {
    const log = mapIntegrationLog({
      service_type: 'Google Drive',
      service_id: '7',
      user_id: 'U1',
      date: 1,
      change_type: 'enabled',
    });
    expect(log.observation.app).toEqual({ name: 'Google Drive' });
    expect(log.observation.windowStart).toEqual(new Date(1000));
    const req = mapAppRequest({ id: 'R1', app, user: { id: 'U2' }, date_created: 2 });
    expect(req.observation.person).toEqual({ externalId: 'U2' });
    expect(req.person).toEqual({ personKey: 'ext:slack:U2' });
    expect(() => mapIntegrationLog({ user_id: 'U1' })).toThrow();
  });
});
