/** What the Google mock serves: users, their tokens and report activities, held in memory or generated on demand. */
export interface GoogleDataset {
  userCount(): number;
  user(index: number): object;
  /** A user's OAuth tokens by lower-case e-mail; undefined for an unknown user. */
  tokens(email: string): object[] | undefined;
  /** An application's activities with a time in [startMs, endMs], newest first. */
  activities(application: string, startMs: number, endMs: number): { count: number; at(index: number): object };
}

export interface GoogleFixture {
  users: object[];
  tokens: Record<string, object[]>;
  /** Per application name, any order (served newest first). */
  activities: Record<string, object[]>;
}

const timeOf = (a: object) => Date.parse((a as { id: { time: string } }).id.time);

/** A dataset over a fixture held in memory; tests may change the fixture between syncs. */
export function fixtureDataset(fixture: GoogleFixture): GoogleDataset {
  return {
    userCount: () => fixture.users.length,
    user: (i) => fixture.users[i]!,
    tokens: (email) =>
      fixture.users.some((u) => (u as { primaryEmail: string }).primaryEmail.toLowerCase() === email)
        ? (fixture.tokens[email] ?? [])
        : undefined,
    activities: (application, startMs, endMs) => {
      const list = (fixture.activities[application] ?? [])
        .filter((a) => timeOf(a) >= startMs && timeOf(a) <= endMs)
        .sort((a, b) => timeOf(b) - timeOf(a));
      return { count: list.length, at: (i) => list[i]! };
    },
  };
}
