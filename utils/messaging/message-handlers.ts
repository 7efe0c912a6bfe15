/**
 * The background's answers to the annotation messages, with who may ask what.
 * A content script speaks for its tab's page and nothing else: the page's address
 * is one the browser reports for the sender (`sender.url`, `sender.tab.url`), never
 * one only the message names, and it may touch only highlights of the article filed
 * for that tab. Tab-scoped requests (a tab's page, its page note, its offline copy) and
 * import notices come only from Margin's own pages. Every payload is checked by
 * `message-schemas.ts` first (`message-router.ts`). Browser calls arrive as hooks,
 * so tests feed raw messages with fake senders to the real service.
 */
import { z } from 'zod';
import { articleSchema, articleBodySchema, extractionFallbackSchema } from '@/utils/backup/backup-schema';
import type { HighlightRecord } from '@/utils/db/schema';
import {
  isMarginError,
  type MarginError,
  type MarginProtocol,
  type PageInfo,
  type PaintedHighlight,
  type SavedForLater,
} from '@/utils/messaging/margin-protocol';
import { MARGIN_SCHEMAS, pageInfoSchema } from '@/utils/messaging/message-schemas';
import { refuse, type RoutesOf } from '@/utils/messaging/message-router';
import { contentPageUrl, type TrustedSender } from '@/utils/messaging/sender-rules';
import type { AnnotationService } from './annotation-service';
import { readingRoutes } from './reading-routes';

/** What the handlers need from the browser. */
export interface MessageHandlerHooks {
  /** What the content script in the tab says about its page (`page:info`); undefined when none answers. */
  pageInfoOf(tabId: number): Promise<unknown>;
  /** The address the tab shows, as the browser knows it; undefined if it cannot say. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** The reader's extraction of the tab's article (`ReaderExtract`), null when it found none; throws when Margin cannot run there. */
  extractArticle(tabId: number): Promise<unknown>;
  /** Tells the side panel, if one is open, that the user clicked highlight `id` in the tab. */
  focusPanel(tabId: number, id: string): Promise<void>;
  /** Asks the tab's highlighter to remove its note card. */
  closeNoteCard(tabId: number): Promise<void>;
}

/** The reader's extraction as the background accepts it: only the fields an offline copy keeps. */
const readerExtractSchema = z.object({
  html: articleBodySchema.shape.html,
  text: articleBodySchema.shape.text,
  title: articleSchema.shape.title,
  author: articleSchema.shape.author,
  site: articleSchema.shape.site,
  published: articleSchema.shape.published,
  lang: articleSchema.shape.lang,
  // Kept with the copy, so the reader's "shown as found on the page" note comes back offline.
  fallback: extractionFallbackSchema.optional(),
});

const error = (message: string) => ({ error: message });

/**
 * Whether two addresses are of the same origin. Where the origin is opaque ("null": data:,
 * and file: in Firefox; Chromium gives every file the one origin `file://`), only the same
 * document is: the same address but for its fragment.
 */
function sameOrigin(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    if (x.origin !== 'null' || y.origin !== 'null') return x.origin === y.origin;
    [x.hash, y.hash] = ['', ''];
    return x.href === y.href;
  } catch {
    return false;
  }
}

/**
 * @return the route table for `marginMessenger`, and `forgetTab` for `tabs.onRemoved`
 */
/**
 * What the answer of a highlight message carries: where and how to paint it. Every
 * sender gets the same (a content script needs nothing more, and Margin's pages read
 * the database); copying fields by name keeps a note, tags and the search words that
 * hold them (`words`, `tagWords`) out of the page's renderer process.
 */
export function painted(h: HighlightRecord): PaintedHighlight {
  const { id, articleId, selectors, quote, colour, anchor, position } = h;
  return { id, articleId, selectors, quote, colour, anchor, position };
}

function paintedOrNot<T extends MarginError | null>(answer: HighlightRecord | T): PaintedHighlight | T {
  return answer && !isMarginError(answer) ? painted(answer) : answer;
}

export function createMarginRoutes(
  service: AnnotationService | Promise<AnnotationService>,
  hooks: MessageHandlerHooks,
) {
  // The background registers the routes at once (a message may be what woke it) and opens the database meanwhile.
  const ready = Promise.resolve(service);
  /** Per tab: the highlight its note card edits, as its content script last named it. */
  const noteCardTargets = new Map<number, string>();

  /** The page a sender speaks for: a content script's address is one the browser vouches for (`contentPageUrl`). */
  function senderPage(page: PageInfo, sender: TrustedSender): PageInfo {
    return sender.kind === 'content' ? { ...page, pageUrl: contentPageUrl(page.pageUrl, sender) } : page;
  }

  /**
   * The tab whose page a write came from, which needs no repaint and whose filing it updates:
   * only a content script's. The note card is an extension page framed in a tab, and its
   * edits must repaint that tab's page.
   */
  function writerTab(sender: TrustedSender): number | undefined {
    return sender.kind === 'content' ? sender.tabId : undefined;
  }

  /**
   * The article the background filed for a content script's tab, when that filing is of the
   * sender's own site, or a refusal. The filing stays until the tab's next `page:open`: after
   * the tab moved on to another site, that site's script, speaking before its first
   * `page:open`, must not act on the article of the page the tab showed before. Origins are
   * compared, not addresses: a page may `pushState` to any address of its own origin (and then
   * open it), and a hash or in-app move is filed again only when the highlighter notices it.
   * A file:// page (an opaque origin) counts as its own document only.
   */
  async function tabArticle(sender: Extract<TrustedSender, { kind: 'content' }>): Promise<string> {
    const { page, articleId } = (await ready).tabPage(sender.tabId);
    if (!articleId || !page) refuse('Margin has no article for this tab’s page');
    if (!sameOrigin(page.pageUrl, sender.url)) refuse('this tab’s page has changed since Margin last opened it');
    return articleId;
  }

  /**
   * A content script may act only on a highlight of its own tab's article.
   * @param live - whether the highlight must not be deleted
   */
  async function checkOwnHighlight(sender: TrustedSender, id: string, live = false): Promise<void> {
    if (sender.kind !== 'content') return;
    const found = await (await ready).highlightArticle(id);
    if (!found || found.articleId !== (await tabArticle(sender))) refuse('that highlight is not on this tab’s page');
    if (live && !found.live) refuse('that highlight was deleted');
  }

  /**
   * Notes and tags are typed in Margin's own pages (the note card, the side panel), never in
   * the page: a content script that sends one is not Margin's code at work, so it is refused.
   */
  function checkNoWords(
    sender: TrustedSender,
    data: { note?: unknown; tags?: unknown; noteConflicts?: unknown },
  ): void {
    if (sender.kind !== 'content') return;
    if (data.note !== undefined || data.tags !== undefined || data.noteConflicts !== undefined) {
      refuse('notes and tags are written in Margin’s own pages, not from a web page');
    }
  }

  /**
   * Extracts the article in a tab and saves its offline copy: `article:save-offline`, and the
   * first half of "save for later" (one code path for both).
   */
  async function saveOfflineCopy(tabId: number): Promise<{ savedAt: number } | MarginError> {
    try {
      const extracted = await hooks.extractArticle(tabId);
      if (!extracted) return error('Margin found no article on this page to save.');
      // The extraction ran in the page's content-script world: take only what an offline copy keeps.
      const parsed = readerExtractSchema.safeParse(extracted);
      if (!parsed.success)
        return error('Margin could not save this page: the reader view returned something it cannot keep.');
      const { html, text, fallback, ...meta } = parsed.data;
      const saved = await (await ready).saveOffline(tabId, { html, text, fallback }, meta);
      return isMarginError(saved) ? saved : { savedAt: saved.savedAt };
    } catch (e) {
      return error(e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * "Save for later" of the page in a tab: its offline copy when an article can be
   * extracted, then the page on the reading list (listed even without a copy: a page the
   * reader finds no article in is still one to come back to).
   */
  async function saveForLater(tabId: number): Promise<SavedForLater | MarginError> {
    const copy = await saveOfflineCopy(tabId);
    const listed = await (await ready).saveTabForLater(tabId);
    // Both failed (a page Margin cannot run on): the extraction's reason says more.
    if (isMarginError(listed)) return isMarginError(copy) ? copy : listed;
    return { ...listed, offline: !isMarginError(copy) };
  }

  const routes: RoutesOf<MarginProtocol> = {
    'page:open': {
      schema: MARGIN_SCHEMAS['page:open'],
      from: 'content',
      async handle(page, sender) {
        const { article, highlights, settings } = await (await ready).openPage(
          writerTab(sender),
          senderPage(page, sender),
        );
        return { article, highlights: highlights.map(painted), settings };
      },
    },
    'highlight:create': {
      schema: MARGIN_SCHEMAS['highlight:create'],
      from: 'content',
      refusal: error,
      async handle(data, sender) {
        checkNoWords(sender, data);
        return paintedOrNot(
          await (await ready).createHighlight(writerTab(sender), { ...data, page: senderPage(data.page, sender) }),
        );
      },
    },
    'highlight:update': {
      schema: MARGIN_SCHEMAS['highlight:update'],
      from: 'content',
      refusal: error,
      async handle({ id, patch }, sender) {
        checkNoWords(sender, patch);
        await checkOwnHighlight(sender, id);
        return paintedOrNot(await (await ready).updateHighlight(writerTab(sender), id, patch));
      },
    },
    'highlight:delete': {
      schema: MARGIN_SCHEMAS['highlight:delete'],
      from: 'content',
      async handle({ id }, sender) {
        await checkOwnHighlight(sender, id);
        return (await ready).deleteHighlight(writerTab(sender), id);
      },
    },
    'highlight:restore': {
      schema: MARGIN_SCHEMAS['highlight:restore'],
      from: 'content',
      async handle({ id }, sender) {
        await checkOwnHighlight(sender, id);
        return paintedOrNot(await (await ready).restoreHighlight(writerTab(sender), id));
      },
    },
    'highlights:placed': {
      schema: MARGIN_SCHEMAS['highlights:placed'],
      from: 'content',
      async handle({ articleId, placements }, sender) {
        if (sender.kind === 'content' && articleId !== (await tabArticle(sender)))
          refuse('that article is not this tab’s page');
        return (await ready).recordPlacements(articleId, placements);
      },
    },
    'highlight:focused': {
      schema: MARGIN_SCHEMAS['highlight:focused'],
      from: 'content',
      async handle({ id, noteCard }, sender) {
        if (sender.tabId === undefined) refuse('a highlight is focused in a tab, and this page is in none');
        const tabId = sender.tabId;
        if (sender.kind === 'content') await checkOwnHighlight(sender, id, true);
        else if (!(await (await ready).highlightArticle(id))?.live) refuse('there is no such highlight');
        if (noteCard) noteCardTargets.set(tabId, id);
        await hooks.focusPanel(tabId, id);
      },
    },
    'note-card:target': {
      schema: MARGIN_SCHEMAS['note-card:target'],
      from: 'extension',
      refusal: error,
      async handle(_, sender) {
        if (sender.tabId === undefined) refuse('only a note card in a tab may ask which highlight it edits');
        const tabId = sender.tabId;
        const id = noteCardTargets.get(tabId);
        const s = await ready;
        // Live, and still on the page the tab shows.
        const found = id === undefined ? null : await s.noteCardRecord(id);
        if (id === undefined || !found || found.articleId !== s.tabPage(tabId).articleId) {
          return error('This highlight is no longer on the page: close the note and click the highlight again.');
        }
        // The record travels with the answer: framed in a web page, the card is a third-party
        // frame, and Chromium denies it the extension's IndexedDB.
        return { id, tabId, highlight: found.highlight };
      },
    },
    'note-card:done': {
      schema: MARGIN_SCHEMAS['note-card:done'],
      from: 'extension',
      async handle(_, sender) {
        if (sender.tabId === undefined) refuse('only a note card in a tab may close itself');
        await hooks.closeNoteCard(sender.tabId);
      },
    },
    'tab:page': {
      schema: MARGIN_SCHEMAS['tab:page'],
      from: 'extension',
      async handle({ tabId }) {
        // Asked fresh each time: a single-page app may have changed its address and title since it loaded.
        // The content script describes the page; the address is the browser's.
        const [info, url] = await Promise.all([hooks.pageInfoOf(tabId), hooks.tabUrl(tabId)]);
        const s = await ready;
        const parsed = pageInfoSchema.safeParse(info);
        if (parsed.success && url) await s.openPage(tabId, { ...parsed.data, pageUrl: url });
        return s.tabPage(tabId);
      },
    },
    'page-note:set': {
      schema: MARGIN_SCHEMAS['page-note:set'],
      from: 'extension',
      refusal: error,
      handle: async (data) =>
        'articleId' in data
          ? (await ready).setArticlePageNote(data.articleId, data.text)
          : (await ready).setPageNote(data.tabId, data.text),
    },
    'records:imported': {
      schema: MARGIN_SCHEMAS['records:imported'],
      from: 'extension',
      handle: async ({ articleIds }) => (await ready).recordsImported(articleIds),
    },
    'article:save-offline': {
      schema: MARGIN_SCHEMAS['article:save-offline'],
      from: 'extension',
      refusal: error,
      handle: ({ tabId }) => saveOfflineCopy(tabId),
    },
    ...readingRoutes(ready, saveForLater),
  };

  return {
    routes,
    /**
     * "Save for later" for the page in a tab, as `reading:save` answers it: for the
     * background's context-menu entry and keyboard command.
     */
    saveForLater,
    /** The tab closed: drop what was remembered for it. */
    forgetTab(tabId: number): void {
      noteCardTargets.delete(tabId);
      void ready.then((s) => s.forgetTab(tabId));
    },
  };
}
