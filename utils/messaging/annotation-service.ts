/**
 * What the background does with each annotation message, apart from the browser:
 * files a page's article on its first highlight, writes through the repository
 * functions, remembers which page each tab shows, and says which tabs to repaint
 * and what each tab's badge count is. The background wires it to messages,
 * `tabs.sendMessage` and the toolbar badge; tests run it on fake-indexeddb.
 */
import { importedPlacement } from '@/utils/anchoring/imported-placement';
import {
  addHighlight,
  deleteHighlight,
  findArticleByUrl,
  listHighlights,
  restoreHighlight,
  setPageNote,
  StorageFullError,
  updateHighlight,
  upsertArticle,
  type HighlightPatch,
  type MarginDb,
} from '@/utils/db';
import { writeTransaction } from '@/utils/db/write-transaction';
import { patchArticleReading } from '@/utils/db/article-reading';
import { saveForLater } from '@/utils/reading-list/reading-state';
import { createReadingService } from './reading-service';
import type { ArticleInput, SavedBody } from '@/utils/db/articles';
import type { ArticleRecord, HighlightColour, HighlightRecord, PageNoteRecord, Selector } from '@/utils/db/schema';
import type { HighlightSettings } from '@/utils/settings/highlight-settings';
import type { MarginError, NoteCardRecord, PageInfo, PlacementReport } from '@/utils/messaging/margin-protocol';

export interface AnnotationServiceHooks {
  /** An article's annotations changed: repaint it in these tabs (not the one that made the change). */
  articleChanged(articleId: string, tabIds: number[]): void;
  /** A tab's badge should show this many highlights. */
  badge(tabId: number, count: number): void;
  /** Current highlight settings (the default colour). */
  settings(): Promise<HighlightSettings>;
}

interface TabPage {
  page: PageInfo;
  articleId: string | null;
}

/** A page's article and its highlights, whole: the message layer sends a page only what it paints. */
export interface OpenedPage {
  article: ArticleRecord | null;
  highlights: HighlightRecord[];
  settings: HighlightSettings;
}

export type AnnotationService = ReturnType<typeof createAnnotationService>;

export function createAnnotationService(db: MarginDb, hooks: AnnotationServiceHooks) {
  const tabs = new Map<number, TabPage>();

  function tabsShowing(articleId: string, except?: number): number[] {
    return [...tabs].filter(([id, t]) => t.articleId === articleId && id !== except).map(([id]) => id);
  }

  async function refreshBadges(articleId: string): Promise<void> {
    const count = (await listHighlights(db, articleId)).length;
    for (const tabId of tabsShowing(articleId)) hooks.badge(tabId, count);
  }

  async function changed(articleId: string, fromTab?: number): Promise<void> {
    hooks.articleChanged(articleId, tabsShowing(articleId, fromTab));
    await refreshBadges(articleId);
  }

  async function fileArticle(page: PageInfo): Promise<ArticleRecord> {
    const found = await findArticleByUrl(db, page.pageUrl, page.canonicalUrl);
    if (found) return found;
    return upsertArticle(db, toArticleInput(page));
  }

  const reading = createReadingService(db, { changed: (articleId) => changed(articleId) });

  return {
    /** The reading-list rules on an article given by id (`reading:set`, `reading:progress`, `reading:position`). */
    reading,

    /**
     * The live article a page at `url` is filed under. When `tabId` shows that page, its
     * canonical link (as the tab last reported it) is used too.
     * @return null if none
     */
    async articleAt(url: string, tabId?: number): Promise<ArticleRecord | null> {
      const t = tabId === undefined ? undefined : tabs.get(tabId);
      return findArticleByUrl(db, url, t && t.page.pageUrl === url ? t.page.canonicalUrl : null);
    },

    /**
     * Puts the page a tab shows on the reading list, filing its article first if it is new
     * (a page with no extractable article is listed all the same, without an offline copy).
     * The article and its listing are written together.
     */
    async saveTabForLater(tabId: number): Promise<{ articleId: string; alreadyListed: boolean } | MarginError> {
      return reportErrors(async () => {
        const t = tabs.get(tabId);
        if (!t) return { error: 'Margin has not seen this page yet: reload it and try again.' };
        const listed = await writeTransaction(db, [db.articles, db.articleBodies, db.tags], async () => {
          const filed = t.articleId ? await db.articles.get(t.articleId) : undefined;
          const article = filed && filed.deletedAt === null ? filed : await fileArticle(t.page);
          let alreadyListed = false;
          await patchArticleReading(db, article.id, (a) => {
            const rule = saveForLater(a, db.now());
            alreadyListed = rule.alreadyListed;
            return rule.patch;
          });
          return { articleId: article.id, alreadyListed };
        });
        tabs.set(tabId, { ...t, articleId: listed.articleId });
        if (!listed.alreadyListed) await changed(listed.articleId, tabId);
        return listed;
      });
    },

    /** The tab shows this page now: its article's highlights and note (nothing is written). */
    async openPage(tabId: number | undefined, page: PageInfo): Promise<OpenedPage> {
      const article = await findArticleByUrl(db, page.pageUrl, page.canonicalUrl);
      if (tabId !== undefined) tabs.set(tabId, { page, articleId: article?.id ?? null });
      const highlights = article ? await listHighlights(db, article.id) : [];
      if (tabId !== undefined) hooks.badge(tabId, highlights.length);
      return { article, highlights, settings: await hooks.settings() };
    },

    /** Records were written outside these messages (an import): repaint the tabs showing them. */
    async recordsImported(articleIds: string[]): Promise<void> {
      const ids = [...new Set(articleIds)];
      for (const id of ids) await changed(id);
      // Tabs on pages with no article yet may be showing one the import just brought.
      const unfiled = [...tabs].filter(([, t]) => t.articleId === null).map(([id]) => id);
      if (ids[0] && unfiled.length) hooks.articleChanged(ids[0], unfiled);
    },

    /** The tab closed or left the page. */
    forgetTab(tabId: number): void {
      tabs.delete(tabId);
    },

    /**
     * The article a highlight belongs to, live or deleted (a restore acts on a deleted one).
     * @return null if there is no such highlight
     */
    async highlightArticle(id: string): Promise<{ articleId: string; live: boolean } | null> {
      const h = await db.highlights.get(id);
      return h ? { articleId: h.articleId, live: h.deletedAt === null } : null;
    },

    /** What the note card edits of a live highlight (quote, note, tags, colour), and its article; null when deleted. */
    async noteCardRecord(id: string): Promise<{ articleId: string; highlight: NoteCardRecord } | null> {
      const h = await db.highlights.get(id);
      if (!h || h.deletedAt !== null) return null;
      return { articleId: h.articleId, highlight: { quote: h.quote, note: h.note, tags: h.tags, colour: h.colour } };
    },

    tabPage(tabId: number): { page: PageInfo | null; articleId: string | null } {
      const t = tabs.get(tabId);
      return { page: t?.page ?? null, articleId: t?.articleId ?? null };
    },

    async createHighlight(
      tabId: number | undefined,
      data: { page: PageInfo; selectors: Selector[]; colour?: HighlightColour; note?: string; tags?: string[] },
    ): Promise<HighlightRecord | MarginError> {
      return reportErrors(async () => {
        const colour = data.colour ?? (await hooks.settings()).defaultColour;
        // The article and its first highlight are written together: never an article with nothing in it.
        const highlight = await writeTransaction(
          db,
          [db.articles, db.articleBodies, db.highlights, db.tags],
          async () => {
            const article = await fileArticle(data.page);
            return addHighlight(db, {
              articleId: article.id,
              selectors: data.selectors,
              colour,
              note: data.note,
              tags: data.tags,
            });
          },
        );
        if (tabId !== undefined) tabs.set(tabId, { page: data.page, articleId: highlight.articleId });
        await changed(highlight.articleId, tabId);
        return highlight;
      });
    },

    async updateHighlight(tabId: number | undefined, id: string, patch: HighlightPatch) {
      return reportErrors(async () => {
        const updated = await updateHighlight(db, id, patch);
        if (updated) await changed(updated.articleId, tabId);
        return updated;
      });
    },

    async deleteHighlight(tabId: number | undefined, id: string): Promise<boolean> {
      const current = await db.highlights.get(id);
      const done = await deleteHighlight(db, id);
      if (done && current) await changed(current.articleId, tabId);
      return done;
    },

    async restoreHighlight(tabId: number | undefined, id: string): Promise<HighlightRecord | null> {
      const restored = await restoreHighlight(db, id);
      if (restored) await changed(restored.articleId, tabId);
      return restored;
    },

    /**
     * Records where a visit placed each highlight. Writes only real changes, so a
     * revisit does not make every highlight look edited to sync; a highlight the user
     * kept as a note (`detached`) is not touched. An imported highlight (`unplaced`)
     * found for the first time keeps where it was found, if that quotes it.
     */
    async recordPlacements(articleId: string, placements: PlacementReport[]): Promise<void> {
      let any = false;
      for (const p of placements) {
        const current = await db.highlights.get(p.id);
        if (!current || current.deletedAt !== null || current.articleId !== articleId || current.anchor === 'detached')
          continue;
        const patch: HighlightPatch = { anchor: p.anchor };
        if (current.anchor === 'unplaced' && p.anchor !== 'orphaned') {
          const selectors = p.selectors && importedPlacement(current.quote, p.selectors);
          // Placed without saying where, or somewhere that does not quote it: not placed.
          if (!selectors) continue;
          patch.selectors = selectors;
        }
        if (p.position !== undefined) patch.position = p.position;
        const next = await updateHighlight(db, p.id, patch);
        if (next && next.updatedAt !== current.updatedAt) any = true;
      }
      // Other views (popup, library) learn from their live queries; pages need no repaint.
      if (any) await refreshBadges(articleId);
    },

    /** Sets the page note of the page a tab shows, filing the article if it is new. */
    async setPageNote(tabId: number, text: string): Promise<PageNoteRecord | null | MarginError> {
      return reportErrors(async () => {
        const t = tabs.get(tabId);
        if (!t) return { error: 'Margin has not seen this page yet: reload it and try again.' };
        const { articleId, note } = await writeTransaction(
          db,
          [db.articles, db.articleBodies, db.pageNotes],
          async () => {
            const article = t.articleId ? { id: t.articleId } : await fileArticle(t.page);
            return { articleId: article.id, note: await setPageNote(db, article.id, text) };
          },
        );
        tabs.set(tabId, { ...t, articleId });
        await changed(articleId, tabId);
        return note;
      });
    },

    /** Sets (or, with empty text, deletes) the page note of a stored article: beside its saved offline copy. */
    async setArticlePageNote(articleId: string, text: string): Promise<PageNoteRecord | null | MarginError> {
      return reportErrors(async () => {
        const article = await db.articles.get(articleId);
        if (!article || article.deletedAt !== null) return { error: 'Margin has no such article.' };
        const note = await writeTransaction(db, [db.articles, db.articleBodies, db.pageNotes], () =>
          setPageNote(db, articleId, text),
        );
        await changed(articleId);
        return note;
      });
    },

    /** Saves an offline copy of the article a tab shows. */
    async saveOffline(tabId: number, body: SavedBody, extracted: Partial<PageInfo>) {
      return reportErrors(async () => {
        const t = tabs.get(tabId);
        if (!t) return { error: 'Margin has not seen this page yet: reload it and try again.' };
        const article = await upsertArticle(db, { ...toArticleInput({ ...t.page, ...definedOnly(extracted) }), body });
        tabs.set(tabId, { ...t, articleId: article.id });
        await changed(article.id, tabId);
        return { savedAt: article.savedAt ?? Date.now() };
      });
    },
  };
}

function toArticleInput(page: PageInfo): ArticleInput {
  return {
    pageUrl: page.pageUrl,
    canonicalUrl: page.canonicalUrl,
    title: page.title,
    author: page.author,
    site: page.site,
    published: page.published,
    lang: page.lang,
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as Partial<T>;
}

/** Turns the errors a user can act on into a message; anything else is a bug and propagates. */
async function reportErrors<T>(write: () => Promise<T>): Promise<T | MarginError> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StorageFullError) return { error: error.message };
    if (error instanceof TypeError) return { error: `Margin could not save this: ${error.message}` };
    throw error;
  }
}
