import { expect, test } from 'vitest';
import { addHighlight, upsertArticle } from '@/utils/db';
import { selectorsFor, testClock, testDb } from '@/tests/support/test-db';
import { loadOfflineCopy } from './offline-copy';

test('an article with a saved copy comes with its highlights in reading order', async () => {
  const db = testDb(testClock(), undefined, `copy-${Math.random()}`);
  const saved = await upsertArticle(db, {
    pageUrl: 'https://example.com/tides',
    title: 'Tides',
    body: { html: '<p>The tide comes in twice a day.</p>', text: 'The tide comes in twice a day.' },
  });
  await addHighlight(db, { articleId: saved.id, selectors: selectorsFor('twice a day', 18) });
  await addHighlight(db, { articleId: saved.id, selectors: selectorsFor('The tide', 0) });
  const copy = await loadOfflineCopy(db, saved.id);
  expect(copy.status).toBe('ready');
  if (copy.status !== 'ready') return;
  expect(copy.body.text).toBe('The tide comes in twice a day.');
  expect(copy.highlights.map((h) => h.quote)).toEqual(['The tide', 'twice a day']);
});

test('no copy, no article, no id', async () => {
  const db = testDb(testClock(), undefined, `copy-${Math.random()}`);
  const unsaved = await upsertArticle(db, { pageUrl: 'https://example.com/unsaved', title: 'Unsaved' });
  expect(await loadOfflineCopy(db, unsaved.id)).toMatchObject({ status: 'no-copy', article: { title: 'Unsaved' } });
  expect(await loadOfflineCopy(db, 'no-such-id')).toEqual({ status: 'no-article' });
  expect(await loadOfflineCopy(db, null)).toEqual({ status: 'no-article' });
  expect(await loadOfflineCopy(db, '')).toEqual({ status: 'no-article' });
});
