/**
 * Highlights as CSV, one row per highlight, for spreadsheets. Written to RFC 4180
 * (fields with a comma, quote or line break are quoted, quotes doubled, CRLF
 * between records) plus what spreadsheet programs need to open it right: a UTF-8
 * byte-order mark, without which Excel reads the file as the system's legacy code
 * page, and no cell that a spreadsheet would run as a formula.
 */
import { articleLink } from './article-link';
import { isoInstant } from './export-dates';
import type { ExportData } from './export-data';

export const CSV_COLUMNS = ['quote', 'note', 'colour', 'tags', 'title', 'author', 'url', 'created'] as const;

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

/**
 * @return the CSV text, starting with a byte-order mark; encode it as UTF-8
 */
export function highlightsCsv(data: ExportData): string {
  const out = [BOM, csvRow(CSV_COLUMNS)];
  for (const { article, highlights } of data.articles) {
    const url = articleLink(article);
    for (const h of highlights) {
      out.push(
        csvRow([
          h.quote,
          h.note,
          h.colour,
          h.tags.join(', '),
          article.title,
          article.author ?? '',
          url,
          isoInstant(h.createdAt),
        ]),
      );
    }
  }
  return out.join('');
}
