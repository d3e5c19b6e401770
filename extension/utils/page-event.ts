import type { DeviceEvent } from '@sightline/backend/protocol';
import type { AiPage } from './match-ai-url.ts';
import type { PageEvent } from './messages.ts';
import { uuidV7 } from './uuid-v7.ts';

/** Completes a content script's event with id, time, host and service from the (browser-given) sender URL. */
export function completePageEvent(event: PageEvent, page: AiPage, now: number): DeviceEvent {
  return {
    ...event,
    id: uuidV7(now),
    at: new Date(now).toISOString(),
    host: page.host,
    serviceId: page.service.id,
  } as DeviceEvent;
}

/** A `visit` event; the full URL only when the privacy settings allow it. */
export function visitEvent(page: AiPage, url: string, fullUrls: boolean, now: number): DeviceEvent {
  return {
    id: uuidV7(now),
    at: new Date(now).toISOString(),
    kind: 'visit',
    host: page.host,
    serviceId: page.service.id,
    ...(fullUrls ? { url: url.slice(0, 2048) } : {}),
  };
}
