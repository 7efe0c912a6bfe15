/**
 * What the background does with the reading-list messages, apart from the browser:
 * applies the pure state rules (`utils/reading-list/reading-state.ts`) to an article in
 * one transaction each. Which article a sender may name is decided before this, in
 * `reading-routes.ts`; here an article is always given by id. Saving a tab's page for
 * later files it first, so it lives with the tabs (`annotation-service.ts`).
 */
import { patchArticleReading } from '@/utils/db/article-reading';
import type { MarginDb } from '@/utils/db/margin-db';
import type { ArticleRecord } from '@/utils/db/schema';
import { applyChange, reportProgress, resumePosition, type ReadingChange } from '@/utils/reading-list/reading-state';
import type { ReadingPosition } from './margin-protocol';

export interface ReadingServiceHooks {
  /** The user changed an article's place on the list: other views and sync should learn of it. */
  changed(articleId: string): Promise<void>;
}

export type ReadingService = ReturnType<typeof createReadingService>;

export function createReadingService(db: MarginDb, hooks: ReadingServiceHooks) {
  return {
    /** @return the article after the change; null if there is no live article `articleId` */
    async set(articleId: string, change: ReadingChange): Promise<ArticleRecord | null> {
      const result = await patchArticleReading(db, articleId, (a) => applyChange(a, change, db.now()));
      if (result?.written) await hooks.changed(articleId);
      return result?.article ?? null;
    },

    /**
     * A progress report. Announced to other views only when it moves the article from
     * unread to reading (the unread count changes): reports come every few seconds while
     * the user scrolls, and sync picks the rest up with its next run.
     * @return whether it was stored (false: the article is not on the list, or is gone)
     */
    async progress(articleId: string, progress: number, resumeQuote: string | null): Promise<boolean> {
      let listed = false;
      let started = false;
      const result = await patchArticleReading(db, articleId, (a) => {
        const patch = reportProgress(a, progress, resumeQuote);
        listed = patch !== null;
        started = patch?.readingStatus !== undefined;
        return patch;
      });
      if (result?.written && started) await hooks.changed(articleId);
      return result !== null && listed;
    },

    /** @return where to reopen it; null when it is not on the list (or there is no such article) */
    async position(articleId: string): Promise<ReadingPosition | null> {
      const article = await db.articles.get(articleId);
      return article && article.deletedAt === null ? resumePosition(article) : null;
    },
  };
}
