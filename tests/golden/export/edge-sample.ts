/**
 * The edge-case golden files' input: what the sample post does not exercise.
 * 1. An Arabic (right-to-left) article with a colon in its title and a non-ASCII
 *    address, no author, site or date; a quote with `-`, `&` and an Arabic comma
 *    and an empty note; a quote with an emoji, `,`, `-` and `&` whose note is a
 *    spreadsheet formula, tagged with a number and `c++`.
 * 2. An article by an organisation with only a year and month, an orphaned
 *    highlight (linked to the page, not the passage) whose quote has straight
 *    quotes, `-`, `,`, `&`, and whose note starts with `-` and has a line starting
 *    with `@`.
 */
import type { ArticleRecord, HighlightRecord } from '@/utils/db/schema';
import type { ExportData } from '@/utils/export/export-data';
import { readingDefaults } from '@/utils/db/reading-fields';

const T = (d: number, h: number) => Date.UTC(2024, 3, d, h, 0, 0);
const stamps = (t: number) => ({ createdAt: t, updatedAt: t, deletedAt: null });

const arabic: ArticleRecord = {
  id: '018ecf00-0000-7000-8000-000000000001',
  ...stamps(T(2, 8)),
  url: 'https://example.org/ar/%D9%83%D9%8A%D9%81',
  urls: ['https://example.org/ar/%D9%83%D9%8A%D9%81'],
  pageUrl: 'https://example.org/ar/كيف',
  canonicalUrl: null,
  title: 'كيف نكتب: دليل قصير',
  author: null,
  site: null,
  host: 'example.org',
  published: null,
  lang: 'ar',
  savedAt: null,
  ...readingDefaults(),
  words: [],
};

const staff: ArticleRecord = {
  ...arabic,
  id: '018ecf00-0000-7000-8000-000000000002',
  ...stamps(T(3, 20)),
  url: 'https://news.example.com/2024/02/tides',
  urls: ['https://news.example.com/2024/02/tides'],
  pageUrl: 'https://news.example.com/2024/02/tides',
  title: '[Update] Tides & Times — "What Changed?"',
  author: 'Example News Staff',
  site: 'Example News',
  host: 'news.example.com',
  published: '2024-02',
  lang: 'en',
};

const h = (article: ArticleRecord, n: number, fields: Partial<HighlightRecord> & { quote: string }): HighlightRecord => ({
  id: `018ecf00-0000-7000-8000-00000000001${n}`,
  ...stamps(article.createdAt + n * 60_000),
  articleId: article.id,
  selectors: [
    { type: 'TextQuoteSelector', exact: fields.quote, prefix: 'قبل ', suffix: ' بعد' },
    { type: 'TextPositionSelector', start: n * 100, end: n * 100 + fields.quote.length },
  ],
  colour: 'blue',
  note: '',
  tags: [],
  position: n * 100,
  anchor: 'anchored',
  words: [],
  ...fields,
});

export const edgeData: ExportData = {
  exportedAt: Date.UTC(2024, 4, 1, 12),
  tags: [],
  articles: [
    {
      article: arabic,
      body: null,
      pageNote: null,
      highlights: [
        h(arabic, 1, { quote: 'نص عربي - مع شرطة & و، فاصلة' }),
        h(arabic, 2, { quote: 'Ship it 🚀, then iterate - fast & loose', note: '=SUM(A1:A2)', tags: ['2024', 'c++'], colour: 'purple' }),
      ],
    },
    {
      article: staff,
      body: null,
      pageNote: null,
      highlights: [
        h(staff, 3, {
          quote: 'He said "no" - twice, & left.',
          selectors: [{ type: 'TextQuoteSelector', exact: 'He said "no" - twice, & left.', prefix: 'Then ', suffix: ' Nobody' }],
          note: '-5 points\n@everyone read this',
          tags: ['hallway track'],
          anchor: 'orphaned',
        }),
      ],
    },
  ],
};
