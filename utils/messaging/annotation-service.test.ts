import { addHighlight, getPageNote } from '@/utils/db';
import { describe, expect, it } from 'vitest';
import { isMarginError, type PageInfo } from '@/utils/messaging/margin-protocol';
import { selectorsFor, testDb } from '@/tests/support/test-db';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '@/utils/settings/highlight-settings';
import type { HighlightRecord } from '@/utils/db/schema';
import { createAnnotationService } from './annotation-service';

const PAGE: PageInfo = {
  pageUrl: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-3f9c2a71b8e4?source=rss----1',
  canonicalUrl: 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-3f9c2a71b8e4',
  title: 'KubeCon EU 2024: Day Two',
  author: 'Steve Wade',
  site: 'Medium',
  published: '2024-03-21',
  lang: 'en',
};

function setup(defaultColour: 'yellow' | 'blue' = 'yellow') {
  const db = testDb();
  const repaints: { articleId: string; tabs: number[] }[] = [];
  const badges = new Map<number, number>();
  const service = createAnnotationService(db, {
    articleChanged: (articleId, tabs) => repaints.push({ articleId, tabs }),
    badge: (tab, count) => badges.set(tab, count),
    settings: async () => ({ ...DEFAULT_HIGHLIGHT_SETTINGS, defaultColour }),
  });
  return { db, service, repaints, badges };
}

function ok<T>(value: T | { error: string }): T {
  if (isMarginError(value)) throw new Error(value.error);
  return value;
}

describe('annotation service', () => {
  it('files the article on the first highlight and finds it again on a revisit with other tracking params', async () => {
    const { service, badges } = setup('blue');
    expect((await service.openPage(1, PAGE)).article).toBeNull();
    const h = ok(await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('hallway track', 10) }));
    expect(h.colour).toBe('blue'); // the user's default colour
    expect(badges.get(1)).toBe(1);

    const revisit = await service.openPage(2, { ...PAGE, pageUrl: PAGE.canonicalUrl + '?utm_source=x#frag' });
    expect(revisit.article?.title).toBe('KubeCon EU 2024: Day Two');
    expect(revisit.highlights.map((x) => x.quote)).toEqual(['hallway track']);
    expect(badges.get(2)).toBe(1);
  });

  it('tells the other tabs on the same article to repaint, not the one that wrote', async () => {
    const { service, repaints } = setup();
    await service.openPage(1, PAGE);
    const h = ok(await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('hallway', 0) }));
    await service.openPage(2, PAGE);
    await service.openPage(3, { ...PAGE, pageUrl: 'https://example.com/other', canonicalUrl: null });
    repaints.length = 0;
    await service.updateHighlight(1, h.id, { note: 'Talk to people' });
    expect(repaints).toEqual([{ articleId: h.articleId, tabs: [2] }]);
  });

  it('deletes as a tombstone and restores with the note intact (undo)', async () => {
    const { service, badges } = setup();
    const h = ok(
      await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('hallway', 0), note: 'keep me' }),
    );
    expect(await service.deleteHighlight(1, h.id)).toBe(true);
    expect((await service.openPage(1, PAGE)).highlights).toEqual([]);
    expect(badges.get(1)).toBe(0);
    const back = await service.restoreHighlight(1, h.id);
    expect(back?.note).toBe('keep me');
    expect((await service.openPage(1, PAGE)).highlights).toHaveLength(1);
  });

  it('writes only placement changes and never touches a highlight kept as a note', async () => {
    const { db, service } = setup();
    const a = ok(await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('one', 0) }));
    const b = ok(await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('two', 10) }));
    await service.updateHighlight(1, b.id, { anchor: 'detached' });
    const before = (await db.highlights.get(a.id)) as HighlightRecord;
    await service.recordPlacements(a.articleId, [{ id: a.id, anchor: 'anchored', position: 0 }]);
    expect((await db.highlights.get(a.id))?.updatedAt).toBe(before.updatedAt);
    await service.recordPlacements(a.articleId, [
      { id: a.id, anchor: 'orphaned' },
      { id: b.id, anchor: 'orphaned' },
    ]);
    expect((await db.highlights.get(a.id))?.anchor).toBe('orphaned');
    expect((await db.highlights.get(b.id))?.anchor).toBe('detached');
  });

  it('an imported highlight found for the first time keeps where it was found; a report quoting something else is refused', async () => {
    const { db, service } = setup();
    const made = ok(await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('hallway', 0) }));
    const quote = 'the hallway track beats the keynotes';
    const imported = await addHighlight(db, {
      articleId: made.articleId,
      selectors: [{ type: 'TextQuoteSelector', exact: quote }],
      anchor: 'unplaced',
    });
    const where = [
      { type: 'TextQuoteSelector' as const, exact: quote, prefix: 'I think ', suffix: ', every time.' },
      { type: 'TextPositionSelector' as const, start: 120, end: 120 + quote.length },
    ];
    // A page naming another passage as where it was found: nothing changes.
    const elsewhere = [
      { type: 'TextQuoteSelector' as const, exact: 'Buy our conference tickets now' },
      { type: 'TextPositionSelector' as const, start: 0, end: 30 },
    ];
    await service.recordPlacements(made.articleId, [
      { id: imported.id, anchor: 'anchored', position: 0, selectors: elsewhere },
    ]);
    await service.recordPlacements(made.articleId, [{ id: imported.id, anchor: 'anchored', position: 0 }]);
    expect(await db.highlights.get(imported.id)).toMatchObject({
      anchor: 'unplaced',
      selectors: [{ type: 'TextQuoteSelector', exact: quote }],
    });

    await service.recordPlacements(made.articleId, [
      { id: imported.id, anchor: 'anchored', position: 120, selectors: where },
    ]);
    expect(await db.highlights.get(imported.id)).toMatchObject({
      anchor: 'anchored',
      position: 120,
      selectors: where,
      quote,
    });
    // Placed now: a later report cannot move it.
    await service.recordPlacements(made.articleId, [
      { id: imported.id, anchor: 'anchored', position: 120, selectors: elsewhere },
    ]);
    expect((await db.highlights.get(imported.id))?.selectors).toEqual(where);
  });

  it('sets a page note on a page with no highlights yet, filing the article', async () => {
    const { db, service } = setup();
    await service.openPage(7, PAGE);
    const note = ok(await service.setPageNote(7, 'Read again before the next KubeCon'));
    expect(note?.text).toBe('Read again before the next KubeCon');
    expect(service.tabPage(7).articleId).toBe(note?.articleId);
    expect((await getPageNote(db, note!.articleId))?.text).toBe('Read again before the next KubeCon');
  });

  it('refuses a page note for a tab it has not seen, with a message a person can act on', async () => {
    const { service } = setup();
    const result = await service.setPageNote(99, 'x');
    expect(isMarginError(result) && result.error).toMatch(/reload/);
  });

  it('reports a highlight without a quote as an error instead of throwing', async () => {
    const { service } = setup();
    const result = await service.createHighlight(1, {
      page: PAGE,
      selectors: [{ type: 'TextPositionSelector', start: 0, end: 3 }],
    });
    expect(isMarginError(result)).toBe(true);
  });

  it('saves an offline copy, keeping the title the page gave when extraction has none', async () => {
    const { db, service } = setup();
    await service.openPage(1, PAGE);
    const saved = ok(
      await service.saveOffline(1, { html: '<p>Hallway track</p>', text: 'Hallway track' }, { title: '' }),
    );
    expect(saved.savedAt).toBeGreaterThan(0);
    const article = (await db.articles.toArray())[0];
    expect(article?.title).toBe(PAGE.title);
    expect((await db.articleBodies.get(article!.id))?.text).toBe('Hallway track');
  });
});

describe('annotation service when storage is full', () => {
  it('answers with a message the user can act on, and writes nothing (not even the new article)', async () => {
    const { db, service } = setup();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    db.highlights.hook('creating', () => {
      throw quota;
    });
    const result = await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('hallway', 0) });
    expect(isMarginError(result) && result.error).toMatch(/no more storage/);
    expect(await db.highlights.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
  });
});

describe('annotation service after an import', () => {
  it('repaints the tabs on the imported articles and the tabs whose page had no article yet', async () => {
    const { service, repaints } = setup();
    const h = ok(await service.createHighlight(1, { page: PAGE, selectors: selectorsFor('hallway', 0) }));
    await service.openPage(2, { ...PAGE, pageUrl: 'https://example.com/new', canonicalUrl: null });
    repaints.length = 0;
    await service.recordsImported([h.articleId, h.articleId]);
    expect(repaints).toEqual([
      { articleId: h.articleId, tabs: [1] },
      { articleId: h.articleId, tabs: [2] },
    ]);
  });
});
