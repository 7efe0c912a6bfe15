/**
 * Reading-list states from the services' exports, stored on the articles (#15): what a
 * person finds on their reading list after importing each fixture, that importing it
 * again writes nothing, and how an import meets articles already here.
 */
import { describe, expect, it } from 'vitest';
import { fixture, zipFixture } from '@/tests/fixtures/import/fixture-files';
import { testDb } from '@/tests/support/test-db';
import { countWrites, dumpDb } from '@/tests/support/test-records';
import { patchArticleReading } from '@/utils/db/article-reading';
import { upsertArticle } from '@/utils/db/articles';
import { addHighlight } from '@/utils/db/highlights';
import type { MarginDb } from '@/utils/db/margin-db';
import { applyChange } from '@/utils/reading-list/reading-state';
import { applyImport } from './apply-import';
import { previewImportFile } from './preview-import-file';

const sanitize = (html: string) => ({ html, text: html.replace(/<[^>]*>/g, '') });

async function importFile(db: MarginDb, bytes: Uint8Array) {
  const preview = await previewImportFile(db, bytes, { sanitize });
  if (!preview.ok) throw new Error(`${preview.message}\n${preview.problems.join('\n')}`);
  await applyImport(db, preview.plan);
  return preview;
}

/** The reading list as a person reads it: title, state, star, progress, date saved, tags. */
async function readingList(db: MarginDb) {
  const articles = await db.articles.toArray();
  return Object.fromEntries(
    articles
      .filter((a) => a.readingStatus !== null)
      .map((a) => [a.title, [a.readingStatus, a.favourite, a.progress, a.listedAt, a.articleTags]]),
  );
}

const CITIES = 'Cities, streets, and people';
const STRASSEN = 'Straßen und Plätze — 東京の道 🚲';

describe.each([
  {
    name: 'Pocket zip',
    file: () => zipFixture('pocket-export'),
    expected: {
      [CITIES]: ['archived', false, 0, 1_700_000_000_000, ['urbanism', 'walking', 'favourites']],
      [STRASSEN]: ['archived', false, 0, 1_700_000_100_000, []],
    },
  },
  {
    name: 'Pocket ril_export.html',
    file: () => fixture('ril_export.html'),
    expected: {
      [CITIES]: ['unread', false, 0, 1_700_000_000_000, ['urbanism', 'walking']],
      [STRASSEN]: ['archived', false, 0, 1_700_000_100_000, []],
    },
  },
  {
    name: 'Omnivore zip',
    file: () => zipFixture('omnivore-export'),
    expected: { [CITIES]: ['reading', false, 0.42, 1_700_000_000_000, ['urbanism', 'walking']] },
  },
  {
    name: 'Instapaper CSV',
    file: () => fixture('instapaper-export.csv'),
    expected: { 'A starred article': ['unread', true, 0], [STRASSEN]: ['archived', false, 0] },
  },
  {
    name: 'Raindrop CSV',
    file: () => fixture('raindrop-export.csv'),
    expected: { [CITIES]: ['unread', true, 0, Date.parse('2023-11-14T22:13:20.000Z'), ['urbanism', 'walking']] },
  },
])('$name', ({ file, expected }) => {
  it('lands its articles on the reading list with their states; a second import writes nothing', async () => {
    const db = testDb();
    await importFile(db, file());
    const list = await readingList(db);
    for (const [title, fields] of Object.entries(expected))
      expect(list[title]?.slice(0, fields.length), title).toEqual(fields);

    const before = await dumpDb(db);
    const writes = countWrites(db);
    const again = await previewImportFile(db, file(), { sanitize });
    if (!again.ok) throw new Error(again.message);
    expect(again.plan.totals).toMatchObject({ new: 0, updated: 0, deleted: 0, conflicts: 0 });
    await applyImport(db, again.plan);
    expect(writes()).toBe(0);
    expect(await dumpDb(db)).toEqual(before);
  });
});

describe('an import meets the reading list here', () => {
  it('highlight-only files (Readwise, the Clipper) put nothing on the list', async () => {
    const db = testDb();
    await importFile(db, fixture('readwise-export.csv'));
    await importFile(db, fixture('obsidian-clipper-highlights.json'));
    expect(await readingList(db)).toEqual({});
  });

  it('a file that says nothing of the list leaves an article’s place on it as it was', async () => {
    const db = testDb();
    await importFile(db, fixture('raindrop-export.csv'));
    const listed = await readingList(db);
    await importFile(db, fixture('obsidian-clipper-highlights.json'));
    expect(await readingList(db)).toEqual(listed);
  });

  it('an article here, not on the list, joins it with the file’s state; again, nothing changes', async () => {
    const db = testDb();
    const here = await upsertArticle(db, { pageUrl: 'https://example.com/cities?utm_source=rss', title: 'Cities' });
    await addHighlight(db, { articleId: here.id, selectors: [{ type: 'TextQuoteSelector', exact: 'Streets' }] });
    await importFile(db, zipFixture('omnivore-export'));
    expect(await db.articles.get(here.id)).toMatchObject({
      title: 'Cities', // nothing else of it changes
      readingStatus: 'reading',
      progress: 0.42,
      listedAt: 1_700_000_000_000,
      articleTags: ['urbanism', 'walking'],
    });
    const before = await dumpDb(db);
    const writes = countWrites(db);
    await importFile(db, zipFixture('omnivore-export'));
    expect(writes()).toBe(0);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('an article already on the list here keeps the state the user gave it', async () => {
    const db = testDb();
    await importFile(db, zipFixture('omnivore-export'));
    const cities = (await db.articles.toArray()).find((a) => a.title === CITIES)!;
    await patchArticleReading(db, cities.id, (a) => applyChange(a, { status: 'archived', favourite: true }, db.now()));
    await importFile(db, zipFixture('omnivore-export'));
    await importFile(db, fixture('raindrop-export.csv'));
    expect(await db.articles.get(cities.id)).toMatchObject({ readingStatus: 'archived', favourite: true });
  });

  it('the preview says what the reading list gains, and no longer that it is not stored', async () => {
    const db = testDb();
    const preview = await importFile(db, fixture('instapaper-export.csv'));
    const line = preview.warnings.find((w) => w.startsWith('Reading list:'));
    expect(line).toMatch(
      /^Reading list: \d+ unread, \d+ being read, \d+ archived, 1 favourite, with each article’s own tags\.$/,
    );
    expect(preview.warnings.join('\n')).not.toMatch(/not stored/);
  });
});
