/**
 * One article per page, across browsers. Two browsers that each highlighted a page
 * before syncing filed it under two ids; after a sync both are here, and a visit
 * would find only one of them, hiding the other's highlights. This folds the
 * younger article into the older (oldest `createdAt`, then smallest id: every
 * browser picks the same one), moving its highlights and page note over. The moves
 * are ordinary local edits: they are sent, and the other browser, making the same
 * moves, converges on the same values.
 */
import { TABLE_NAMES } from '@/utils/backup/backup-format';
import type { MarginDb } from '@/utils/db/margin-db';
import { touchStamps } from '@/utils/db/record-stamps';
import type { ArticleRecord } from '@/utils/db/schema';
import { withDerivedFields } from '@/utils/db/derived-fields';
import type { ReadingFields } from '@/utils/db/reading-fields';
import { writeTransaction } from '@/utils/db/write-transaction';

/**
 * @param articleIds - articles a sync just wrote; only their duplicates are looked for
 * @return how many articles were folded into another
 */
export async function mergeDuplicateArticles(db: MarginDb, articleIds: readonly string[]): Promise<number> {
  let folded = 0;
  for (const id of articleIds) {
    folded += await writeTransaction(
      db,
      TABLE_NAMES.map((t) => db.table(t)),
      async () => {
        const article = await db.articles.get(id);
        if (!article || article.deletedAt !== null) return 0;
        const twins = (await db.articles.where('urls').anyOf(article.urls).distinct().toArray()).filter(
          (a) => a.deletedAt === null,
        );
        if (twins.length < 2) return 0;
        twins.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
        const [keeper, ...losers] = twins as [ArticleRecord, ...ArticleRecord[]];
        for (const loser of losers) await foldInto(db, keeper, loser);
        return losers.length;
      },
    );
  }
  return folded;
}

async function foldInto(db: MarginDb, keeper: ArticleRecord, loser: ArticleRecord): Promise<void> {
  for (const h of await db.highlights.where('articleId').equals(loser.id).toArray()) {
    await db.highlights.put({ ...h, articleId: keeper.id, ...touchStamps(db, h) });
  }
  const notes = await db.pageNotes.where('articleId').anyOf(keeper.id, loser.id).toArray();
  const mine = notes.find((n) => n.articleId === keeper.id && n.deletedAt === null);
  for (const n of notes.filter((x) => x.articleId === loser.id)) {
    if (!mine || n.deletedAt !== null) {
      await db.pageNotes.put({ ...n, articleId: keeper.id, ...touchStamps(db, n) });
      continue;
    }
    // Both pages had a note: one note with both texts, nothing dropped.
    const text = mine.text === n.text || mine.text.includes(n.text) ? mine.text : `${mine.text}\n\n${n.text}`;
    if (text !== mine.text)
      await db.pageNotes.put(withDerivedFields('pageNotes', { ...mine, text, ...touchStamps(db, mine) }));
    const stamps = touchStamps(db, n);
    await db.pageNotes.put(withDerivedFields('pageNotes', { ...n, ...stamps, deletedAt: stamps.updatedAt }));
  }
  const loserBody = await db.articleBodies.get(loser.id);
  const keeperBody = await db.articleBodies.get(keeper.id);
  if (loserBody && loserBody.deletedAt === null && (!keeperBody || keeperBody.deletedAt !== null)) {
    await db.articleBodies.put({
      ...loserBody,
      id: keeper.id,
      ...touchStamps(db, keeperBody ?? loserBody),
      createdAt: loserBody.createdAt,
      deletedAt: null,
    });
  }
  const urls = [...new Set([...keeper.urls, ...loser.urls])];
  const reading = foldedReading(keeper, loser);
  if (urls.length !== keeper.urls.length || reading)
    await db.articles.put(withDerivedFields('articles', { ...keeper, ...reading, urls, ...touchStamps(db, keeper) }));
  const stamps = touchStamps(db, loser);
  await db.articles.put({ ...loser, ...stamps, deletedAt: stamps.updatedAt });
}

/**
 * The reading-list fields the keeper takes from its twin, or null when it takes none: the
 * same page saved for later in two browsers before they synced stays on the list, starred
 * if either starred it, with both tag sets; a keeper already on the list keeps its state.
 */
function foldedReading(keeper: ArticleRecord, loser: ArticleRecord): Partial<ReadingFields> | null {
  const patch: Partial<ReadingFields> = {};
  if (keeper.readingStatus === null && loser.readingStatus !== null) {
    Object.assign(patch, {
      readingStatus: loser.readingStatus,
      listedAt: loser.listedAt,
      progress: loser.progress,
      resumeQuote: loser.resumeQuote,
    });
  }
  if (loser.favourite && !keeper.favourite) patch.favourite = true;
  const tags = [...new Set([...keeper.articleTags, ...loser.articleTags])];
  if (tags.length !== keeper.articleTags.length) patch.articleTags = tags;
  if (keeper.readingMinutes === null && loser.readingMinutes !== null) patch.readingMinutes = loser.readingMinutes;
  return Object.keys(patch).length > 0 ? patch : null;
}
