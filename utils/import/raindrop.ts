/**
 * Raindrop.io's CSV export: `id,title,note,excerpt,url,folder,tags,created,cover,
 * highlights,favorite`. Tags are joined with commas, `created` is ISO 8601,
 * `favorite` is `true`/`false`. The note becomes the page's note. `highlights`
 * holds each highlight as `Highlight: text` (optionally followed by `Note: text`);
 * a cell without those markers is read as one quote per paragraph.
 */
import { parseCsv } from './read-archive';
import { parseServiceTime, splitTags, type ServiceHighlight, type ServiceRecordBuilder } from './service-records';

/** The columns that tell this CSV from others (lowercased). */
export const RAINDROP_HEADER = ['id', 'title', 'note', 'excerpt', 'url'];

/** @return problems that refuse the file */
export function readRaindropCsv(text: string, where: string, b: ServiceRecordBuilder): string[] {
  const csv = parseCsv(text, where);
  if (!csv.ok) return csv.errors;
  for (const row of csv.rows) {
    const created = parseServiceTime(row.get('created'));
    b.add({
      where: `${where} row ${row.row}`,
      url: row.get('url'),
      title: row.get('title'),
      savedAt: created,
      updatedAt: created,
      note: row.get('note'),
      tags: splitTags(row.get('tags'), ','),
      reading: { favourite: /^true$/i.test(row.get('favorite').trim()) },
      highlights: raindropHighlights(row.get('highlights'), created),
    });
  }
  return [];
}

/** The `highlights` cell, in either way Raindrop has written it. */
export function raindropHighlights(cell: string, createdAt: number | null): ServiceHighlight[] {
  const text = cell.replace(/\r\n?/g, '\n').trim();
  if (text === '') return [];
  if (!/^Highlight:/im.test(text)) return text.split(/\n\s*\n/).map((quote) => ({ quote, createdAt }));
  return text
    .split(/^Highlight:\s*/im)
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const [quote = '', note = ''] = part.split(/^Note:\s*/im);
      return { quote: quote.trim(), note: note.trim(), createdAt };
    });
}
