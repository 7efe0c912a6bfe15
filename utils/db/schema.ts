/**
 * The shape of every record Margin keeps in IndexedDB. Types only (and the lists
 * the UI offers); the Dexie tables and their migrations are in `margin-db.ts`.
 *
 * Records will be merged across browsers, so every one has a random id (never an
 * auto-increment number, which two browsers would both hand out), the time
 * and device of its last write, and is deleted by setting `deletedAt` (a tombstone
 * the other browser can learn from) rather than by removing the row. Times are
 * milliseconds since the epoch: they compare and serialize without surprises.
 */
import type { Selector } from '@/utils/anchoring/selectors';
import type { ExtractionFallback } from '@/utils/extraction/article';

export type { Selector, TextPositionSelector, TextQuoteSelector } from '@/utils/anchoring/selectors';

/** Highlight colours, in the order the palette shows them. */
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/**
 * Whether a highlight was found on the page at its last visit:
 * `anchored` (placed confidently), `weak` (placed, but the text around it changed),
 * `orphaned` (not found; kept, and listed so the user can still read it),
 * `detached` (the user chose to keep an orphan as a note: no longer looked for),
 * `unplaced` (imported from another service with its quote only, never yet looked
 * for on the page: the first visit anchors it like any quote, or orphans it).
 */
export const ANCHOR_STATUSES = ['anchored', 'weak', 'orphaned', 'detached', 'unplaced'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/**
 * Where an article is on the reading list (#15): `unread` (saved for later, not opened),
 * `reading` (scrolled into), `archived` (done). An article that is not on the list at all
 * (kept only for its highlights or notes) has the status `null`.
 */
export const READING_STATUSES = ['unread', 'reading', 'archived'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** Fields every record carries for merging across browsers. */
export interface SyncFields {
  /** UUID v7 (`record-id.ts`): random, so two browsers never mint the same one; sorts by creation. */
  id: string;
  createdAt: number;
  /** Strictly increases on every write to the record (see `clock.ts`). */
  updatedAt: number;
  /** Set when deleted; the row stays as a tombstone. Null while live. */
  deletedAt: number | null;
  /** The browser that wrote the record last, when the database was opened with one. */
  deviceId?: string;
}

/** An article the user has highlighted, annotated or saved. */
export interface ArticleRecord extends SyncFields {
  /** Normalized key it is filed under (`resolveArticleUrl`). */
  url: string;
  /** Every key a visit may look it up by: `url`, and the page's own key if different. */
  urls: string[];
  /** The address it was last read at, as the browser showed it: what the library opens. */
  pageUrl: string;
  /** The page's canonical link (absolute) as declared, trusted or not; null if none. */
  canonicalUrl: string | null;
  title: string;
  author: string | null;
  /** Publication name as the page gives it ("The Guardian"). */
  site: string | null;
  /** Host of `url` (`theguardian.com`): what the library's site filter matches. Since v2. */
  host: string;
  /** ISO 8601 date or date-time, when the page states one. */
  published: string | null;
  lang: string | null;
  /** When the offline copy in `articleBodies` was last saved; null if there is none. */
  savedAt: number | null;
  /** Search words of title, author and site (`search-words.ts`). Since v2. */
  words: string[];
  /** Where it is on the reading list; null when it is not on it. Since v6 (indexed: only listed articles are in the index). */
  readingStatus: ReadingStatus | null;
  /** Starred; independent of `readingStatus`. Since v6. */
  favourite: boolean;
  /** 0 to 1: how far through the article's text the reader has scrolled (the top of the viewport); 0 when never opened. Since v6. */
  progress: number;
  /** Up to 80 characters of article text at the top of the viewport at the last progress report: restores the position in any view; `progress` is the fallback. Since v6. */
  resumeQuote: string | null;
  /** When it was put on the reading list ("date saved"), epoch ms; null when it is not on it. Since v6 (indexed). */
  listedAt: number | null;
  /** The article's own tags (Pocket tags, Omnivore labels, ones the user added), normalized by `normalizeTagName`; highlights keep theirs. Since v6. */
  articleTags: string[];
  /** Estimated minutes to read it (`utils/extraction/reading-time.ts`), set when its text is known; null when not. Since v6. */
  readingMinutes: number | null;
}

/**
 * The offline copy of an article, one row per article (`id` = the article's id). Kept
 * apart from `ArticleRecord` so lists, search results and highlight joins never load
 * an article's HTML.
 */
export interface ArticleBodyRecord extends SyncFields {
  /** Sanitized HTML, exactly what the reader view renders. */
  html: string;
  /** Plain text of `html`. */
  text: string;
  /** Search words of `text`. Since v2. */
  words: string[];
  /**
   * Why the copy is Readability's own result rather than Margin's cleaned-up one, when it
   * is (`utils/extraction/article.ts`): the reader shows the same note on the copy as on
   * the live page. Absent on copies saved before it was kept, which read as null.
   */
  fallback?: ExtractionFallback | null;
}

/**
 * A version of a note that another browser wrote at the same time as the one shown
 * (sync, #5): kept until the user picks, never dropped silently.
 */
export interface NoteConflict {
  text: string;
  /** Clock (epoch ms) of that version's write. */
  at: number;
  deviceId: string;
}

/** A highlighted passage of an article, with the user's note and tags. */
export interface HighlightRecord extends SyncFields {
  articleId: string;
  /** W3C selectors; a TextQuoteSelector is always present. */
  selectors: Selector[];
  /** The highlighted text (the quote selector's `exact`), for lists and search. */
  quote: string;
  colour: HighlightColour;
  /** Markdown-free plain text; empty when there is none. */
  note: string;
  /** Tag names, normalized by `normalizeTagName`, no duplicates. */
  tags: string[];
  /** Where it starts in the article's text, for page order. */
  position: number;
  anchor: AnchorStatus;
  /** Search words of quote, note and tags; empty on a tombstone. Since v2. */
  words: string[];
  /** Each tag paired with each search word (`tagWords` in `search-words.ts`); empty on a tombstone. Since v4; absent is empty, or not yet filled on a highlight from before v4 (`backfill-pair-indexes.ts` fills those with tags; backups and sync docs leave derived fields out). */
  tagWords?: string[];
  /** Its article's host paired with each search word (`siteWords` in `search-words.ts`), kept by `site-words.ts` on every write; empty on a tombstone or without its article. Since v5; absent: not yet filled on a highlight from before v5 (`backfill-pair-indexes.ts`). */
  siteWords?: string[];
  /** Concurrent edits of `note` made in other browsers, not yet resolved. Absent = none. */
  noteConflicts?: NoteConflict[];
}

/** The user's note about a whole article; at most one live note per article. */
export interface PageNoteRecord extends SyncFields {
  articleId: string;
  text: string;
  /** Search words of `text`; empty on a tombstone. Since v2. */
  words: string[];
  /** Concurrent edits of `text` made in other browsers, not yet resolved. Absent = none. */
  noteConflicts?: NoteConflict[];
}

/** A tag the user has used, with its optional colour. */
export interface TagRecord extends SyncFields {
  /** Normalized name (`normalizeTagName`): what highlights store in `tags`. */
  name: string;
  colour: HighlightColour | null;
}

/** The database's record tables, in the order a backup lists them and an import applies them. */
export const TABLE_NAMES = ['articles', 'articleBodies', 'highlights', 'pageNotes', 'tags'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
