/**
 * Readwise's CSV export: `Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,
 * Tags,Location Type,Location,Highlighted at,Document tags`.
 *
 * The file has no address column. A row is a web page's when an http(s) address is
 * in `Location`, `Book Title` or a `URL`/`Source URL` column some exports add; it
 * becomes an unplaced highlight on that page. Every other row (a book, a PDF, a
 * tweet thread without its address) is kept under its title and author as a note in
 * the library (`detached`), never dropped.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour } from '@/utils/db/schema';
import { parseCsv } from './read-archive';
import { parseServiceTime, splitTags, webAddress, type ServiceRecordBuilder } from './service-records';

/** The columns that tell this CSV from others (lowercased). */
export const READWISE_HEADER = ['highlight', 'book title', 'book author'];

// Readwise's palette by name; orange has no Margin colour and stays yellow.
const COLOURS = new Map<string, HighlightColour>(HIGHLIGHT_COLOURS.map((c) => [c, c]));

/** @return problems that refuse the file */
export function readReadwiseCsv(text: string, where: string, b: ServiceRecordBuilder): string[] {
  const csv = parseCsv(text, where);
  if (!csv.ok) return csv.errors;
  for (const row of csv.rows) {
    const title = row.get('book title').trim();
    const author = row.get('book author').trim() || null;
    const url =
      [row.get('url'), row.get('source url'), row.get('location'), title].map(webAddress).find((u) => u !== null) ??
      null;
    const createdAt = parseServiceTime(row.get('highlighted at'));
    b.add({
      where: `${where} row ${row.row}`,
      url: url ?? '',
      ...(url === null && { book: { title: title || 'Untitled (Readwise)', author } }),
      title: url === null ? null : title || null,
      author,
      updatedAt: createdAt,
      tags: splitTags(row.get('document tags'), ','),
      highlights: [
        {
          quote: row.get('highlight'),
          note: row.get('note'),
          tags: splitTags(row.get('tags'), ','),
          createdAt,
          colour: COLOURS.get(row.get('color').trim().toLowerCase()) ?? 'yellow',
        },
      ],
    });
  }
  return [];
}
