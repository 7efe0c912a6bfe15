import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { findArticleByUrl, getArticle, getSavedCopy, upsertArticle } from './articles';
import { addHighlight, listHighlights } from './highlights';
import type { MarginDb } from './margin-db';
import { StorageFullError } from './storage-full-error';
import { listTags } from './tags';
import { selectorsFor, testDb } from '../../tests/support/test-db';

/**
 * Makes the storage layer refuse writes to one table, the way a full disk does,
 * below Dexie (a DBCore middleware), so the repository sees a real failed request.
 * Returns the switch: `fail(table, error)` to start, `fail(null)` to stop.
 */
function failingWrites(db: MarginDb): (table: string | null, error?: () => unknown) => void {
  let failing: { table: string; error: () => unknown } | null = null;
  db.use({
    stack: 'dbcore',
    name: 'failing-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => (failing?.table === name ? Promise.reject(failing.error()) : table.mutate(req)),
        };
      },
    }),
  });
  return (table, error = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')) => {
    failing = table === null ? null : { table, error };
  };
}

const PAGE = 'https://example.com/2024/05/fearless-concurrency';

test('a highlight that cannot be saved leaves no trace of its new tags', async () => {
  const db = testDb();
  const fail = failingWrites(db);
  const { id: articleId } = await upsertArticle(db, { pageUrl: PAGE, title: 'Fearless concurrency' });

  fail('highlights'); // the tags are written first, in the same transaction
  const attempt = addHighlight(db, { articleId, selectors: selectorsFor('data races', 10), tags: ['rust', 'threads'] });
  await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
  fail(null);

  expect(await listTags(db)).toEqual([]);
  expect(await listHighlights(db, articleId)).toEqual([]);
});

test('an article whose offline copy does not fit is not half-saved', async () => {
  const db = testDb();
  const fail = failingWrites(db);
  fail('articleBodies');
  await expect(
    upsertArticle(db, { pageUrl: PAGE, title: 'Fearless concurrency', body: { html: '<p>x</p>', text: 'x' } }),
  ).rejects.toBeInstanceOf(StorageFullError);
  expect(await findArticleByUrl(db, PAGE)).toBeNull();
  expect(await db.articles.count()).toBe(0);
});

test('a failed re-save keeps the version saved before', async () => {
  const db = testDb();
  const fail = failingWrites(db);
  const before = await upsertArticle(db, { pageUrl: PAGE, title: 'Fearless concurrency' });
  fail(
    'articleBodies',
    () => new Dexie.AbortError('Transaction aborted', new DOMException('Quota', 'QuotaExceededError')),
  );
  await expect(
    upsertArticle(db, {
      pageUrl: PAGE,
      title: 'Fearless Concurrency (updated)',
      body: { html: '<p>x</p>', text: 'x' },
    }),
  ).rejects.toBeInstanceOf(StorageFullError);
  fail(null);
  expect(await getArticle(db, before.id)).toEqual(before);
  expect(await getSavedCopy(db, before.id)).toBeNull();
});

test('a write refused by a hook rolls back the whole transaction', async () => {
  const db = testDb();
  const { id: articleId } = await upsertArticle(db, { pageUrl: PAGE, title: 'Fearless concurrency' });
  db.highlights.hook('creating', () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  const error = await addHighlight(db, { articleId, selectors: selectorsFor('data races', 10), tags: ['rust'] }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StorageFullError);
  expect((error as Error).message).toMatch(/no more storage.*Nothing from this change was saved/);
  expect(await listTags(db)).toEqual([]);
  expect(await db.highlights.count()).toBe(0);
});

test('other failures are not reported as a full disk', async () => {
  const db = testDb();
  const fail = failingWrites(db);
  const { id: articleId } = await upsertArticle(db, { pageUrl: PAGE, title: 'Fearless concurrency' });
  fail('highlights', () => new Error('disk on fire'));
  const attempt = addHighlight(db, { articleId, selectors: selectorsFor('data races', 10), tags: ['rust'] });
  await expect(attempt).rejects.toThrow('disk on fire');
  await expect(attempt).rejects.not.toBeInstanceOf(StorageFullError);
  expect(await listTags(db)).toEqual([]);
});
