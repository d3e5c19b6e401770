/**
 * Decides whether a navigation is a new visit: a tab moving to another service or host, or staying on the same
 * one for longer than `windowMs` (SPA route changes inside one chat do not count again).
 */
export function createVisitTracker(windowMs = 30 * 60_000) {
  const last = new Map<number, { key: string; at: number }>();
  return {
    isNewVisit(tabId: number, key: string, now: number): boolean {
      const prev = last.get(tabId);
      const fresh = !prev || prev.key !== key || now - prev.at > windowMs;
      if (fresh) last.set(tabId, { key, at: now });
      return fresh;
    },
    forget(tabId: number): void {
      last.delete(tabId);
    },
  };
}
