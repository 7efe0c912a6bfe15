/**
 * Messages about sync, answered by the background (which owns the database and
 * runs every sync): from the options page and the popup.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PageNoteRecord } from '@/utils/db/schema';
import type { SyncStatus } from '@/utils/sync/sync-status';
import type { MarginError } from './margin-protocol';

export interface SyncProtocol {
  /**
   * Syncs now (queued behind a sync already running); answers once it is done.
   * `allowMassDelete`: the user said yes to the deletions the last sync asked about.
   */
  'sync:now': (data: { allowMassDelete?: boolean }) => SyncStatus;
  /** The status, with the changes waiting to be sent counted afresh. */
  'sync:status': () => SyncStatus;
  /** Keeps one version of a page note that two browsers edited at once: the others go. */
  'page-note:resolve': (data: { articleId: string; text: string }) => PageNoteRecord | null | MarginError;
}

export const syncMessenger = defineExtensionMessaging<SyncProtocol>();
