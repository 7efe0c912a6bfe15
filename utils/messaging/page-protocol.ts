/**
 * Messages a tab's highlighter (content script) answers, sent by the background
 * (after a write elsewhere, a command, a context-menu click) and by the popup.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { HighlightColour } from '@/utils/db/schema';
import type { PageInfo } from './margin-protocol';

export interface PageProtocol {
  /**
   * The article's highlights changed elsewhere (popup, library, another tab): fetch and
   * repaint. `all`: any article may have changed (a sync brought records): every tab refetches.
   */
  'highlights:changed': (data: { articleId: string; all?: boolean }) => void;
  /** Scrolls the highlight into view and flashes it; false if it is not placed on the page. */
  'highlight:reveal': (data: { id: string }) => boolean;
  /** Highlights the current selection (keyboard shortcut, context menu). */
  'selection:highlight': (data: { colour?: HighlightColour }) => boolean;
  /** Moves an orphaned highlight to the passage now selected; false when nothing is selected. */
  'selection:reattach': (data: { id: string }) => boolean;
  /** From the tab's note card (extension frame): remove the card; the note was saved or dropped. */
  'note-card:close': () => void;
  /** What the page says about itself (title, canonical link, author…). */
  'page:info': () => PageInfo;
}

export const pageMessenger = defineExtensionMessaging<PageProtocol>();
