/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder,Timestamp,Tags` (Tags a JSON
 * list of names; older files have only the first four columns). The folder is the
 * reading state: Unread, Archive, Starred (a favourite, still unread); a folder of
 * the user's own becomes a tag. Instapaper puts no highlights in this file; the
 * Selection (text chosen when saving) is kept as the page's note.
 */
import { parseCsv } from './read-archive';
import { parseServiceTime, type ServiceItem, type ServiceRecordBuilder } from './service-records';

/** The columns that tell this CSV from others (lowercased). */
export const INSTAPAPER_HEADER = ['url', 'title', 'selection', 'folder'];

/** @return problems that refuse the file */
export function readInstapaperCsv(text: string, where: string, b: ServiceRecordBuilder): string[] {
  const csv = parseCsv(text, where);
  if (!csv.ok) return csv.errors;
  for (const row of csv.rows) {
    const at = `${where} row ${row.row}`;
    const savedAt = parseServiceTime(row.get('timestamp'));
    b.add({
      where: at,
      url: row.get('url'),
      title: row.get('title'),
      savedAt,
      updatedAt: savedAt,
      note: row.get('selection'),
      ...folder(row.get('folder')),
      tags: [...folder(row.get('folder')).tags, ...tags(row.get('tags'), at, b)],
    });
  }
  return [];
}

function folder(name: string): Pick<ServiceItem, 'reading'> & { tags: string[] } {
  const f = name.trim().toLowerCase();
  if (f === 'archive') return { reading: { status: 'archived' }, tags: [] };
  if (f === 'starred') return { reading: { status: 'unread', favourite: true }, tags: [] };
  if (f === 'unread' || f === '') return { reading: { status: 'unread' }, tags: [] };
  return { reading: { status: 'unread' }, tags: [name.trim()] };
}

function tags(value: string, where: string, b: ServiceRecordBuilder): string[] {
  if (value.trim() === '') return [];
  try {
    const list: unknown = JSON.parse(value);
    if (Array.isArray(list)) return list.filter((t): t is string => typeof t === 'string');
  } catch {
    // falls through to the warning
  }
  b.skip(`${where}: tags not read, expected a JSON list such as ["a","b"]`);
  return [];
}
