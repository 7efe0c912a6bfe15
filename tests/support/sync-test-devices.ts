/**
 * Test support for sync (imported by tests and benches only): browsers as a
 * database of their own on fake-indexeddb, a device id and a clock, all syncing
 * through one remote store.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createMarginDb, type MarginDb } from '@/utils/db/margin-db';
import { upsertArticle } from '@/utils/db/articles';
import { addHighlight } from '@/utils/db/highlights';
import { selectorsFor } from '@/tests/support/test-db';
import type { HighlightRecord } from '@/utils/db/schema';
import type { RemoteStore } from '@/utils/sync/remote-store';
import { syncOnce, type SyncOptions, type SyncResult } from '@/utils/sync/sync-engine';

export interface TestDevice {
  id: string;
  /** The open database; a new object after `restart()`. */
  readonly db: MarginDb;
  /** Moves this device's clock (devices' clocks differ, as real ones do). */
  tick: (ms?: number) => void;
  sync: (remote: RemoteStore, extra?: Partial<SyncOptions>) => Promise<SyncResult>;
  /**
   * What a stopped service worker or a closed browser leaves: the database closed and
   * opened again, and nothing kept in memory (the key cache). A sync still running on
   * the old connection is abandoned by the caller.
   */
  restart: () => void;
}

export function testDevice(id: string, start = Date.UTC(2024, 4, 1), dbName = `sync-${id}`): TestDevice {
  let t = start;
  const indexedDB = new IDBFactory();
  const open = () => createMarginDb(dbName, { indexedDB, IDBKeyRange, now: () => t, deviceId: id });
  let db = open();
  let keys = new Map();
  return {
    id,
    get db() {
      return db;
    },
    tick: (ms = 1000) => void (t += ms),
    sync: (remote, extra = {}) =>
      syncOnce({ db, remote, device: id, keys, kdf: { allowWeak: true, iterations: 2000 }, ...extra }),
    restart() {
      db.close();
      db = open();
      keys = new Map();
    },
  };
}

/** An article and a highlight on it, as the highlighter would file them. */
export async function highlightOn(db: MarginDb, url: string, quote: string, note = ''): Promise<HighlightRecord> {
  const article = await upsertArticle(db, { pageUrl: url, title: `Article at ${url}` });
  return addHighlight(db, { articleId: article.id, selectors: selectorsFor(quote, 10), note });
}

/** Every record as the user sees it (content fields only), for comparing devices. */
export async function visibleState(db: MarginDb): Promise<Record<string, unknown[]>> {
  // Stamps differ between devices by design (each write is stamped where it is made).
  const strip = (r: object) => {
    const { words: _w, updatedAt: _u, deviceId: _d, ...rest } = r as Record<string, unknown>;
    return rest;
  };
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  return {
    articles: (await db.articles.toArray()).sort(byId).map(strip),
    articleBodies: (await db.articleBodies.toArray()).sort(byId).map(strip),
    highlights: (await db.highlights.toArray()).sort(byId).map(strip),
    pageNotes: (await db.pageNotes.toArray()).sort(byId).map(strip),
    tags: (await db.tags.toArray()).sort(byId).map(strip),
  };
}
