/**
 * Highlights as CSV, one row per highlight, for spreadsheets. Written to RFC 4180
 * (fields with a comma, quote or line break are quoted, quotes doubled, CRLF
 * between records) plus what spreadsheet programs need to open it right: a UTF-8
 * byte-order mark, without which Excel reads the file as the system's legacy code
 * page, and no cell that a spreadsheet would run as a formula.
 *
 * The reading-list columns come last (so a sheet built on the first eight still
 * reads): the article's own tags, its state, star, progress (0 to 1), the instant
 * it was saved to the list and its reading time in minutes; empty when it is not on
 * the list. An article on the list with no highlight gets one row of its own, with
 * the highlight's cells empty, so the CSV holds the whole reading list.
 */
import type { ArticleRecord } from '@/utils/db/schema';
import { articleLink } from './article-link';
import { isoInstant } from './export-dates';
import type { ExportData } from './export-data';

export const CSV_COLUMNS = [
  'quote',
  'note',
  'colour',
  'tags',
  'title',
  'author',
  'url',
  'created',
  'article_tags',
  'status',
  'favourite',
  'progress',
  'saved',
  'reading_time',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';
// OWASP's list: a cell starting with one of these is read as a formula (or, with
// tab and CR, is one after the program trims it). A leading `'` makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralized if it could run as a formula, quoted if it must be. */
export function csvCell(value: string): string {
  let text = value.toWellFormed();
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

/** The reading-list cells of an article's rows: its own tags always, the rest only while it is on the list. */
function readingCells(article: ArticleRecord): string[] {
  const tags = article.articleTags.join(', ');
  if (article.readingStatus === null) return [tags, '', '', '', '', ''];
  return [
    tags,
    article.readingStatus,
    article.favourite ? 'true' : 'false',
    String(Math.round(article.progress * 100) / 100),
    article.listedAt === null ? '' : isoInstant(article.listedAt),
    article.readingMinutes === null ? '' : String(article.readingMinutes),
  ];
}

/**
 * @return the CSV text, starting with a byte-order mark; encode it as UTF-8
 */
export function highlightsCsv(data: ExportData): string {
  const out = [BOM, csvRow(CSV_COLUMNS)];
  for (const { article, highlights } of data.articles) {
    const url = articleLink(article);
    const about = [article.title, article.author ?? '', url];
    const reading = readingCells(article);
    for (const h of highlights) {
      out.push(csvRow([h.quote, h.note, h.colour, h.tags.join(', '), ...about, isoInstant(h.createdAt), ...reading]));
    }
    if (highlights.length === 0 && article.readingStatus !== null)
      out.push(csvRow(['', '', '', '', ...about, '', ...reading]));
  }
  return out.join('');
}
