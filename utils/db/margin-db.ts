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
 *   word + tag is one small index range rather than two large key sets. The upgrade
 *   fills it from the stored `words` and `tags` of each live highlight with a tag.
 */
import Dexie, { type Table } from 'dexie';
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, TagRecord } from './schema';
import type { SyncDocRow, SyncMetaRow } from './sync-tables';
import { articleWords, highlightWords, tagWords, tokenize } from './search-words';

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

/** Version 4's stores: v3's, highlights also indexed by tag and word together. */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  highlights: `${SCHEMA_V3.highlights}, *tagWords`,
} as const;

/** Highlights the v4 upgrade reads and writes at a time: bounds its memory on a large library. */
const UPGRADE_CHUNK = 2_000;

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
            a.host = hostOf(a.url);
            a.words = articleWords(a);
          });
        await tx
          .table<ArticleBodyRecord, string>('articleBodies')
          .toCollection()
          .modify((b) => {
            b.words = b.deletedAt === null ? tokenize(b.text) : [];
          });
        await tx
          .table<HighlightRecord, string>('highlights')
          .toCollection()
          .modify((h) => {
            h.words = h.deletedAt === null ? highlightWords({ quote: h.quote, note: h.note, tags: h.tags ?? [] }) : [];
          });
        await tx
          .table<PageNoteRecord, string>('pageNotes')
          .toCollection()
          .modify((n) => {
            n.words = n.deletedAt === null ? tokenize(n.text) : [];
          });
      });
    this.version(3).stores(SCHEMA_V3);
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        // A derived field, as in v2: `updatedAt` stays, so no record looks edited to a
        // sync. Only highlights with a tag have any (found by the `tags` index; a
        // tombstone keeps its tags but has no words), and only they are rewritten: each
        // index entry written is dear (Chromium, 100,000 highlights, 30,000 tagged: ~9
        // minutes on a loaded 2-core machine). From the stored `words`, not the text.
        const highlights = tx.table<HighlightRecord, string>('highlights');
        const tagged = [...new Set(await highlights.where('tags').aboveOrEqual('').primaryKeys())];
        for (let i = 0; i < tagged.length; i += UPGRADE_CHUNK) {
          const rows = await highlights.bulkGet(tagged.slice(i, i + UPGRADE_CHUNK));
          const live = rows.filter((h): h is HighlightRecord => h !== undefined && h.deletedAt === null && (h.words ?? []).length > 0);
          await highlights.bulkPut(live.map((h) => ({ ...h, tagWords: tagWords(h.tags, h.words) })));
        }
      });
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Creates (without opening: Dexie opens on first use) Margin's database.
 * @param name - database name; tests give each case its own
 */
export function createMarginDb(name: string = DEFAULT_DB_NAME, options: MarginDbOptions = {}): MarginDb {
  return new MarginDb(name, options);
}
