/**
 * Obsidian Web Clipper's highlights export (JSON):
 * `[{url, title, highlights: [{text, timestamp, notes?}]}]`. A timestamp is epoch
 * ms or ISO 8601; notes are one string or a list.
 */
import { z } from 'zod';
import { parseServiceTime, type ServiceRecordBuilder } from './service-records';
import { highlightPagesSchema, zodProblems } from './service-json';

const schema = highlightPagesSchema({
  text: z.string().max(1_000_000),
  timestamp: z.union([z.number(), z.string().max(100)]).nullish(),
  notes: z.union([z.string().max(1_000_000), z.array(z.string().max(1_000_000)).max(1000)]).nullish(),
});

/** Whether parsed JSON has this shape (a list whose pages' highlights have `text`). */
export function looksLikeObsidianClipper(json: unknown): boolean {
  return Array.isArray(json) && json.length > 0 && json.slice(0, 5).every((p) => isPage(p, 'text'));
}

/** A page of Pocket's or the Clipper's list: `{url, highlights: [{<quoteField>}]}`. */
export function isPage(value: unknown, quoteField: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { url, highlights } = value as Record<string, unknown>;
  return (
    typeof url === 'string' &&
    Array.isArray(highlights) &&
    highlights.every((h) => typeof h === 'object' && h !== null && quoteField in h)
  );
}

/** @return problems that refuse the file */
export function readObsidianClipper(json: unknown, where: string, b: ServiceRecordBuilder): string[] {
  const parsed = schema.safeParse(json);
  if (!parsed.success) return zodProblems(parsed.error, where);
  for (const [i, page] of parsed.data.entries()) {
    b.add({
      where: `${where} [${i}]`,
      url: page.url,
      title: page.title ?? null,
      highlights: page.highlights.map((h) => ({
        quote: h.text,
        note: Array.isArray(h.notes) ? h.notes.join('\n\n') : (h.notes ?? ''),
        createdAt: parseServiceTime(h.timestamp),
      })),
    });
  }
  return [];
}
