/**
 * Export → import into an empty database gives back the same records, for generated
 * libraries: any Unicode (emoji sequences, right-to-left text and marks, combining
 * accents, lone surrogates, NUL), newlines of every kind, HTML, tombstones, and
 * records with or without a device id.
 */
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import type {
  BackupArticle,
  BackupArticleBody,
  BackupHighlight,
  BackupPageNote,
  BackupRecords,
  BackupTag,
} from '@/utils/backup/backup-format';
import { FIELD_LIMITS } from '@/utils/backup/backup-limits';
import { createBackup } from '@/utils/backup/create-backup';
import { serializeBackup } from '@/utils/backup/serialize-backup';
import type { MarginDb } from '@/utils/db/margin-db';
import { HIGHLIGHT_COLOURS, ANCHOR_STATUSES, READING_STATUSES } from '@/utils/db/schema';
import { normalizeTagName, normalizeTagNames } from '@/utils/db/tags';
import { testDb } from '@/tests/support/test-db';
import { applyImport } from './apply-import';
import { planImport } from './plan-import';
import {
  importedArticle,
  importedArticleBody,
  importedHighlight,
  importedPageNote,
  importedTag,
} from '../backup/stored-records';
import { withDerivedFields } from '@/utils/db/derived-fields';
import { dumpDb } from '../../tests/support/test-records';
import { validateBackup } from './validate-backup';

const PIECES = [
  'שלום עולם',
  'مرحبا بالعالم',
  '\u200F',
  '\u200E',
  '\u202E',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '👍🏽',
  '𝕏',
  'e\u0301',
  '한국어',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '\u2028',
  '\u2029',
  '\u0000',
  '<script>alert(1)</script>',
  '"quoted" \\ back\\slash',
  '&amp;',
];

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((p) => p.join('')),
);
const time = fc.integer({ min: 0, max: Date.UTC(2100, 0) });
const id = fc.uuid({ version: 7 });

/** Sync fields; `deviceId` absent rather than undefined, as the database stores it. */
const sync = fc
  .record({
    id,
    createdAt: time,
    updatedAt: time,
    deletedAt: fc.option(time, { nil: null }),
    deviceId: fc.option(text, { nil: undefined }),
  })
  .map(({ deviceId, ...s }) => (deviceId === undefined ? s : { ...s, deviceId }));

const article = fc
  .record({
    sync,
    urls: fc.uniqueArray(fc.webUrl({ withQueryParameters: true, withFragments: true }), { minLength: 1, maxLength: 3 }),
    title: text,
    author: fc.option(text, { nil: null }),
    site: fc.option(text, { nil: null }),
    published: fc.option(text, { nil: null }),
    lang: fc.option(fc.constantFrom('en', 'he', 'ar', 'ja'), { nil: null }),
    canonicalUrl: fc.option(fc.webUrl(), { nil: null }),
    savedAt: fc.option(time, { nil: null }),
    readingStatus: fc.constantFrom(null, ...READING_STATUSES),
    favourite: fc.boolean(),
    progress: fc
      .double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true })
      .map((p) => (Object.is(p, -0) ? 0 : p)),
    resumeQuote: fc.option(fc.string({ maxLength: FIELD_LIMITS.resumeQuote }), { nil: null }),
    listedAt: fc.option(time, { nil: null }),
    articleTags: fc.array(fc.oneof(text, fc.constantFrom('to-read', 'Longform', 'עברית')), { maxLength: 3 }),
    readingMinutes: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
  })
  .map(
    ({ sync: s, urls, articleTags, ...rest }): BackupArticle => ({
      ...s,
      url: urls[0]!,
      urls,
      pageUrl: urls.at(-1)!,
      ...rest,
      articleTags: normalizeTagNames(articleTags),
    }),
  );

const body = (articleId: string) =>
  fc
    .record({ sync, html: text, text })
    .map(({ sync: s, ...rest }): BackupArticleBody => ({ ...s, id: articleId, ...rest }));

const highlight = (articleIds: string[]) =>
  fc
    .record({
      sync,
      articleId: fc.constantFrom(...articleIds),
      exact: text,
      prefix: fc.option(text, { nil: undefined }),
      position: fc.nat(),
      withPosition: fc.boolean(),
      colour: fc.constantFrom(...HIGHLIGHT_COLOURS),
      note: text,
      tags: fc.array(fc.oneof(text, fc.constantFrom('rust', 'Rust', '#web dev', 'עברית')), { maxLength: 3 }),
      anchor: fc.constantFrom(...ANCHOR_STATUSES),
    })
    .map(
      ({ sync: s, exact, prefix, position, withPosition, tags, ...rest }): BackupHighlight => ({
        ...s,
        ...rest,
        selectors: [
          { type: 'TextQuoteSelector', exact, ...(prefix !== undefined && { prefix }) },
          ...(withPosition
            ? [{ type: 'TextPositionSelector' as const, start: position, end: position + exact.length }]
            : []),
        ],
        quote: exact,
        position,
        tags: normalizeTagNames(tags),
      }),
    );

const pageNote = (articleIds: string[]) =>
  fc
    .record({ sync, articleId: fc.constantFrom(...articleIds), text })
    .map(({ sync: s, ...rest }): BackupPageNote => ({ ...s, ...rest }));

const tag = (name: fc.Arbitrary<string>) =>
  fc
    .record({ sync, name, colour: fc.option(fc.constantFrom(...HIGHLIGHT_COLOURS), { nil: null }) })
    .map(({ sync: s, ...rest }): BackupTag => ({ ...s, ...rest }));

/** A library as the extension keeps it: every reference resolves, every tag a live highlight uses has a live tag. */
const library: fc.Arbitrary<BackupRecords> = fc
  .uniqueArray(article, { selector: (a) => a.id, maxLength: 4 })
  .chain((articles) => {
    const ids = articles.map((a) => a.id);
    const none = <T>(): fc.Arbitrary<T[]> => fc.constant([]);
    const listOf = <T>(arbs: Array<fc.Arbitrary<T>>): fc.Arbitrary<T[]> =>
      arbs.length ? fc.tuple(...arbs).map((t) => [...t]) : none<T>();
    return fc
      .record({
        articleBodies: fc.subarray(ids).chain((withCopy) => listOf(withCopy.map(body))),
        highlights: ids.length
          ? fc.uniqueArray(highlight(ids), { selector: (h) => h.id, maxLength: 6 })
          : none<BackupHighlight>(),
        pageNotes: ids.length
          ? fc.uniqueArray(pageNote(ids), { selector: (n) => n.id, maxLength: 3 })
          : none<BackupPageNote>(),
        extraTags: fc.uniqueArray(tag(text.map(normalizeTagName).filter((n) => n !== '')), {
          selector: (t) => t.id,
          maxLength: 3,
        }),
      })
      .chain(({ highlights, extraTags, articleBodies, pageNotes }) => {
        const used = [...new Set(highlights.filter((h) => h.deletedAt === null).flatMap((h) => h.tags))];
        const usedTags = listOf(used.map((name) => tag(fc.constant(name)).map((t) => ({ ...t, deletedAt: null }))));
        return usedTags.map(
          (tags): BackupRecords => ({
            articles,
            articleBodies,
            highlights,
            pageNotes,
            tags: uniqueById([...tags, ...extraTags]),
          }),
        );
      });
  });

function uniqueById<T extends { id: string }>(records: T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

/** Puts records into a database as its repositories would have stored them. */
async function fill(db: MarginDb, records: BackupRecords): Promise<void> {
  await db.articles.bulkPut(records.articles.map((a) => withDerivedFields('articles', importedArticle(a))));
  await db.articleBodies.bulkPut(
    records.articleBodies.map((b) => withDerivedFields('articleBodies', importedArticleBody(b))),
  );
  // With `articles`: the database reads each highlight's site from it (`site-words.ts`).
  await db.transaction('rw', [db.highlights, db.articles], () =>
    db.highlights.bulkPut(records.highlights.map((h) => withDerivedFields('highlights', importedHighlight(h)))),
  );
  await db.pageNotes.bulkPut(records.pageNotes.map((n) => withDerivedFields('pageNotes', importedPageNote(n))));
  await db.tags.bulkPut(records.tags.map(importedTag));
}

async function roundTrip(records: BackupRecords, settings = {}) {
  const source = testDb(undefined, new IDBFactory(), 'source');
  await fill(source, records);
  const text = serializeBackup(await createBackup(source, settings));
  const result = validateBackup(text);
  if (!result.ok) throw new Error(`${result.message}\n${result.problems.join('\n')}`);
  const target = testDb(undefined, new IDBFactory(), 'target');
  const plan = await planImport(target, result.backup.records);
  await applyImport(target, plan);
  return { source: await dumpDb(source), target: await dumpDb(target), plan, backup: result.backup };
}

test('export, then import into an empty database, gives back the same records', async () => {
  await fc.assert(
    fc.asyncProperty(library, async (records) => {
      const { source, target, plan } = await roundTrip(records);
      expect(target).toEqual(source);
      expect(plan.conflicts).toEqual([]);
      expect(plan.totals.updated + plan.totals.older + plan.totals.unchanged).toBe(0);
    }),
    { numRuns: 150 },
  );
});

test('settings come back too', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        theme: fc.constantFrom('light', 'dark', 'sepia', 'system'),
        fontSize: fc.integer({ min: 14, max: 32 }),
      }),
      fc.constantFrom(...HIGHLIGHT_COLOURS),
      async (reader, colour) => {
        const { backup } = await roundTrip(
          { articles: [], articleBodies: [], highlights: [], pageNotes: [], tags: [] },
          {
            readerSettings: reader,
            highlightSettings: { defaultColour: colour, toolbarOnSelect: false },
          },
        );
        expect(backup.settings.readerSettings).toMatchObject(reader);
        expect(backup.settings.highlightSettings).toEqual({ defaultColour: colour, toolbarOnSelect: false });
      },
    ),
    { numRuns: 20 },
  );
});

test('strings at the limits of their fields come back whole', async () => {
  const [records] = fc.sample(
    library.filter((r) => r.articles.length > 0 && r.highlights.length > 0),
    { numRuns: 1, seed: 7 },
  );
  const a = records!.articles[0]!;
  const long = (n: number) => '🏳️‍🌈 שלום\n'.repeat(Math.ceil(n / 12)).slice(0, n);
  const big: BackupRecords = {
    ...records!,
    articles: [{ ...a, title: long(FIELD_LIMITS.shortText) }, ...records!.articles.slice(1)],
    articleBodies: [
      {
        id: a.id,
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        deletedAt: null,
        html: `<p>${long(FIELD_LIMITS.html - 7)}</p>`,
        text: long(FIELD_LIMITS.bodyText),
      },
    ],
    highlights: records!.highlights.map((h) => ({ ...h, note: long(FIELD_LIMITS.longText) })),
  };
  const { source, target } = await roundTrip(big);
  expect(target).toEqual(source);
});
