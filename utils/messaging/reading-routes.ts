/**
 * The reading-list messages' routes, with who may name which article. A content script
 * speaks for its own tab's page: it may give that page's address (or none, and the
 * browser's is used), never another page's and never an article id, so a page cannot
 * read or move the place of any other article on the list. Margin's own pages (reader
 * view of a saved copy, library, popup, side panel) may name an article by id or address.
 * Saving for later and setting a state come only from Margin's pages.
 */
import type { MarginError, MarginProtocol, ReadingTarget, SavedForLater } from './margin-protocol';
import { MARGIN_SCHEMAS } from './message-schemas';
import { refuse, type RoutesOf } from './message-router';
import { contentPageUrl, type TrustedSender } from './sender-rules';
import type { AnnotationService } from './annotation-service';

type ReadingMessages = 'reading:save' | 'reading:set' | 'reading:progress' | 'reading:position';

const error = (message: string): MarginError => ({ error: message });

/**
 * @param ready - the annotation service, once the database is open
 * @param saveForLater - the tab's "save for later" (offline copy, then listing), shared with the context menu and command
 */
export function readingRoutes(
  ready: Promise<AnnotationService>,
  saveForLater: (tabId: number) => Promise<SavedForLater | MarginError>,
): Pick<RoutesOf<MarginProtocol>, ReadingMessages> {
  /**
   * The article a reading message is about, as the sender may name it.
   * @return null when nothing is filed there
   */
  async function targetArticle(target: ReadingTarget, sender: TrustedSender): Promise<string | null> {
    const s = await ready;
    if (sender.kind === 'content') {
      if (target.articleId !== undefined) refuse('a web page may name only its own address, not an article');
      // `contentPageUrl` takes a claim only when the browser vouches for it; no claim ('') gets the browser's address.
      const url = contentPageUrl(target.url ?? '', sender);
      if (target.url !== undefined && url !== target.url) refuse('that address is not this tab’s page');
      return (await s.articleAt(url, sender.tabId))?.id ?? null;
    }
    if (target.articleId !== undefined && target.url !== undefined)
      refuse('name the article by its id or its address, not both');
    if (target.articleId !== undefined) return target.articleId;
    if (target.url !== undefined) return (await s.articleAt(target.url))?.id ?? null;
    return refuse('name the article by its id or its address');
  }

  return {
    'reading:save': {
      schema: MARGIN_SCHEMAS['reading:save'],
      from: 'extension',
      refusal: error,
      handle: ({ tabId }) => saveForLater(tabId),
    },
    'reading:set': {
      schema: MARGIN_SCHEMAS['reading:set'],
      from: 'extension',
      refusal: error,
      async handle({ articleId, ...change }) {
        const article = await (await ready).reading.set(articleId, change);
        return article ?? error('Margin has no such article.');
      },
    },
    'reading:progress': {
      schema: MARGIN_SCHEMAS['reading:progress'],
      from: 'content',
      async handle({ progress, resumeQuote, ...target }, sender) {
        const articleId = await targetArticle(target, sender);
        if (articleId === null) return { stored: false };
        return { stored: await (await ready).reading.progress(articleId, progress, resumeQuote) };
      },
    },
    'reading:position': {
      schema: MARGIN_SCHEMAS['reading:position'],
      from: 'content',
      async handle(target, sender) {
        const articleId = await targetArticle(target, sender);
        return articleId === null ? null : (await ready).reading.position(articleId);
      },
    },
  };
}
