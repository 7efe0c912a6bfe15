/**
 * Each service's export, from the hand-written fixtures in `tests/fixtures/import/`,
 * through the library's import (`previewImportFile`, then `applyImport`) into a
 * database: what a person would find afterwards, and that a second import of the
 * same file changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { fixture, zipFixture } from '@/tests/fixtures/import/fixture-files';
import { testDb } from '@/tests/support/test-db';
import type { MarginDb } from '@/utils/db/margin-db';
import { applyImport } from './apply-import';
import type { ImportFormat } from './detect-import-format';
import { previewImportFile } from './preview-import-file';

/** Stands in for the page's DOMPurify in Node: what matters here is that it is called. */
const sanitize = (html: string) => {
  const clean = html.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/\son\w+="[^"]*"/gi, '');
  return { html: clean, text: clean.replace(/<[^>]*>/g, '') };
};

async function importFile(db: MarginDb, bytes: Uint8Array) {
  const preview = await previewImportFile(db, bytes, { sanitize });
  if (!preview.ok) throw new Error(`${preview.message}\n${preview.problems.join('\n')}`);
  await applyImport(db, preview.plan);
  return preview;
}

async function library(db: MarginDb) {
  const articles = await db.articles.toArray();
  const highlights = await db.highlights.toArray();
  const title = (id: string) => articles.find((a) => a.id === id)?.title;
  return {
    articles: articles.map((a) => a.title).sort(),
    urls: articles.map((a) => a.pageUrl).sort(),
    highlights: highlights.map((h) => ({
      on: title(h.articleId),
      quote: h.quote,
      note: h.note,
      tags: h.tags,
      anchor: h.anchor,
    })),
    notes: (await db.pageNotes.toArray()).map((n) => ({ on: title(n.articleId), text: n.text })),
    tags: (await db.tags.toArray()).map((t) => t.name).sort(),
    bodies: await db.articleBodies.toArray(),
  };
}

const CITIES = 'Cities, streets, and people';
const STRASSEN = 'Straßen und Plätze — 東京の道 🚲';
const MISSING = 'A passage that no longer exists on the page.';

const cases: {
  name: string;
  file: () => Uint8Array;
  kind: ImportFormat;
  articles: number;
  highlights: number;
  notes: number;
}[] = [
  { name: 'Pocket zip', file: () => zipFixture('pocket-export'), kind: 'pocket', articles: 5, highlights: 3, notes: 0 },
  {
    name: 'Pocket ril_export.html',
    file: () => fixture('ril_export.html'),
    kind: 'pocket-html',
    articles: 3,
    highlights: 0,
    notes: 0,
  },
  {
    name: 'Omnivore zip',
    file: () => zipFixture('omnivore-export'),
    kind: 'omnivore',
    articles: 3,
    highlights: 3,
    notes: 0,
  },
  {
    name: 'Instapaper CSV',
    file: () => fixture('instapaper-export.csv'),
    kind: 'instapaper',
    articles: 4,
    highlights: 0,
    notes: 1,
  },
  {
    name: 'Instapaper CSV (four columns)',
    file: () => fixture('instapaper-old.csv'),
    kind: 'instapaper',
    articles: 2,
    highlights: 0,
    notes: 0,
  },
  {
    name: 'Readwise CSV',
    file: () => fixture('readwise-export.csv'),
    kind: 'readwise',
    articles: 2,
    highlights: 4,
    notes: 0,
  },
  {
    name: 'Raindrop CSV',
    file: () => fixture('raindrop-export.csv'),
    kind: 'raindrop',
    articles: 2,
    highlights: 2,
    notes: 1,
  },
  {
    name: 'Obsidian Web Clipper JSON',
    file: () => fixture('obsidian-clipper-highlights.json'),
    kind: 'obsidian-clipper',
    articles: 2,
    highlights: 3,
    notes: 0,
  },
];

describe.each(cases)('$name', ({ file, kind, articles, highlights, notes }) => {
  it('is recognised from its contents and imported; a second import changes nothing', async () => {
    const db = testDb();
    const preview = await importFile(db, file());
    expect(preview.kind).toBe(kind);
    expect(preview.plan.counts.articles.new).toBe(articles);
    expect(preview.plan.counts.highlights.new).toBe(highlights);
    expect(preview.plan.counts.pageNotes.new).toBe(notes);
    expect(await db.articles.count()).toBe(articles);
    expect(await db.highlights.count()).toBe(highlights);

    const before = JSON.stringify(await library(db));
    const again = await previewImportFile(db, file(), { sanitize });
    if (!again.ok) throw new Error(again.message);
    expect(again.plan.totals).toMatchObject({ new: 0, updated: 0, deleted: 0, conflicts: 0 });
    await applyImport(db, again.plan);
    expect(JSON.stringify(await library(db))).toBe(before);
  });
});

describe('what the imports bring', () => {
  it('Pocket: one article per address, highlights unplaced with only their quote, states kept aside', async () => {
    const db = testDb();
    const preview = await importFile(db, zipFixture('pocket-export'));
    const lib = await library(db);
    // Duplicate rows of one address are one article; its quote twice is one highlight.
    expect(lib.articles.filter((t) => t === CITIES)).toHaveLength(1);
    expect(lib.highlights.filter((h) => h.quote.startsWith('Streets are for people'))).toHaveLength(1);
    // Commas, quotes, newlines in quoted fields, Unicode; HTML in a title stays text.
    expect(lib.articles).toEqual(
      expect.arrayContaining([
        STRASSEN,
        'A title with\na newline and "quotes"',
        '<b>Bold</b> & <img src=x onerror=alert(1)>',
        '=HYPERLINK("https://evil.example")',
      ]),
    );
    expect(lib.urls).not.toContain('javascript:alert(1)');
    expect(preview.warnings.some((w) => w.includes('javascript:alert(1)') && w.includes('not a web'))).toBe(true);
    const stored = await db.highlights.toArray();
    expect(stored.every((h) => h.anchor === 'unplaced')).toBe(true);
    expect(stored.map((h) => h.selectors)).toContainEqual([{ type: 'TextQuoteSelector', exact: MISSING }]);
    expect(lib.highlights.map((h) => h.quote)).toContain('東京の道は «狭い», aber schön.');
    // Tags, empty tags ignored; the later duplicate's state wins and the tags add up.
    expect(lib.tags).toEqual(['favourites', 'notes', 'urbanism', 'walking']);
    const cities = (await db.articles.toArray()).find((a) => a.title === CITIES)!;
    expect(preview.reading?.get(cities.id)).toEqual({
      status: 'archived',
      favourite: false,
      progress: null,
      savedAt: 1_700_000_000_000,
      tags: ['urbanism', 'walking', 'favourites'],
    });
    expect(cities.createdAt).toBe(1_700_000_000_000);
  });

  it('Omnivore: sanitized saved copies, tolerant highlight files, deleted items and strays named', async () => {
    const db = testDb();
    const preview = await importFile(db, zipFixture('omnivore-export'));
    const lib = await library(db);
    expect(lib.articles).not.toContain('Deleted in Omnivore');
    expect(lib.bodies).toHaveLength(1);
    expect(lib.bodies[0]!.html).not.toMatch(/<script|onerror/);
    expect((await db.articles.toArray()).find((a) => a.title === CITIES)?.savedAt).toBe(
      Date.parse('2023-11-14T22:13:20.000Z'),
    );
    expect(lib.highlights).toContainEqual({
      on: CITIES,
      quote: 'Streets are for people, not only for cars.',
      note: 'This is the whole argument, in one line.',
      tags: ['urbanism', 'favourite'],
      anchor: 'unplaced',
    });
    expect(lib.highlights.map((h) => h.quote)).toContain(
      'A passage that no longer exists on the page,\nquoted over two lines.',
    );
    expect(lib.highlights).toContainEqual({
      on: CITIES,
      quote: 'A third highlight with no note.',
      note: '',
      tags: ['to read', 'my label'],
      anchor: 'unplaced',
    });
    expect(preview.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/line 1: not read, text before any "> quote": "Exported from Omnivore"/),
        expect.stringMatching(/deleted in Omnivore/),
        expect.stringMatching(/orphan-file\.md: skipped, no article/),
      ]),
    );
    const cities = (await db.articles.toArray()).find((a) => a.title === CITIES)!;
    expect(preview.reading?.get(cities.id)).toMatchObject({
      status: 'reading',
      progress: 0.42,
      tags: ['urbanism', 'walking'],
    });
  });

  it('Omnivore without a sanitizer skips saved copies rather than storing them unsanitized', async () => {
    const db = testDb();
    const preview = await previewImportFile(db, zipFixture('omnivore-export'));
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.plan.counts.articleBodies.new).toBe(0);
    expect(preview.warnings.some((w) => w.includes('saved copy skipped'))).toBe(true);
  });

  it('Readwise: web rows become highlights on the page, books notes under their title, none dropped', async () => {
    const db = testDb();
    await importFile(db, fixture('readwise-export.csv'));
    const lib = await library(db);
    expect(lib.articles).toEqual([CITIES, 'Neuromancer 🤖']);
    const book = (await db.articles.toArray()).find((a) => a.title === 'Neuromancer 🤖')!;
    expect(book.url).toMatch(/^urn:margin:book:/);
    expect(book.author).toBe('William Gibson');
    expect(lib.highlights.filter((h) => h.on === 'Neuromancer 🤖').map((h) => h.anchor)).toEqual([
      'detached',
      'detached',
    ]);
    expect(lib.highlights).toContainEqual({
      on: CITIES,
      quote: 'Streets are for people, not only for cars.',
      note: 'A note, with a comma\nand a second line',
      tags: ['urbanism', 'walking'],
      anchor: 'unplaced',
    });
    expect((await db.highlights.toArray()).find((h) => h.quote === MISSING)?.colour).toBe('pink');
  });

  it('Instapaper: folders are states, Starred a favourite, a folder of ones own a tag, Selection a page note', async () => {
    const db = testDb();
    const preview = await importFile(db, fixture('instapaper-export.csv'));
    const lib = await library(db);
    expect(lib.notes).toEqual([{ on: CITIES, text: 'The selection, with a comma\nand a newline' }]);
    const byTitle = new Map((await db.articles.toArray()).map((a) => [a.title, preview.reading?.get(a.id)]));
    expect(byTitle.get('A starred article')).toMatchObject({ status: 'unread', favourite: true });
    expect(byTitle.get(STRASSEN)).toMatchObject({ status: 'archived' });
    expect(byTitle.get('In a folder of my own')).toMatchObject({ tags: ['research', 'reading'] });
  });

  it('Raindrop and the Clipper: notes with their highlights, favourites kept aside', async () => {
    const db = testDb();
    const raindrop = await importFile(db, fixture('raindrop-export.csv'));
    await importFile(db, fixture('obsidian-clipper-highlights.json'));
    const lib = await library(db);
    // The same page from two services is one article, the same quote one highlight.
    expect(lib.articles).toEqual([CITIES, STRASSEN]);
    const streets = lib.highlights.filter((h) => h.quote === 'Streets are for people, not only for cars.');
    expect(streets).toHaveLength(1);
    expect(lib.notes).toEqual([{ on: CITIES, text: 'My note, with a comma' }]);
    expect([...raindrop.reading!.values()].filter((r) => r.favourite)).toHaveLength(1);
  });

  it('an unknown file is refused with what Margin reads, and nothing changes', async () => {
    const db = testDb();
    const preview = await previewImportFile(db, new TextEncoder().encode('name,age\nAda,36\n'));
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.problems[0]).toMatch(/not an export Margin knows \(Pocket, Omnivore/);
    expect(await db.articles.count()).toBe(0);
  });

  it('a malformed export names its first problems and nothing changes', async () => {
    const db = testDb();
    const bad = '[{"url": "https://example.com/a", "title": "A", "highlights": [{"text": 42}]}]';
    const preview = await previewImportFile(db, new TextEncoder().encode(bad));
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.problems).toEqual([
      'the file [0].highlights[0].text: Invalid input: expected string, received number',
    ]);
    expect(await db.articles.count()).toBe(0);
  });
});
