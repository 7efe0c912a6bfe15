/**
 * The fields the database derives from a record's own, in one place: search `words`
 * on every table but tags, `tagWords` on highlights, and `host` on articles. Every
 * writer (the repositories, the schema upgrade, import, backup restore, sync and its
 * duplicate-article merge) stores a record through `withDerivedFields`, because a
 * writer that forgets one is a silent search miss (see `site-words.ts`, which keeps
 * `siteWords` on every highlight write as a middleware, since it needs the article).
 *
 * Tombstones leave the search index, except articles, whose words are always filled
 * (as the v2 upgrade did): a tombstone must not cost search time.
 */
import type { ArticleBodyRecord, ArticleRecord, HighlightRecord, PageNoteRecord, TableName, TagRecord } from './schema';
import { articleWords, highlightSearchFields, tokenize } from './search-words';

/** Each table's stored record type. */
export interface StoredRecords {
  articles: ArticleRecord;
  articleBodies: ArticleBodyRecord;
  highlights: HighlightRecord;
  pageNotes: PageNoteRecord;
  tags: TagRecord;
}

/** Fields a file, a sync doc or a caller never sets: the database computes them. */
export type DerivedField = 'words' | 'tagWords' | 'siteWords' | 'host';

/** A record as a writer hands it over, before its derived fields are computed. */
export type UnderivedRecords = { [T in TableName]: Omit<StoredRecords[T], DerivedField> };

/**
 * An article's `host`: the hostname of its preferred URL key.
 * @return '' for a key that is not a URL (as the v2 upgrade stored it), never throws
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

const DERIVE: { [T in TableName]: (r: UnderivedRecords[T]) => StoredRecords[T] } = {
  articles: (a) => ({ ...a, host: hostOf(a.url), words: articleWords(a) }),
  articleBodies: (b) => ({ ...b, words: b.deletedAt === null ? tokenize(b.text) : [] }),
  highlights: (h) => ({ ...h, ...highlightSearchFields(h) }),
  pageNotes: (n) => ({ ...n, words: n.deletedAt === null ? tokenize(n.text) : [] }),
  tags: (t) => t,
};

/**
 * The record ready to store: its own fields, with every derived field computed afresh
 * from them (a value the record already carries, from a file or an older write, is
 * replaced). `siteWords` are the middleware's (`site-words.ts`).
 */
export function withDerivedFields<T extends TableName>(table: T, record: UnderivedRecords[T]): StoredRecords[T] {
  return (DERIVE[table] as (r: UnderivedRecords[T]) => StoredRecords[T])(record);
}
