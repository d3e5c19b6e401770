/** Where each tab was last counted as a visit: tab id → service|host key and time. */
export type VisitLog = Record<string, { key: string; at: number }>;

interface LogItem {
  getValue(): Promise<VisitLog>;
  setValue(value: VisitLog): Promise<void>;
}

/**
 * Decides whether a navigation is a new visit: a tab moving to another service or host, or staying on the same
 * one for longer than `windowMs` (SPA route changes inside one chat do not count again). The log lives in
 * session storage, so a service worker that the browser stopped and restarted does not count visits twice.
 */
export function createVisitTracker(log: LogItem, windowMs = 30 * 60_000) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    isNewVisit(tabId: number, key: string, now: number): Promise<boolean> {
      return serial(async () => {
        const visits = { ...(await log.getValue()) };
        const prev = visits[tabId];
        const fresh = !prev || prev.key !== key || now - prev.at > windowMs;
        if (fresh) {
          visits[tabId] = { key, at: now };
          await log.setValue(visits);
        }
        return fresh;
      });
    },
    forget(tabId: number): Promise<void> {
      return serial(async () => {
        const visits = { ...(await log.getValue()) };
        delete visits[tabId];
        await log.setValue(visits);
      });
    },
  };
}
