/**
 * A word searched on a site reads the `siteWords` pair index, which the database keeps
 * itself on every write (`site-words.ts`): whichever path wrote a highlight or its
 * article, a search by word and site finds exactly the highlights it should.
 */
import { expect, test } from 'vitest';
import { createBackup } from '@/utils/backup/create-backup';
import { serializeBackup } from '@/utils/backup/serialize-backup';
import { applyImport } from '@/utils/import/apply-import';
import { previewBackup } from '@/utils/import/import-backup';
import { mergeDuplicateArticles } from '@/utils/sync/merge-duplicate-articles';
import { upsertArticle } from './articles';
import { addHighlight, deleteHighlight, restoreHighlight, updateHighlight } from './highlights';
import type { MarginDb } from './margin-db';
import { newRecordId } from './record-id';
import type { ArticleRecord } from './schema';
import { searchLibrary } from './search-library';
import { siteKey } from './search-words';
import { selectorsFor, storedHighlight, testClock, testDb } from '../../tests/support/test-db';
import { countHighlightReads } from '../../tests/support/test-read-counter';
import { readingDefaults } from '@/utils/db/reading-fields';

const found = async (db: MarginDb, query: string, site: string) =>
  (await searchLibrary(db, query, { site })).map((h) => (h.kind === 'highlight' ? h.highlight.quote : `${h.kind}`));

test('a word on a site follows every edit, delete and restore of a highlight, through the pair index', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const reads = countHighlightReads(db);
  const guardian = await upsertArticle(db, { pageUrl: 'https://www.theguardian.com/bees', title: 'Bees' });
  const blog = await upsertArticle(db, { pageUrl: 'https://blog.example/bees', title: 'More bees' });
  const h = await addHighlight(db, { articleId: guardian.id, selectors: selectorsFor('Scout bees dance', 0) });
  await addHighlight(db, { articleId: blog.id, selectors: selectorsFor('Scout bees again', 0) });

  expect(await found(db, 'scout', 'theguardian.com')).toEqual(['Scout bees dance']);
  expect(await found(db, 'scout', 'blog.example')).toEqual(['Scout bees again']);
  expect(reads.pairRequests).toBeGreaterThan(0);

  clock.advance(1000);
  await updateHighlight(db, h.id, { note: 'waggle' });
  expect(await found(db, 'wag', 'theguardian.com')).toEqual(['Scout bees dance']);
  expect(await found(db, 'wag', 'blog.example')).toEqual([]);

  clock.advance(1000);
  await deleteHighlight(db, h.id);
  expect(await found(db, 'scout', 'theguardian.com')).toEqual([]);
  expect((await db.highlights.get(h.id))?.siteWords).toEqual([]); // a tombstone costs search nothing

  clock.advance(1000);
  await restoreHighlight(db, h.id);
  expect(await found(db, 'wag', 'theguardian.com')).toEqual(['Scout bees dance']);
});

test('a highlight that arrives before its article (as a sync can bring them) is found on its site once the article is here', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const t = clock.now();
  const article: ArticleRecord = {
    id: newRecordId(t),
    createdAt: t,
    updatedAt: t,
    deletedAt: null,
    url: 'https://news.example/hives',
    urls: ['https://news.example/hives'],
    pageUrl: 'https://news.example/hives',
    canonicalUrl: null,
    title: 'Hives',
    author: null,
    site: null,
    host: 'news.example',
    published: null,
    lang: null,
    savedAt: null,
    ...readingDefaults(),
    words: ['hives'],
  };
  const highlight = storedHighlight(article.id, {
    quote: 'Queenless hives raise a new queen',
    createdAt: t + 1,
    position: 0,
  });
  // As sync writes a chunk: the record tables together.
  await db.transaction('rw', [db.articles, db.highlights], () => db.highlights.put(highlight));
  expect((await db.highlights.get(highlight.id))?.siteWords).toEqual([]);

  await db.transaction('rw', [db.articles, db.highlights], () => db.articles.put(article));
  expect(await found(db, 'queenless', 'news.example')).toEqual(['Queenless hives raise a new queen']);
  expect((await db.highlights.get(highlight.id))?.updatedAt).toBe(t + 1); // a derived field, not an edit
});

test('a highlight moved to the same page filed under another site is found on that site only', async () => {
  const clock = testClock();
  const db = testDb(clock);
  // One page, saved under its mobile host in one browser and its main host in another.
  const keeper = await upsertArticle(db, { pageUrl: 'https://example.com/p', title: 'P' });
  clock.advance(1000);
  const loser = await upsertArticle(db, { pageUrl: 'https://m.example.org/p', title: 'P' });
  await db.articles.update(loser.id, { urls: [...loser.urls, ...keeper.urls] });
  await addHighlight(db, { articleId: loser.id, selectors: selectorsFor('Moved with its article', 0) });
  expect(await found(db, 'moved', 'm.example.org')).toEqual(['Moved with its article']);

  expect(await mergeDuplicateArticles(db, [loser.id])).toBe(1);
  expect(await found(db, 'moved', 'example.com')).toEqual(['Moved with its article']);
  expect(await found(db, 'moved', 'm.example.org')).toEqual([]);
});

test('two sites whose names hash alike share index ranges, never results', async () => {
  const db = testDb();
  // Found by brute force: FNV-1a gives both the same 32 bits.
  const [a, b] = ['s31597.example', 's618190.example'];
  expect(siteKey(a)).toBe(siteKey(b));
  const onA = await upsertArticle(db, { pageUrl: `https://${a}/x`, title: 'A' });
  const onB = await upsertArticle(db, { pageUrl: `https://${b}/x`, title: 'B' });
  await addHighlight(db, { articleId: onA.id, selectors: selectorsFor('Collisions are rare', 0) });
  await addHighlight(db, { articleId: onB.id, selectors: selectorsFor('Collisions happen anyway', 0) });
  expect(await found(db, 'collisions', a)).toEqual(['Collisions are rare']);
  expect(await found(db, 'collisions', b)).toEqual(['Collisions happen anyway']);
});

test('a backup restored into a new database is found by word and site', async () => {
  const db = testDb();
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/restore', title: 'Restore' });
  await addHighlight(db, {
    articleId: article.id,
    selectors: selectorsFor('Backups are only as good as restores', 0),
    note: 'drill',
  });
  const text = serializeBackup(await createBackup(db, {}));
  expect(text).not.toContain('siteWords'); // derived: a file cannot plant it

  const fresh = testDb(undefined, undefined, 'restored');
  const preview = await previewBackup(fresh, text);
  if (!preview.ok) throw new Error(preview.message);
  await applyImport(fresh, preview.plan);
  expect(await found(fresh, 'drill', 'example.com')).toEqual(['Backups are only as good as restores']);
});

test('a highlight written where its article cannot be read is refused with a clear error, and nothing is written', async () => {
  const db = testDb();
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/x', title: 'X' });
  const h = await addHighlight(db, { articleId: article.id, selectors: selectorsFor('Kept as it was', 0) });
  await expect(db.highlights.put({ ...h, note: 'lost?' })).rejects.toThrow(/includes 'articles'/);
  expect((await db.highlights.get(h.id))?.note).toBe('');
});
