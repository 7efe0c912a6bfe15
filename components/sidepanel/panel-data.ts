/**
 * What the panel lists for one article — the article, its highlights, its page note —
 * read in one live query, so the first answer comes in one piece (one render) and every
 * later write to any of them re-reads all three together.
 *
 * A `PanelDataSource` subscribes to the database as soon as it is made: the panel's
 * start (`panel-start.ts`) makes the first one before React has even rendered, and
 * hands it over still subscribed, so the first frame already holds the cards and the
 * same subscription then keeps them live (nothing is read twice).
 */
import { liveQuery, type Subscription } from 'dexie';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { getArticle, getPageNote, listHighlights, type MarginDb } from '@/utils/db';
import type { ArticleRecord, HighlightRecord, PageNoteRecord } from '@/utils/db/schema';

export interface PanelData {
  articleId: string | null;
  article: ArticleRecord | null;
  rows: HighlightRecord[];
  /** null: the article has no page note. */
  pageNote: PageNoteRecord | null;
}

export interface PanelDataSource {
  articleId: string | null;
  /** The latest answer; undefined until the first one. */
  current(): PanelData | undefined;
  /** Resolves with the first answer (or undefined if the read failed). */
  first: Promise<PanelData | undefined>;
  subscribe(onChange: () => void): () => void;
  close(): void;
}

const NOTHING: PanelData = { articleId: null, article: null, rows: [], pageNote: null };

async function readPanelData(db: MarginDb, articleId: string): Promise<PanelData> {
  const [article, rows, pageNote] = await Promise.all([
    getArticle(db, articleId),
    listHighlights(db, articleId),
    getPageNote(db, articleId),
  ]);
  return { articleId, article, rows, pageNote };
}

/** Starts reading (and then watching) `articleId`'s panel data now. */
export function openPanelData(db: MarginDb, articleId: string | null): PanelDataSource {
  if (articleId === null) {
    const none = { ...NOTHING };
    return {
      articleId,
      current: () => none,
      first: Promise.resolve(none),
      subscribe: () => () => undefined,
      close: () => undefined,
    };
  }
  let latest: PanelData | undefined;
  const listeners = new Set<() => void>();
  let settle: (data: PanelData | undefined) => void = () => undefined;
  const first = new Promise<PanelData | undefined>((resolve) => (settle = resolve));
  const subscription: Subscription = liveQuery(() => readPanelData(db, articleId)).subscribe({
    next(data) {
      latest = data;
      settle(data);
      for (const l of listeners) l();
    },
    error() {
      // Nothing to show beats a panel stuck waiting; the next tab event reads again.
      latest ??= { ...NOTHING, articleId };
      settle(latest);
      for (const l of listeners) l();
    },
  });
  return {
    articleId,
    current: () => latest,
    first,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    close: () => subscription.unsubscribe(),
  };
}

/**
 * The live panel data of `articleId`: from `handed` (already subscribed, made before
 * React started) when it is about the same article, else from a source opened here.
 * @return undefined until the first answer for this article
 */
export function usePanelData(
  db: MarginDb,
  articleId: string | null,
  handed: PanelDataSource | null,
): PanelData | undefined {
  const source = useMemo(
    () => (handed && handed.articleId === articleId ? handed : openPanelData(db, articleId)),
    [db, articleId, handed],
  );
  useEffect(() => () => source.close(), [source]);
  return useSyncExternalStore(source.subscribe, source.current);
}
