import type { DeviceEvent } from '@sightline/backend/protocol';
import type { Finding } from '@sightline/dlp';
import type { PageConfig } from './page-config.ts';
import type { StatusView } from './status-view.ts';
import type { ManualSettings } from './storage.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a content script reports it: the background adds id, time, host and service from the sender. */
export type PageEvent = DistributiveOmit<
  Exclude<DeviceEvent, { kind: 'visit' | 'queue_overflow' }>,
  'id' | 'at' | 'host' | 'serviceId'
>;

/** Every message the extension sends itself, by type: request and response. Declared once. */
export interface MessageMap {
  /** Content script start: the configuration for this page, or null when the page is not an AI surface. */
  pageHello: { request: Record<string, never>; response: PageConfig | null };
  /** Content script: queue an event about this page. */
  report: { request: { event: PageEvent }; response: { queued: boolean } };
  /** Content script: scan large text in the worker, off the page's main thread. */
  scanText: { request: { text: string }; response: { findings: Finding[]; names: Record<string, string> } | null };
  /** Popup and options: the current status. */
  getStatus: { request: Record<string, never>; response: StatusView };
  /** Options: save manual settings and enrol with them. */
  saveSettings: { request: ManualSettings; response: StatusView };
  /** Options (diagnostics): fetch the bundle and send queued events now. */
  syncNow: { request: Record<string, never>; response: StatusView };
}
export type MessageType = keyof MessageMap;

/** Messages a content script may send; anything else from a web page's frame is refused. */
export const contentScriptMessages: ReadonlySet<MessageType> = new Set<MessageType>([
  'pageHello',
  'report',
  'scanText',
]);

/** The wire shape of a message. */
export interface Envelope<T extends MessageType = MessageType> {
  sightline: 1;
  type: T;
  payload: MessageMap[T]['request'];
}

const messageTypes: ReadonlySet<string> = new Set<MessageType>([
  'pageHello',
  'report',
  'scanText',
  'getStatus',
  'saveSettings',
  'syncNow',
]);

/** True when `value` is one of our envelopes (right marker, known type, object payload). */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.sightline === 1 &&
    typeof v.type === 'string' &&
    messageTypes.has(v.type) &&
    typeof v.payload === 'object' &&
    v.payload !== null
  );
}

/** Builds an envelope. */
export function envelope<T extends MessageType>(type: T, payload: MessageMap[T]['request']): Envelope<T> {
  return { sightline: 1, type, payload };
}

/** Sends a typed message to the background and returns its typed response. */
export async function sendMessage<T extends MessageType>(
  send: (message: unknown) => Promise<unknown>,
  type: T,
  payload: MessageMap[T]['request'],
): Promise<MessageMap[T]['response']> {
  return (await send(envelope(type, payload))) as MessageMap[T]['response'];
}
