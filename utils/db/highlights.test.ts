import { expect, test } from 'vitest';
import { upsertArticle } from './articles';
import {
  addHighlight,
  deleteHighlight,
  getHighlight,
  listHighlights,
  restoreHighlight,
  updateHighlight,
} from './highlights';
import type { MarginDb } from './margin-db';
import { listTags } from './tags';
import { selectorsFor, testClock, testDb } from '../../tests/support/test-db';

async function withArticle(db: MarginDb): Promise<string> {
  const article = await upsertArticle(db, { pageUrl: 'https://example.com/closures', title: 'Closures' });
  return article.id;
}

test('highlights are listed in the order they appear on the page, not the order they were made', async () => {
  const db = testDb();
  const articleId = await withArticle(db);
  await addHighlight(db, { articleId, selectors: selectorsFor('third passage', 900) });
  await addHighlight(db, { articleId, selectors: selectorsFor('first passage', 10) });
  await addHighlight(db, { articleId, selectors: selectorsFor('second passage', 450) });
  expect((await listHighlights(db, articleId)).map((h) => h.quote)).toEqual([
    'first passage',
    'second passage',
    'third passage',
  ]);
});

test('a new highlight takes its quote and position from its selectors, yellow by default', async () => {
  const db = testDb();
  const articleId = await withArticle(db);
  const h = await addHighlight(db, { articleId, selectors: selectorsFor('captures its scope', 120) });
  expect(await getHighlight(db, h.id)).toMatchObject({
    quote: 'captures its scope',
    position: 120,
    colour: 'yellow',
    note: '',
    tags: [],
    anchor: 'anchored',
    deletedAt: null,
  });
});

test("another article's highlights are not listed", async () => {
  const db = testDb();
  const a = await withArticle(db);
  const b = (await upsertArticle(db, { pageUrl: 'https://example.com/other', title: 'Other' })).id;
  await addHighlight(db, { articleId: a, selectors: selectorsFor('mine', 1) });
  await addHighlight(db, { articleId: b, selectors: selectorsFor('theirs', 1) });
  expect((await listHighlights(db, a)).map((h) => h.quote)).toEqual(['mine']);
});

test('a highlight without a quote, or on an unknown article, is refused and nothing is written', async () => {
  const db = testDb();
  const articleId = await withArticle(db);
  await expect(
    addHighlight(db, { articleId, selectors: [{ type: 'TextPositionSelector', start: 1, end: 5 }] }),
  ).rejects.toThrow(TypeError);
  await expect(
    addHighlight(db, { articleId: 'no-such-article', selectors: selectorsFor('x y', 1), tags: ['orphan'] }),
  ).rejects.toThrow(/no-such-article/);
  expect(await db.highlights.count()).toBe(0);
  expect(await listTags(db)).toEqual([]);
});

test('editing a note and colour is saved and moves updatedAt forward', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const articleId = await withArticle(db);
  const h = await addHighlight(db, { articleId, selectors: selectorsFor('captures its scope', 120) });
  clock.advance(5_000);
  const edited = await updateHighlight(db, h.id, { note: 'Like a backpack', colour: 'blue' });
  expect(edited).toMatchObject({ note: 'Like a backpack', colour: 'blue', quote: 'captures its scope' });
  expect(edited?.updatedAt).toBe(h.updatedAt + 5_000);
  expect(await getHighlight(db, h.id)).toEqual(edited);
});

test('updatedAt moves forward even when the clock does not', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const articleId = await withArticle(db);
  const h = await addHighlight(db, { articleId, selectors: selectorsFor('a quote', 1) });
  const e1 = await updateHighlight(db, h.id, { note: 'one' });
  clock.advance(-60_000); // the system clock was corrected backwards
  const e2 = await updateHighlight(db, h.id, { note: 'two' });
  expect(e1!.updatedAt).toBeGreaterThan(h.updatedAt);
  expect(e2!.updatedAt).toBeGreaterThan(e1!.updatedAt);
});

test('a patch that changes nothing is not an edit', async () => {
  const clock = testClock();
  const db = testDb(clock);
  const articleId = await withArticle(db);
  const h = await addHighlight(db, { articleId, selectors: selectorsFor('a quote', 1), tags: ['rust'] });
  clock.advance(1_000);
  const same = await updateHighlight(db, h.id, { anchor: 'anchored', tags: [' Rust '] });
  expect(same?.updatedAt).toBe(h.updatedAt);
});

test('tags are normalized and new ones appear in the tag list', async () => {
  const db = testDb();
  const articleId = await withArticle(db);
  const h = await addHighlight(db, {
    articleId,
    selectors: selectorsFor('a quote', 1),
    tags: ['Rust', ' #async ', 'rust', ''],
  });
  expect(h.tags).toEqual(['rust', 'async']);
  await updateHighlight(db, h.id, { tags: ['rust', 'Closures'] });
  expect((await listTags(db)).map((t) => t.name)).toEqual(['async', 'closures', 'rust']);
});

test('a deleted highlight disappears from the list and comes back intact on undo', async () => {
  const db = testDb();
  const articleId = await withArticle(db);
  const keep = await addHighlight(db, { articleId, selectors: selectorsFor('keep me', 1) });
  const h = await addHighlight(db, {
    articleId,
    selectors: selectorsFor('delete me', 50),
    note: 'an important thought',
    tags: ['ideas'],
    colour: 'pink',
  });

  expect(await deleteHighlight(db, h.id)).toBe(true);
  expect((await listHighlights(db, articleId)).map((x) => x.id)).toEqual([keep.id]);
  expect(await getHighlight(db, h.id)).toBeNull();
  // The row stays as a tombstone another browser can learn the deletion from.
  expect((await db.highlights.get(h.id))?.deletedAt).toEqual(expect.any(Number));

  const restored = await restoreHighlight(db, h.id);
  expect(restored).toMatchObject({ note: 'an important thought', tags: ['ideas'], colour: 'pink', deletedAt: null });
  expect((await listHighlights(db, articleId)).map((x) => x.id)).toEqual([keep.id, h.id]);
});

test('a deleted highlight cannot be edited, deleted twice, or restored twice', async () => {
  const db = testDb();
  const articleId = await withArticle(db);
  const h = await addHighlight(db, { articleId, selectors: selectorsFor('a quote', 1) });
  await deleteHighlight(db, h.id);
  expect(await updateHighlight(db, h.id, { note: 'too late' })).toBeNull();
  expect(await deleteHighlight(db, h.id)).toBe(false);
  expect(await restoreHighlight(db, h.id)).not.toBeNull();
  expect(await restoreHighlight(db, h.id)).toBeNull();
  expect(await deleteHighlight(db, 'never-existed')).toBe(false);
  expect((await getHighlight(db, h.id))?.note).toBe('');
});

test('an edit cannot move a highlight to another article or undelete it behind the back', async () => {
  const db = testDb();
  const articleId = await withArticle(db);
  const h = await addHighlight(db, { articleId, selectors: selectorsFor('a quote', 1) });
  // As a message from another context might carry it.
  const patch = { note: 'fine', articleId: 'elsewhere', id: 'forged', deletedAt: 5 } as Parameters<
    typeof updateHighlight
  >[2];
  const edited = await updateHighlight(db, h.id, patch);
  expect(edited).toMatchObject({ id: h.id, articleId, note: 'fine', deletedAt: null });
  expect(await db.highlights.count()).toBe(1);
});
