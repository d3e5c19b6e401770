import { describe, expect, it } from 'vitest';
import { activity, geminiEvent } from './fixture.ts';
import { dataAccessOf, mapActivities, mapToken, mapUser } from './map.ts';

describe('google map', () => {
  it.each([
    [['https://mail.google.com/'], ['mail']],
    [
      ['https://www.googleapis.com/auth/gmail.send', 'https://www.googleapis.com/auth/drive.file'],
      ['drive', 'mail'],
    ],
    [
      ['https://www.googleapis.com/auth/documents', 'https://www.googleapis.com/auth/calendar.events'],
      ['calendar', 'drive'],
    ],
    [['openid', 'email', 'https://www.googleapis.com/auth/userinfo.profile'], []],
  ])('data access of %j is %j', (scopes, expected) => {
    expect(dataAccessOf(scopes)).toEqual(expected);
  });

  it('maps a user with the primary organisation department, else the org unit', () => {
    const base = { id: '1', primaryEmail: 'Bo@Example.com', name: { fullName: 'Bo' }, orgUnitPath: '/Ops' };
    expect(mapUser(base)).toEqual({
      personKey: 'bo@example.com',
      email: 'bo@example.com',
      name: 'Bo',
      department: '/Ops',
    });
    const orgs = [{ department: 'Legal' }, { department: 'Finance', primary: true }];
    expect(mapUser({ ...base, organizations: orgs }).department).toBe('Finance');
    expect(() => mapUser({ id: '1' })).toThrow();
  });

  it('maps a token to a stable oauth_grant keyed by person and client id', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const o = mapToken('X@example.com', { clientId: 'c1', displayText: 'Otter.ai', scopes: ['openid'] }, at);
    expect(o).toMatchObject({
      sourceRef: 'grant:x@example.com:c1',
      kind: 'oauth_grant',
      app: { clientId: 'c1', name: 'Otter.ai' },
      person: { email: 'x@example.com' },
      windowStart: at,
      scopes: ['openid'],
    });
  });

  it('aggregates activity per person, app and day, and ignores events without an actor or app', () => {
    const { observations, people, invalid } = mapActivities([
      activity('gemini_in_workspace_apps', '2026-03-03T10:00:00Z', 'a@example.com', [geminiEvent('gmail', 'x')], '1'),
      activity('gemini_in_workspace_apps', '2026-03-03T18:00:00Z', 'A@example.com', [geminiEvent('gmail', 'x')], '2'),
      activity('gemini_in_workspace_apps', '2026-03-04T09:00:00Z', 'a@example.com', [geminiEvent('docs', 'y')], '3'),
      { id: { time: '2026-03-03T10:00:00Z', applicationName: 'token' }, events: [{ name: 'authorize' }] },
      activity('token', '2026-03-03T10:00:00Z', 'b@example.com', [{ name: 'authorize', parameters: [] }], '4'),
      { id: { applicationName: 'token' } },
    ]);
    expect(observations.map((o) => [o.sourceRef, o.details?.events])).toEqual([
      ['gemini:a@example.com:2026-03-03', 2],
      ['gemini:a@example.com:2026-03-04', 1],
    ]);
    expect(observations[0]).toMatchObject({
      windowStart: new Date('2026-03-03T10:00:00Z'),
      windowEnd: new Date('2026-03-03T18:00:00Z'),
    });
    expect(people).toEqual([]);
    expect(invalid).toBe(1);
  });
});
