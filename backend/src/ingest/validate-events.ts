import { type DeviceEvent, eventSchema } from '../protocol/extension.ts';

/** How far device clocks may be off: events older than this are refused, and so are events from the future. */
export const SKEW = { maxAgeMs: 35 * 24 * 3600_000, maxFutureMs: 5 * 60_000, maxIdVsAtMs: 24 * 3600_000 } as const;

export interface ValidEvent {
  id: string;
  kind: DeviceEvent['kind'];
  /** The time inside the UUIDv7 id: partition key, and the time rollups use (never later than receipt). */
  occurredAt: Date;
  deviceAt: Date;
  serviceId: string | null;
  host: string | null;
  accountType: string | null;
  /** The kind-specific fields. */
  data: Record<string, unknown>;
}

export type EventResult = { id: string | null; status: 'accepted' | 'duplicate' | 'rejected'; reason?: string };

/** Milliseconds since the epoch inside a UUIDv7 (its first 48 bits). */
export function uuidv7Time(id: string): number {
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

/**
 * Validates each event on its own: a bad event is rejected with a reason, its neighbours go on.
 * Returns the valid events and a result slot per input (null where the store decides accepted/duplicate).
 */
export function validateEvents(
  raw: readonly unknown[],
  now: Date,
): { valid: ValidEvent[]; results: (EventResult | null)[] } {
  const valid: ValidEvent[] = [];
  const results: (EventResult | null)[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    const parsed = eventSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      results.push({ id: idOf(item), status: 'rejected', reason: `invalid: ${where}${issue.message}`.slice(0, 300) });
      continue;
    }
    const e = parsed.data;
    const occurred = uuidv7Time(e.id);
    const deviceAt = Date.parse(e.at);
    let reason: string | undefined;
    if (occurred < now.getTime() - SKEW.maxAgeMs) reason = 'too_old: the event is older than 35 days';
    else if (occurred > now.getTime() + SKEW.maxFutureMs) reason = 'clock_skew: the event id is from the future';
    else if (Math.abs(deviceAt - occurred) > SKEW.maxIdVsAtMs)
      reason = 'clock_skew: `at` and the id time differ by more than a day';
    if (reason) {
      results.push({ id: e.id, status: 'rejected', reason });
      continue;
    }
    if (seen.has(e.id)) {
      results.push({ id: e.id, status: 'duplicate' });
      continue;
    }
    seen.add(e.id);
    const { id, kind, at: _at, ...rest } = e;
    const { host, serviceId, accountType, ...data } = rest as Record<string, unknown>;
    valid.push({
      id,
      kind,
      occurredAt: new Date(Math.min(occurred, now.getTime())),
      deviceAt: new Date(deviceAt),
      serviceId: (serviceId as string | null | undefined) ?? null,
      host: (host as string | undefined) ?? null,
      accountType: (accountType as string | undefined) ?? null,
      data,
    });
    results.push(null);
  }
  return { valid, results };
}
