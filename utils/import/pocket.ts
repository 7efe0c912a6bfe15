/**
 * Pocket's exports, as Pocket wrote them:
 * - the export zip: `part_000000.csv`, … with `title,url,time_added,tags,status`
 *   (tags joined with `|`, time in Unix seconds, status `unread` or `archive`), and
 *   `annotations/part_000000.json`, … as `[{url, title, highlights: [{quote, created_at}]}]`;
 * - the older `ril_export.html`: `<h1>Unread</h1>` and `<h1>Read Archive</h1>`, each
 *   followed by a list of `<a href time_added tags>title</a>` (tags joined with `,`).
 * Either part of the zip may come on its own (a CSV, an annotations JSON).
 */
import { z } from 'zod';
import { decodeText, parseCsv } from './read-archive';
import { parseServiceTime, splitTags, type ReadingStatus, type ServiceRecordBuilder } from './service-records';
import { highlightPagesSchema, zodProblems } from './service-json';

/** The zip's entries that are Pocket's. */
export const POCKET_CSV = /(^|\/)part_\d+\.csv$/;
export const POCKET_ANNOTATIONS = /(^|\/)annotations\/part_\d+\.json$/;

const annotationsSchema = highlightPagesSchema({
  quote: z.string().max(1_000_000),
  created_at: z.union([z.number(), z.string().max(100)]).nullish(),
});

/** The entries of a Pocket export zip. @return problems that refuse the file */
export function readPocketZip(entries: Map<string, Uint8Array>, b: ServiceRecordBuilder): string[] {
  const errors: string[] = [];
  const names = [...entries.keys()].sort();
  for (const name of names) {
    const text = decodeText(entries.get(name)!);
    if (text === null) {
      errors.push(`${name}: not UTF-8 text`);
      continue;
    }
    if (POCKET_CSV.test(name)) errors.push(...readPocketCsv(text, name, b));
    else if (POCKET_ANNOTATIONS.test(name)) errors.push(...readPocketAnnotations(text, name, b));
  }
  return errors;
}

function status(value: string): ReadingStatus {
  return /^archive/i.test(value.trim()) ? 'archived' : 'unread';
}

/** One `part_*.csv`. */
export function readPocketCsv(text: string, where: string, b: ServiceRecordBuilder): string[] {
  const csv = parseCsv(text, where);
  if (!csv.ok) return csv.errors;
  for (const row of csv.rows) {
    const savedAt = parseServiceTime(row.get('time_added'));
    b.add({
      where: `${where} row ${row.row}`,
      url: row.get('url'),
      title: row.get('title'),
      savedAt,
      updatedAt: savedAt,
      tags: splitTags(row.get('tags'), '|'),
      reading: { status: status(row.get('status')) },
    });
  }
  return [];
}

/** One `annotations/part_*.json`. */
export function readPocketAnnotations(text: string, where: string, b: ServiceRecordBuilder): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [`${where}: not JSON (${(error as Error).message})`];
  }
  const parsed = annotationsSchema.safeParse(json);
  if (!parsed.success) return zodProblems(parsed.error, where);
  for (const [i, page] of parsed.data.entries()) {
    b.add({
      where: `${where} [${i}]`,
      url: page.url,
      title: page.title ?? null,
      highlights: page.highlights.map((h) => ({ quote: h.quote, createdAt: parseServiceTime(h.created_at) })),
    });
  }
  return [];
}

const HEADING = /<h1[^>]*>([\s\S]*?)<\/h1>/gi;
const LINK = /<a\s([^>]*)>([\s\S]*?)<\/a>/gi;
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g;

/** Pocket's `ril_export.html`. Read with patterns: it is one flat list Pocket generated. */
export function readPocketHtml(html: string, where: string, b: ServiceRecordBuilder): string[] {
  const sections: { status: ReadingStatus; from: number }[] = [];
  for (const m of html.matchAll(HEADING)) {
    sections.push({ status: /archive/i.test(decodeEntities(m[1]!)) ? 'archived' : 'unread', from: m.index });
  }
  let count = 0;
  for (const m of html.matchAll(LINK)) {
    const section = sections.filter((s) => s.from < m.index).at(-1);
    const attrs = new Map<string, string>();
    for (const a of m[1]!.matchAll(ATTRIBUTE))
      attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    const savedAt = parseServiceTime(attrs.get('time_added'));
    b.add({
      where: `${where} link ${++count}`,
      url: attrs.get('href') ?? '',
      // The title is text: markup inside it stays as written, never markup.
      title: decodeEntities(m[2]!.replace(/<[^>]*>/g, '')),
      savedAt,
      updatedAt: savedAt,
      tags: splitTags(attrs.get('tags') ?? '', ','),
      reading: { status: section?.status ?? 'unread' },
    });
  }
  if (count === 0) return [`${where}: no saved links (<a href=…>) found`];
  return [];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML character references, as far as Pocket writes them. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
