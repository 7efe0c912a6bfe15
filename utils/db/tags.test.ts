import { expect, test } from 'vitest';
import { listTags, normalizeTagName, setTagColour } from './tags';
import { upsertArticle } from './articles';
import { addHighlight } from './highlights';
import { selectorsFor, testClock, testDb } from '../../tests/support/test-db';

test.each([
  ['Rust', 'rust'],
  ['  machine   learning ', 'machine learning'],
  ['#TIL', 'til'],
  ['   ', ''],
  ['##', ''],
  [' # #c#', 'c#'],
])('tag %j is stored as %j, and stays so when normalized again (import, sync)', (input, stored) => {
  expect(normalizeTagName(input)).toBe(stored);
  expect(normalizeTagName(stored)).toBe(stored);
});

test('a tag colour is kept and can be cleared', async () => {
  const db = testDb();
  await setTagColour(db, 'Rust', 'green');
  expect(await listTags(db)).toMatchObject([{ name: 'rust', colour: 'green' }]);
  await setTagColour(db, 'rust', null);
  expect(await listTags(db)).toMatchObject([{ name: 'rust', colour: null }]);
});

test('the same tag created in two browsers is listed once, as the older row', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const stamps = { updatedAt: 0, deletedAt: null, colour: null };
  // As a sync would bring them in: same name, different ids.
  await db.tags.bulkAdd([
    { id: 'from-laptop', name: 'rust', createdAt: 2_000, ...stamps },
    { id: 'from-desktop', name: 'rust', createdAt: 1_000, ...stamps },
    { id: 'deleted', name: 'old', createdAt: 1_000, ...stamps, deletedAt: 3_000 },
  ]);
  expect((await listTags(db)).map((t) => t.id)).toEqual(['from-desktop']);
});

test('a tag deleted elsewhere comes back, with its colour, when a highlight uses it again', async () => {
  const db = testDb();
  await db.tags.add({ id: 'synced', name: 'rust', colour: 'green', createdAt: 1, updatedAt: 2, deletedAt: 2 });
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/post', title: 'Post' });
  await addHighlight(db, { articleId: article.id, selectors: selectorsFor('a quote', 1), tags: ['Rust'] });
  expect(await listTags(db)).toMatchObject([{ id: 'synced', name: 'rust', colour: 'green', deletedAt: null }]);
});
