/**
 * Messages the background answers: every read and write of the database from a
 * content script (which runs in the page's origin and cannot open the extension's
 * IndexedDB) and every write from the popup and library, so the background can
 * tell each tab showing the article to repaint and keep the toolbar badge right.
 * Extension pages read the database directly (live queries); they write here.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  AnchorStatus,
  ArticleRecord,
  HighlightColour,
  HighlightRecord,
  PageNoteRecord,
  ReadingStatus,
  Selector,
} from '@/utils/db/schema';
import type { HighlightPatch } from '@/utils/db/highlights';
import type { HighlightSettings } from '@/utils/settings/highlight-settings';

/** What a page says about itself: enough to file an article under the right URL. */
export interface PageInfo {
  pageUrl: string;
  canonicalUrl: string | null;
  title: string;
  author: string | null;
  site: string | null;
  published: string | null;
  lang: string | null;
}

/**
 * What a page's highlighter gets of a highlight: where and how to paint it. Never its
 * note or tags, nor the search words that hold them: a content script shares its
 * renderer process with the page, and needs none of it (notes are typed and shown in
 * extension pages).
 */
export type PaintedHighlight = Pick<
  HighlightRecord,
  'id' | 'articleId' | 'selectors' | 'quote' | 'colour' | 'anchor' | 'position'
>;

/** An article's highlights as a page needs them (its page note stays out, as notes do). */
export interface PageAnnotations {
  article: ArticleRecord | null;
  highlights: PaintedHighlight[];
  settings: HighlightSettings;
}

/** Where one highlight was found on the page at this visit. */
export interface PlacementReport {
  id: string;
  anchor: Exclude<AnchorStatus, 'detached'>;
  /** Its start in the page's text, for page order; absent when orphaned. */
  position?: number;
  /**
   * Where an imported highlight (quote only, `unplaced`) was found, described (quote with
   * its context, offsets), so later visits anchor it like one made here.
   */
  selectors?: Selector[];
}

/** What the note card shows and edits of a highlight. */
export type NoteCardRecord = Pick<HighlightRecord, 'quote' | 'note' | 'tags' | 'colour'>;

/** A failure the user should read (storage full, a page Margin cannot run on). */
export interface MarginError {
  error: string;
}

/** `reading:save`'s answer: the article now on the list, and whether its offline copy was saved. */
export interface SavedForLater {
  articleId: string;
  /** It was on the list already: nothing about its state changed. */
  alreadyListed: boolean;
  /** The sanitized offline copy was saved (as `article:save-offline` does); false when no article could be extracted. */
  offline: boolean;
}

/** Where a view should reopen an article: `resumeQuote` first, `progress` when the quote is not found. */
export interface ReadingPosition {
  progress: number;
  resumeQuote: string | null;
}

/**
 * Which article a reading message is about. A content script names only its own page's
 * address (or nothing: the address the browser gives for it), never an article id; an
 * extension page (reader view, offline copy) may name either.
 */
export interface ReadingTarget {
  url?: string;
  articleId?: string;
}

export interface MarginProtocol {
  /** A page (or the reader view in it) opened: its article's annotations. Remembers the tab's page. */
  'page:open': (page: PageInfo) => PageAnnotations;
  /** Saves a new highlight, filing the article first when it is the page's first. */
  'highlight:create': (data: {
    page: PageInfo;
    selectors: Selector[];
    colour?: HighlightColour;
    note?: string;
    tags?: string[];
  }) => PaintedHighlight | MarginError;
  'highlight:update': (data: { id: string; patch: HighlightPatch }) => PaintedHighlight | null | MarginError;
  /** Tombstones a highlight; `highlight:restore` undoes it. */
  'highlight:delete': (data: { id: string }) => boolean;
  'highlight:restore': (data: { id: string }) => PaintedHighlight | null;
  /** Anchoring results of one visit; only changes are written. */
  'highlights:placed': (data: { articleId: string; placements: PlacementReport[] }) => void;
  /** The page a tab shows and its article, for the popup. */
  'tab:page': (data: { tabId: number }) => { page: PageInfo | null; articleId: string | null };
  /** Sets (or, with empty text, deletes) the page note of the page in a tab, or of a stored article (beside its offline copy). */
  'page-note:set': (
    data: { tabId: number; text: string } | { articleId: string; text: string },
  ) => PageNoteRecord | null | MarginError;
  /** An import (library) wrote these articles' records: repaint the tabs showing them. */
  'records:imported': (data: { articleIds: string[] }) => void;
  /**
   * The user clicked a highlight on the page (trusted event), from a content script: the
   * background checks the highlight is on the sender's own page, forwards `panel:focus` to
   * the side panel, and, with `noteCard`, remembers it as the one the tab's note card edits.
   */
  'highlight:focused': (data: { id: string; noteCard: boolean }) => void;
  /**
   * From the note card (an extension page framed in a tab; `sender.tab` is that tab): the
   * highlight the card edits, as the tab's content script last named it, with what the card
   * shows of it. The id never travels in the frame's URL, which the page's resource timing
   * could read; the record travels here because a framed card cannot open IndexedDB.
   */
  'note-card:target': () => { id: string; tabId: number; highlight: NoteCardRecord } | MarginError;
  /**
   * From the note card (an extension page framed in a tab): it is done; the background asks
   * that tab's highlighter to remove it (`note-card:close`). Through the background because a
   * framed card has no `tabs` API in Firefox, and a `postMessage` to its parent would show the
   * page the extension's origin.
   */
  'note-card:done': () => void;
  /** Extracts the article in a tab and saves its offline copy. */
  'article:save-offline': (data: { tabId: number }) => { savedAt: number } | MarginError;
  /**
   * "Save for later", from Margin's pages: saves the tab's offline copy exactly as
   * `article:save-offline` does, then puts its article on the reading list as unread.
   */
  'reading:save': (data: { tabId: number }) => SavedForLater | MarginError;
  /** Sets an article's reading state, star or own tags, from Margin's pages; status null removes it from the list. */
  'reading:set': (data: {
    articleId: string;
    status?: ReadingStatus | null;
    favourite?: boolean;
    tags?: string[];
  }) => ArticleRecord | MarginError;
  /** How far the reader is through a listed article (throttled by the sender); ignored for one not on the list. */
  'reading:progress': (data: ReadingTarget & { progress: number; resumeQuote: string | null }) => { stored: boolean };
  /** Where to reopen a listed article; null when it is not on the list. */
  'reading:position': (data: ReadingTarget) => ReadingPosition | null;
}

export const marginMessenger = defineExtensionMessaging<MarginProtocol>();

export function isMarginError(value: unknown): value is MarginError {
  return typeof value === 'object' && value !== null && typeof (value as MarginError).error === 'string';
}
