/**
 * Margin's IndexedDB database: its tables, indexes and every schema version with
 * its migration. The one module that declares the schema; the repository modules
 * beside it (`articles.ts`, `highlights.ts`, …) are the only code that reads or
 * writes these tables. The background owns the one open instance in the extension.
 *
 * Versions (a shipped version is never edited; a change is a new version):
 * - v1: the records, each table indexed by `id` (random UUIDs, never auto-increment,
 *   so two browsers' records can merge) and `updatedAt` (what a sync asks for:
 *   "changed since"). Articles are found by any of their URL keys (`*urls`),
 *   highlights and page notes by article.
 * - v2: library search and filters. Adds the multiEntry `*words` index to highlights,
 *   page notes, articles and article bodies, `*tags`, `colour` and `createdAt` to
 *   highlights, `host` and `createdAt` to articles, `createdAt` to page notes. The
 *   upgrade fills `words` and `host` from each record's existing fields.
 * - v3: sync (#5). Adds `syncDocs` (each record's state as last synced, with field
 *   stamps, and whether it holds local changes not yet sent) and `syncMeta` (what
 *   this browser has read from each other device, its own next change number).
 *   The records themselves are untouched.
 * - v4: a word searched within a tag. Adds the multiEntry `*tagWords` index to
 *   highlights (each tag paired with each search word, `search-words.ts`), so that
 *   word + tag is one small index range rather than two large key sets, and `meta`
 *   (this database's own bookkeeping, never synced or backed up). The upgrade only
 *   declares them: filling `tagWords` for existing highlights takes minutes on a
 *   large library, longer than a service worker may live, and a version change cut
 *   short rolls back and leaves the database unopenable. `backfill-pair-indexes.ts`
 *   fills it afterwards in short transactions; search uses the index once `meta`
 *   says that is done (`pair-index-state.ts`). A new database has nothing to fill.
 * - v5: a word searched on a site. Adds the multiEntry `*siteWords` index to
 *   highlights (the article's host paired with each search word), for the same reason
 *   as v4: a site read often holds a fifth of the library. A highlight does not carry
 *   its host, so the pairs are kept by a middleware on every write (`site-words.ts`);
 *   filled for older highlights the v4 way (`backfill-pair-indexes.ts`).
 * - v6: the reading list (#15). Articles gain `readingStatus`, `favourite`, `progress`,
 *   `resumeQuote`, `listedAt`, `articleTags` and `readingMinutes`; `readingStatus` and
 *   `listedAt` are indexed (IndexedDB leaves null out of an index, so only listed
 *   articles are in them: the reading list and the unread count are small index reads).
 *   The upgrade fills the defaults (not listed, never opened) on every older article:
 *   one pass over the articles table, which holds no HTML (bodies are their own table),
 *   so it stays short even on a large library. `updatedAt` is left alone, so the upgrade
 *   is not a change a sync would send.
 */
import Dexie, { type Table } from 'dexie';
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, TagRecord } from './schema';
import type { SyncDocRow, SyncMetaRow } from './sync-tables';
import type { MetaRow } from './meta-table';
import { withDerivedFields } from './derived-fields';
import { fillReadingDefaults } from './reading-fields';
import { completeRow, SITE_WORDS_KEY, TAG_WORDS_KEY } from './pair-index-state';
import { siteWordsMiddleware } from './site-words';

/** Version 1's stores, as shipped. Exported for the migration test. */
export const SCHEMA_V1 = {
  articles: 'id, *urls, updatedAt',
  articleBodies: 'id, updatedAt',
  highlights: 'id, articleId, updatedAt',
  pageNotes: 'id, articleId, updatedAt',
  tags: 'id, name, updatedAt',
} as const;

/** Version 2's stores. */
export const SCHEMA_V2 = {
  articles: 'id, *urls, updatedAt, createdAt, host, *words',
  articleBodies: 'id, updatedAt, *words',
  highlights: 'id, articleId, updatedAt, createdAt, colour, *tags, *words',
  pageNotes: 'id, articleId, updatedAt, createdAt, *words',
  tags: 'id, name, updatedAt',
} as const;

/** Version 3's stores: v2's and the two sync tables. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  syncDocs: 'key, dirty',
  syncMeta: 'key',
} as const;

/** Version 4's stores: v3's, highlights also indexed by tag and word together, and `meta`. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  highlights: `${SCHEMA_V3.highlights}, *tagWords`,
  meta: 'key',
} as const;

/** Version 5's stores: v4's, highlights also indexed by site and word together. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  highlights: `${SCHEMA_V4.highlights}, *siteWords`,
} as const;

/** Version 6's stores: v5's, articles also indexed by reading-list status and date listed. */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  articles: `${SCHEMA_V5.articles}, readingStatus, listedAt`,
} as const;

/** The database name the extension uses. */
export const DEFAULT_DB_NAME = 'margin';

/** How a database is opened; everything is optional in the extension. */
export interface MarginDbOptions {
  /** IndexedDB implementation; the global one when omitted (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Written to every record this instance writes, for telling browsers apart when merging. */
  deviceId?: string;
  /** Clock in epoch milliseconds; `Date.now` when omitted. */
  now?: () => number;
}

/** The open database: its tables, plus the clock and device id every write stamps. */
export class MarginDb extends Dexie {
  articles!: Table<ArticleRecord, string>;
  articleBodies!: Table<ArticleBodyRecord, string>;
  highlights!: Table<HighlightRecord, string>;
  pageNotes!: Table<PageNoteRecord, string>;
  tags!: Table<TagRecord, string>;
  syncDocs!: Table<SyncDocRow, string>;
  syncMeta!: Table<SyncMetaRow, string>;
  meta!: Table<MetaRow, string>;

  readonly deviceId: string | undefined;
  readonly now: () => number;

  constructor(name: string, options: MarginDbOptions = {}) {
    super(name, {
      ...(options.indexedDB && { indexedDB: options.indexedDB }),
      ...(options.IDBKeyRange && { IDBKeyRange: options.IDBKeyRange }),
    });
    this.deviceId = options.deviceId;
    this.now = options.now ?? Date.now;

    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // Derived fields only: `updatedAt` is left alone, so the upgrade is not a change
        // a sync would have to send. A later tokenizer change re-fills `words` the same way.
        // Nothing here may throw on an odd record: a failed upgrade locks the user out
        // of the whole library.
        await tx
          .table<ArticleRecord, string>('articles')
          .toCollection()
          .modify((a) => {
            Object.assign(a, withDerivedFields('articles', a));
          });
        await tx
          .table<ArticleBodyRecord, string>('articleBodies')
          .toCollection()
          .modify((b) => {
            b.words = withDerivedFields('articleBodies', b).words;
          });
        await tx
          .table<HighlightRecord, string>('highlights')
          .toCollection()
          .modify((h) => {
            // Words only: `tagWords` came with v4 and is filled by its own backfill.
            h.words = withDerivedFields('highlights', { ...h, tags: h.tags ?? [] }).words;
          });
        await tx
          .table<PageNoteRecord, string>('pageNotes')
          .toCollection()
          .modify((n) => {
            n.words = withDerivedFields('pageNotes', n).words;
          });
      });
    this.version(3).stores(SCHEMA_V3);
    // Declares the index and table only (see the header): no record is read or written.
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.version(6)
      .stores(SCHEMA_V6)
      .upgrade(async (tx) => {
        // Defaults only, and only where missing; nothing here may throw on an odd record.
        await tx
          .table<ArticleRecord, string>('articles')
          .toCollection()
          .modify((a) => {
            Object.assign(a, fillReadingDefaults(a));
          });
      });
    this.use(siteWordsMiddleware);
    // A database created now has no highlight without its pairs.
    this.on('populate', (tx) =>
      tx.table<MetaRow, string>('meta').bulkPut([completeRow(TAG_WORDS_KEY), completeRow(SITE_WORDS_KEY)]),
    );
  }
}

/**
 * Creates (without opening: Dexie opens on first use) Margin's database.
 * @param name - database name; tests give each case its own
 */
export function createMarginDb(name: string = DEFAULT_DB_NAME, options: MarginDbOptions = {}): MarginDb {
  return new MarginDb(name, options);
}
