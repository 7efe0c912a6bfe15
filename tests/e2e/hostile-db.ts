/**
 * The extension's database, from the extension's side, for the hostile-page suite: seeds
 * highlights and notes, and reads every record back (tombstones too), in an extension page
 * (the options page both drivers keep open). Goes through Margin's own data layer
 * (`utils/db`, bundled for the page) rather than through messages: the hostile-page suite must
 * seed and check the same way before and after the background starts refusing messages whose
 * sender or payload it does not trust.
 */
import { pageBundle } from '../../scripts/lib/page-bundle';
import type { HighlightColour, Selector } from '../../utils/db/schema';

/** A highlight to seed: a passage of the page, with the user's note and tags. */
export interface SeedHighlight {
  quote: string;
  colour: HighlightColour;
  note?: string;
  tags?: string[];
}

export interface SeedArticle {
  pageUrl: string;
  title: string;
  highlights: SeedHighlight[];
  pageNote?: string;
}

/** One stored highlight, as the suite compares them. */
export interface StoredHighlight {
  id: string;
  articleId: string;
  quote: string;
  colour: string;
  note: string;
  tags: string[];
  deletedAt: number | null;
}

export interface StoredState {
  highlights: StoredHighlight[];
  pageNotes: { id: string; articleId: string; text: string; deletedAt: number | null }[];
  articles: { id: string; urls: string[] }[];
}

/** The data layer, bundled for an extension page as `globalThis.HostileMarginDb`. */
export function dataLayerBundle(): Promise<string> {
  return pageBundle(`
    import * as db from './utils/db/index.ts';
    globalThis.HostileMarginDb = db;`);
}

type DataLayer = typeof import('../../utils/db/index');

/**
 * In the extension page: empties the annotation tables, then files each article and adds its highlights
 * (quote selectors only: anchoring finds them by their text) and page note.
 * Self-contained, for `evaluate` with Playwright or puppeteer.
 * @return the ids of the seeded highlights, by quote
 */
export async function seedInExtensionPage(articles: SeedArticle[]): Promise<Record<string, string>> {
  const m = (globalThis as unknown as { HostileMarginDb: DataLayer }).HostileMarginDb;
  const db = m.createMarginDb();
  await db.open();
  try {
    // Only the annotations: settings, sync state and any secret kept in the database stay.
    const tables = [db.articles, db.articleBodies, db.highlights, db.pageNotes, db.tags];
    await db.transaction('rw', tables, async () => {
      for (const table of tables) await table.clear();
    });
    const ids: Record<string, string> = {};
    for (const a of articles) {
      const article = await m.upsertArticle(db, { pageUrl: a.pageUrl, title: a.title });
      for (const h of a.highlights) {
        const selectors: Selector[] = [{ type: 'TextQuoteSelector', exact: h.quote, prefix: '', suffix: '' }];
        const made = await m.addHighlight(db, {
          articleId: article.id,
          selectors,
          colour: h.colour,
          note: h.note ?? '',
          tags: h.tags ?? [],
        });
        ids[h.quote] = made.id;
      }
      if (a.pageNote) await m.setPageNote(db, article.id, a.pageNote);
    }
    return ids;
  } finally {
    db.close();
  }
}

/** In the extension page: every highlight, page note and article, tombstones included. Self-contained. */
export async function readStoredInExtensionPage(): Promise<StoredState> {
  const m = (globalThis as unknown as { HostileMarginDb: DataLayer }).HostileMarginDb;
  const db = m.createMarginDb();
  await db.open();
  try {
    const highlights = (await db.highlights.toArray())
      .map((h) => ({
        id: h.id,
        articleId: h.articleId,
        quote: h.quote,
        colour: h.colour,
        note: h.note,
        tags: h.tags,
        deletedAt: h.deletedAt,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const pageNotes = (await db.pageNotes.toArray())
      .map((n) => ({ id: n.id, articleId: n.articleId, text: n.text, deletedAt: n.deletedAt }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const articles = (await db.articles.toArray()).map((a) => ({ id: a.id, urls: a.urls }));
    return { highlights, pageNotes, articles };
  } finally {
    db.close();
  }
}
