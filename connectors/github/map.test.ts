import { describe, expect, it } from 'vitest';
import { mapPatGrant, mapPerson, mapSeat, newest, permissionScopes } from './map.ts';
import { nextPath } from './sync.ts';

describe('github map', () => {
  it('flattens permission maps into sorted scopes', () => {
    expect(permissionScopes({ repository: { contents: 'read' }, organization: { members: 'write' } })).toEqual([
      'organization.members:write',
      'repository.contents:read',
    ]);
    expect(permissionScopes({ issues: 'write', checks: 'read' })).toEqual(['checks:read', 'issues:write']);
    expect(permissionScopes(null)).toEqual([]);
  });

  it('takes the newest valid timestamp', () => {
    expect(newest('2026-01-01T00:00:00Z', null, 'garbage', '2026-02-01T00:00:00Z')).toBe(
      Date.parse('2026-02-01T00:00:00Z'),
    );
    expect(newest()).toBe(0);
  });

  it('keys people by e-mail when GitHub gives one, else by login', () => {
    expect(mapPerson({ login: 'Mona', id: 1 })).toEqual({ personKey: 'ext:github:mona', name: 'Mona' });
    expect(mapPerson({ login: 'o', id: 2, email: 'O@X.com', name: 'Oc' })).toEqual({
      personKey: 'o@x.com',
      email: 'o@x.com',
      name: 'Oc',
    });
  });

  it('ignores unassigned seats and never ends a window before it starts', () => {
    expect(mapSeat({ created_at: '2026-01-01T00:00:00Z', assignee: null })).toBeNull();
    const g = mapPatGrant({
      id: 5,
      owner: { login: 'a', id: 1 },
      access_granted_at: '2026-02-01T00:00:00Z',
      token_last_used_at: '2026-01-01T00:00:00Z',
    });
    expect(g.observation.windowEnd).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(g.observation.app).toBeUndefined();
  });

  it('follows next links only on the API host', () => {
    const link =
      '<https://api.github.com/orgs/a/installations?page=2>; rel="next", <https://api.github.com/x?page=9>; rel="last"';
    expect(nextPath(link, 'https://api.github.com/')).toBe('/orgs/a/installations?page=2');
    expect(nextPath('<https://api.github.com/x?page=9>; rel="last"', 'https://api.github.com')).toBeUndefined();
    expect(() => nextPath('<https://evil.example/x>; rel="next"', 'https://api.github.com')).toThrow(/refusing/);
  });
});
