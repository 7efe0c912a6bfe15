/**
 * Properties of the service imports, for generated exports: a well-formed Pocket
 * zip or Clipper file with any Unicode, commas, quotes and newlines in its fields,
 * duplicate addresses and repeated quotes imports without loss (every address an
 * article, every quote a highlight on it, every tag a tag), and importing it a
 * second time changes nothing.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import type { MarginDb } from '@/utils/db/margin-db';
import { normalizeTagNames } from '@/utils/db/tags';
import { testDb } from '@/tests/support/test-db';
import { articleUrlKeys } from '@/utils/url/article-url';
import { applyImport } from './apply-import';
import { previewImportFile } from './preview-import-file';
import { dumpDb } from '@/tests/support/test-records';

const PIECES = [
  'שלום',
  'مرحبا',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '東京',
  ',',
  '"',
  '""',
  '\n',
  '\r\n',
  ' ',
  '|',
  '<b>x</b>',
  '=1+1',
  '\t',
];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 6 }).map((p) => p.join('')),
);
const url = fc.webUrl({ withQueryParameters: true, withFragments: true });
const tag = fc.oneof(fc.constantFrom('rust', 'Rust', 'cities', 'ünï', ''), fc.stringMatching(/^[a-z]{1,8}$/));
const time = fc.integer({ min: 1_000_000_000, max: 1_900_000_000 });

const pocketRow = fc.record({
  title: text,
  url,
  time_added: time,
  tags: fc.array(tag, { maxLength: 3 }),
  status: fc.constantFrom('unread', 'archive'),
});

/** Some addresses repeat, as they do in real exports. */
const pocketExport = fc
  .array(pocketRow, { minLength: 1, maxLength: 15 })
  .chain((rows) =>
    fc.record({
      rows: fc.constant(rows),
      duplicates: fc.array(fc.nat(rows.length - 1), { maxLength: 3 }),
      pages: fc.array(
        fc.record({
          row: fc.nat(rows.length - 1),
          quotes: fc.array(fc.oneof(text, fc.constant('the same passage')), { maxLength: 4 }),
          at: time,
        }),
        { maxLength: 8 },
      ),
    }),
  )
  .map(({ rows, duplicates, pages }) => ({
    rows: [...rows, ...duplicates.map((i) => ({ ...rows[i]!, status: 'archive' }))],
    pages: pages.map((p) => ({
      url: rows[p.row]!.url,
      title: rows[p.row]!.title,
      highlights: p.quotes.map((quote) => ({ quote, created_at: p.at })),
    })),
  }));

type PocketExport = typeof pocketExport extends fc.Arbitrary<infer T> ? T : never;

function pocketZip(e: PocketExport): Uint8Array {
  const csv = Papa.unparse({
    fields: ['title', 'url', 'time_added', 'tags', 'status'],
    data: e.rows.map((r) => [r.title, r.url, String(r.time_added), r.tags.join('|'), r.status]),
  });
  return zipSync({
    'part_000000.csv': new TextEncoder().encode(csv),
    'annotations/part_000000.json': new TextEncoder().encode(JSON.stringify(e.pages)),
  });
}

async function importTwice(db: MarginDb, bytes: Uint8Array) {
  const first = await previewImportFile(db, bytes);
  if (!first.ok) throw new Error(`${first.message}\n${first.problems.join('\n')}`);
  await applyImport(db, first.plan);
  const after = await dumpDb(db);
  const second = await previewImportFile(db, bytes);
  if (!second.ok) throw new Error(second.message);
  await applyImport(db, second.plan);
  return { first, second, after, again: await dumpDb(db) };
}

const key = (u: string) => articleUrlKeys(u)[0]!;

test('a generated Pocket export imports without loss, and a second time changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(pocketExport, async (e) => {
      const db = testDb();
      const { second, after, again } = await importTwice(db, pocketZip(e));

      const articles = await db.articles.toArray();
      const byKey = new Map(articles.map((a) => [a.url, a]));
      expect(new Set(byKey.keys())).toEqual(new Set(e.rows.map((r) => key(r.url))));
      for (const r of e.rows) {
        const a = byKey.get(key(r.url))!;
        const titles = e.rows.filter((x) => key(x.url) === key(r.url)).map((x) => x.title.trim());
        expect(titles.includes(a.title) || (titles.every((t) => t === '') && a.title === a.pageUrl)).toBe(true);
      }
      const highlights = await db.highlights.toArray();
      const expected = new Set(
        e.pages.flatMap((p) =>
          p.highlights.filter((h) => h.quote.trim() !== '').map((h) => `${key(p.url)}\n${h.quote.trim()}`),
        ),
      );
      const articleUrl = new Map(articles.map((a) => [a.id, a.url]));
      expect(new Set(highlights.map((h) => `${articleUrl.get(h.articleId)}\n${h.quote}`))).toEqual(expected);
      expect(highlights.every((h) => h.anchor === 'unplaced' && h.selectors.length === 1)).toBe(true);
      const tags = new Set((await db.tags.toArray()).map((t) => t.name));
      for (const name of normalizeTagNames(e.rows.flatMap((r) => r.tags))) expect(tags.has(name)).toBe(true);

      expect(second.ok && second.plan.totals).toMatchObject({ new: 0, updated: 0, deleted: 0, conflicts: 0 });
      expect(again).toEqual(after);
    }),
    { numRuns: 40 },
  );
});

const clipperExport = fc.array(
  fc.record({
    url,
    title: text,
    highlights: fc.array(
      fc.record({
        text,
        timestamp: fc.oneof(
          time.map((s) => s * 1000),
          time.map((s) => new Date(s * 1000).toISOString()),
        ),
        notes: fc.option(fc.oneof(text, fc.array(text, { maxLength: 2 })), { nil: undefined }),
      }),
      {
        maxLength: 4,
      },
    ),
  }),
  { minLength: 1, maxLength: 10 },
);

test('a generated Obsidian Web Clipper file imports without loss, and a second time changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(clipperExport, async (pages) => {
      const db = testDb();
      const { second, after, again } = await importTwice(db, new TextEncoder().encode(JSON.stringify(pages)));
      const articles = await db.articles.toArray();
      expect(new Set(articles.map((a) => a.url))).toEqual(new Set(pages.map((p) => key(p.url))));
      const quotes = new Set((await db.highlights.toArray()).map((h) => h.quote));
      for (const p of pages)
        for (const h of p.highlights) if (h.text.trim() !== '') expect(quotes.has(h.text.trim())).toBe(true);
      expect(second.ok && second.plan.totals).toMatchObject({ new: 0, updated: 0, deleted: 0, conflicts: 0 });
      expect(again).toEqual(after);
    }),
    { numRuns: 40 },
  );
});
