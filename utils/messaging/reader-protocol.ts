/**
 * Messages about the reader view, sent from extension pages (popup, options,
 * tests driving them) to the background, which owns tab injection.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';

export interface ReaderProtocol {
  /** Opens the reader view in a tab, or closes it when open. Resolves to the new state. */
  'reader:toggle': (data: { tabId: number }) => ReaderToggleResult;
}

export type ReaderToggleResult = { state: 'opened' | 'closed' | 'no-article' } | { state: 'error'; message: string };

export const readerMessenger = defineExtensionMessaging<ReaderProtocol>();
