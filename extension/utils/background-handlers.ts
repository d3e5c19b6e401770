import type { MessageMap, MessageType } from './messages.ts';

/** The sender facts a handler may rely on (set by the browser, not by the caller). */
export interface SenderInfo {
  /** URL of the frame that sent the message (a web page for content scripts, the extension for its pages). */
  url: string;
  /** True when the sender is one of the extension's own pages (popup, options). */
  fromExtensionPage: boolean;
}

/** One handler per message type: the background's whole message surface. */
export type HandlerMap = {
  [T in MessageType]: (payload: MessageMap[T]['request'], sender: SenderInfo) => Promise<MessageMap[T]['response']>;
};
