/**
 * Test support for the export formats (imported by `*.test.ts` only): small
 * ExportData builders with sensible defaults, so each test states only what it
 * is about.
 */
import { hostOf } from '@/utils/db/derived-fields';
import type { ArticleRecord, HighlightRecord, PageNoteRecord } from '@/utils/db/schema';
import type { ExportArticle, ExportData } from '@/utils/export/export-data';
import { readingDefaults } from '@/utils/db/reading-fields';

const T0 = Date.UTC(2024, 2, 22, 9, 15);
let counter = 0;

function testId(): string {
  counter++;
  return `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`;
}

export function exportData(articles: ExportArticle[], exportedAt = Date.UTC(2024, 4, 1, 12)): ExportData {
  return { articles, tags: [], exportedAt };
}

/** An article; its URL is made from its title unless given. */
export function exportArticle(
  fields: Partial<ArticleRecord> = {},
  highlights: Partial<HighlightRecord>[] = [],
  pageNote: string | null = null,
): ExportArticle {
  const title = fields.title ?? 'Title';
  const url =
    fields.url ??
    `https://example.com/${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}`;
  const article: ArticleRecord = {
    id: testId(),
    createdAt: T0,
    updatedAt: T0,
    deletedAt: null,
    url,
    urls: [url],
    pageUrl: url,
    canonicalUrl: null,
    title,
    author: 'Ada Lovelace',
    site: 'Example',
    host: hostOf(url),
    published: '2024-03-21',
    lang: 'en',
    savedAt: null,
    ...readingDefaults(),
    words: [],
    ...fields,
  };
  const records = highlights.map((h, i) => ({
    ...highlight(h),
    articleId: article.id,
    position: h.position ?? i * 100,
  }));
  const note: PageNoteRecord | null =
    pageNote === null
      ? null
      : {
          id: testId(),
          createdAt: T0,
          updatedAt: T0,
          deletedAt: null,
          articleId: article.id,
          text: pageNote,
          words: [],
        };
  return { article, body: null, highlights: records, pageNote: note };
}

/** A highlight; `selectors` follow `quote` unless given. */
export function highlight(fields: Partial<HighlightRecord> = {}): HighlightRecord {
  const quote = fields.quote ?? 'a passage';
  return {
    id: testId(),
    createdAt: T0 + 60_000,
    updatedAt: T0 + 60_000,
    deletedAt: null,
    articleId: '',
    selectors: [
      { type: 'TextQuoteSelector', exact: quote, prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 0, end: quote.length },
    ],
    quote,
    colour: 'yellow',
    note: '',
    tags: [],
    position: 0,
    anchor: 'anchored',
    words: [],
    ...fields,
  };
}
