import { describe, expect, it } from 'vitest';
import { addHighlight, deleteHighlight, setPageNote, upsertArticle } from '@/utils/db';
import { selectorsFor, testClock, testDb } from '@/tests/support/test-db';
import { collectExportData } from './collect-export-data';

async function library() {
  const clock = testClock();
  const db = testDb(clock);
  const first = await upsertArticle(db, {
    pageUrl: 'https://example.com/first',
    title: 'First',
    body: { html: '<p>One two three</p>', text: 'One two three' },
  });
  clock.advance(1000);
  const second = await upsertArticle(db, { pageUrl: 'https://example.com/second', title: 'Second' });
  clock.advance(1000);
  const gone = await upsertArticle(db, { pageUrl: 'https://example.com/gone', title: 'Gone' });
  await db.articles.update(gone.id, { deletedAt: clock.now() });

  const late = await addHighlight(db, { articleId: first.id, selectors: selectorsFor('three', 8), tags: ['Later'] });
  const early = await addHighlight(db, { articleId: first.id, selectors: selectorsFor('One', 0), note: 'n' });
  const deleted = await addHighlight(db, { articleId: first.id, selectors: selectorsFor('two', 4) });
  await deleteHighlight(db, deleted.id);
  await setPageNote(db, first.id, 'About the first');
  return { db, clock, first, second, gone, late, early };
}

describe('collectExportData', () => {
  it('collects live articles oldest first, with their copy, highlights in page order and page note', async () => {
    const { db, first, second, late, early } = await library();
    const data = await collectExportData(db, { now: 42 });
    expect(data.exportedAt).toBe(42);
    expect(data.articles.map((a) => a.article.id)).toEqual([first.id, second.id]);
    const [a, b] = data.articles;
    expect(a!.body?.text).toBe('One two three');
    expect(a!.highlights.map((h) => h.id)).toEqual([early.id, late.id]);
    expect(a!.pageNote?.text).toBe('About the first');
    expect(b).toMatchObject({ body: null, highlights: [], pageNote: null });
    expect(data.tags.map((t) => t.name)).toEqual(['later']);
  });

  it('takes only the chosen articles, in the order given, skipping unknown and deleted ids', async () => {
    const { db, first, second, gone } = await library();
    const data = await collectExportData(db, { articleIds: [second.id, 'nope', gone.id, first.id, second.id] });
    expect(data.articles.map((a) => a.article.title)).toEqual(['Second', 'First']);
  });

  it("stamps the export with the database's clock unless told, and can skip the saved copies", async () => {
    const { db, clock } = await library();
    clock.set(Date.UTC(2024, 5, 1));
    const data = await collectExportData(db, { bodies: false });
    expect(data.exportedAt).toBe(Date.UTC(2024, 5, 1));
    expect(data.articles.every((a) => a.body === null)).toBe(true);
  });

  it('exports an empty library as no articles', async () => {
    const data = await collectExportData(testDb(), { now: 1 });
    expect(data).toEqual({ articles: [], tags: [], exportedAt: 1 });
  });
});

describe('collectExportData in chunks', () => {
  it('reports progress, gives the same data as one read, and can be cancelled', async () => {
    const db = testDb();
    for (let i = 0; i < 120; i++) {
      const a = await upsertArticle(db, { pageUrl: `https://example.com/p/${i}`, title: `Post ${i}` });
      await addHighlight(db, { articleId: a.id, selectors: selectorsFor(`quote ${i}`, i) });
    }
    const progress: [number, number][] = [];
    const chunked = await collectExportData(db, { onProgress: (d, t) => progress.push([d, t]), now: 1 });
    expect(progress).toEqual([
      [0, 120],
      [50, 120],
      [100, 120],
      [120, 120],
    ]);
    expect(chunked).toEqual(await collectExportData(db, { now: 1 }));

    const abort = new AbortController();
    const cancelled = collectExportData(db, {
      signal: abort.signal,
      onProgress: (done) => done >= 50 && abort.abort(new Error('cancelled by the user')),
    });
    await expect(cancelled).rejects.toThrow('cancelled by the user');
  });
});
