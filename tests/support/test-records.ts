/**
 * Test support for backup and import tests (imported by `*.test.ts` and the bench
 * only): records with readable fixed ids, and a dump of a whole database to compare
 * before and after.
 */
import type {
  BackupArticle,
  BackupArticleBody,
  BackupHighlight,
  BackupPageNote,
  BackupRecords,
  BackupTag,
} from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { readingDefaults } from '@/utils/db/reading-fields';

const T0 = Date.UTC(2024, 4, 1);

/** A valid UUID (version 7 layout) that reads as its number: `uuid(3)` ends in `…000000000003`. */
export function uuid(n: number): string {
  return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function article(n: number, fields: Partial<BackupArticle> = {}): BackupArticle {
  const url = fields.url ?? `https://example.com/post-${n}`;
  return {
    id: uuid(n),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    deviceId: 'laptop',
    url,
    urls: [url],
    pageUrl: url,
    canonicalUrl: null,
    title: `Post ${n}`,
    author: null,
    site: null,
    published: null,
    lang: null,
    savedAt: null,
    ...readingDefaults(),
    ...fields,
  };
}

export function body(articleN: number, fields: Partial<BackupArticleBody> = {}): BackupArticleBody {
  return {
    id: uuid(articleN),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    deviceId: 'laptop',
    html: '<p>Body</p>',
    text: 'Body',
    ...fields,
  };
}

export function highlight(n: number, articleN: number, fields: Partial<BackupHighlight> = {}): BackupHighlight {
  const quote = fields.quote ?? `passage ${n}`;
  return {
    id: uuid(1000 + n),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    deviceId: 'laptop',
    articleId: uuid(articleN),
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: n * 10, end: n * 10 + quote.length },
    ],
    quote,
    colour: 'yellow',
    note: '',
    tags: [],
    position: n * 10,
    anchor: 'anchored',
    ...fields,
  };
}

export function pageNote(n: number, articleN: number, fields: Partial<BackupPageNote> = {}): BackupPageNote {
  return {
    id: uuid(2000 + n),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    deviceId: 'laptop',
    articleId: uuid(articleN),
    text: `Note ${n}`,
    ...fields,
  };
}

export function tag(n: number, name: string, fields: Partial<BackupTag> = {}): BackupTag {
  return {
    id: uuid(3000 + n),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    deviceId: 'laptop',
    name,
    colour: null,
    ...fields,
  };
}

export function recordSet(records: Partial<BackupRecords> = {}): BackupRecords {
  return { articles: [], articleBodies: [], highlights: [], pageNotes: [], tags: [], ...records };
}

/** A backup file's text holding these records. */
export function backupText(records: Partial<BackupRecords>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    format: 'margin-backup',
    version: 1,
    exportedAt: T0,
    records: recordSet(records),
    settings: {},
    ...extra,
  });
}

/** Every row of every table, sorted by id: equal dumps mean equal databases. */
export async function dumpDb(db: MarginDb): Promise<Record<string, unknown[]>> {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    articles: (await db.articles.toArray()).sort(byId),
    articleBodies: (await db.articleBodies.toArray()).sort(byId),
    highlights: (await db.highlights.toArray()).sort(byId),
    pageNotes: (await db.pageNotes.toArray()).sort(byId),
    tags: (await db.tags.toArray()).sort(byId),
  };
}

/**
 * Counts every write the storage layer receives (a DBCore middleware below Dexie).
 * Call before the database is first used: Dexie builds its middleware stack on open.
 */
export function countWrites(db: MarginDb): () => number {
  let writes = 0;
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            writes += 'values' in req && req.values ? req.values.length : 1;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return () => writes;
}
