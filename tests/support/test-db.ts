/**
 * Test support for the data layer (imported by `*.test.ts` only): a database on a
 * fresh in-memory fake-indexeddb, with a clock the test moves.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
  createMarginDb,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  type MarginDb,
} from '@/utils/db/margin-db';
import { newRecordId } from '@/utils/db/record-id';
import type { HighlightColour, HighlightRecord, Selector } from '@/utils/db/schema';
import { withDerivedFields } from '@/utils/db/derived-fields';

/** A settable clock in epoch ms, starting 2024-05-01T00:00:00Z. */
export interface TestClock {
  now: () => number;
  set: (ms: number) => void;
  advance: (ms: number) => void;
}

/** A clock that only moves when told. */
export function testClock(start = Date.UTC(2024, 4, 1)): TestClock {
  let t = start;
  return { now: () => t, set: (ms) => (t = ms), advance: (ms) => (t += ms) };
}

/**
 * A Margin database of its own (nothing shared between tests) on fake-indexeddb.
 * @param indexedDB - pass one to reopen the same databases (migration tests)
 */
export function testDb(
  clock: TestClock = testClock(),
  indexedDB: IDBFactory = new IDBFactory(),
  name = 'margin-test',
): MarginDb {
  return createMarginDb(name, { indexedDB, IDBKeyRange, now: clock.now, deviceId: 'test-device' });
}

/** The selectors the reader would store for `exact` found at `start` in the article text. */
export function selectorsFor(exact: string, start: number, prefix = '', suffix = ''): Selector[] {
  return [
    { type: 'TextQuoteSelector', exact, prefix, suffix },
    { type: 'TextPositionSelector', start, end: start + exact.length },
  ];
}

/**
 * A highlight as the repository stores it (id, stamps, search words), for tests that
 * write thousands directly: through `addHighlight` they would only be slower.
 */
export function storedHighlight(
  articleId: string,
  f: {
    quote: string;
    createdAt: number;
    position: number;
    colour?: HighlightColour;
    tags?: string[];
    deletedAt?: number | null;
  },
): HighlightRecord {
  const content = { quote: f.quote, note: '', tags: f.tags ?? [] };
  const deletedAt = f.deletedAt ?? null;
  return withDerivedFields('highlights', {
    id: newRecordId(f.createdAt),
    articleId,
    selectors: selectorsFor(f.quote, f.position),
    colour: f.colour ?? 'yellow',
    position: f.position,
    anchor: 'anchored',
    createdAt: f.createdAt,
    updatedAt: f.createdAt,
    deletedAt,
    ...content,
  });
}

/** Writes highlights directly, with `articles` in the transaction: the database reads each one's site there (`site-words.ts`). */
export function addHighlightRows(db: MarginDb, rows: HighlightRecord[]): Promise<unknown> {
  return db.transaction('rw', [db.highlights, db.articles], () => db.highlights.bulkAdd(rows));
}

/** A database as an earlier version of Margin opened it (schemas 1 to `version`), in `factory`: for migration tests. */
export async function openEarlierVersion(factory: IDBFactory, version: 1 | 2 | 3 | 4 | 5): Promise<Dexie> {
  const db = new Dexie('margin-test', { indexedDB: factory, IDBKeyRange });
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5].slice(0, version).forEach((schema, i) => {
    db.version(i + 1).stores(schema);
  });
  await db.open();
  return db;
}
