/**
 * Omnivore's export zip, as its exporter wrote it before the service closed:
 * - `metadata_<from>_to_<to>.json`: `[{id, slug, title, description, author, url,
 *   state, readingProgress, labels[], savedAt, updatedAt, publishedAt}]`;
 * - `content/<slug>.html`: the saved page, which becomes the article's offline copy
 *   once the caller's sanitizer (the one "Save for offline" uses) has cleaned it;
 * - `highlights/<slug>.md`: per highlight a `> quote` block, then `#labels`, then the
 *   note, separated by blank lines. Read tolerantly: what cannot be read is named in
 *   the warnings, the rest imported.
 */
import { z } from 'zod';
import { decodeText } from './read-archive';
import {
  parseServiceTime,
  type ReadingStatus,
  type ServiceHighlight,
  type ServiceItem,
  type ServiceRecordBuilder,
} from './service-records';
import { parseJsonText, zodProblems } from './service-json';

export const OMNIVORE_METADATA = /(^|\/)metadata_[^/]*_to_[^/]*\.json$/;
const CONTENT = /(^|\/)content\/([^/]+)\.html$/;
const HIGHLIGHTS = /(^|\/)highlights\/([^/]+)\.md$/;

/** Which entries of the zip the importer reads. */
export function isOmnivoreEntry(name: string): boolean {
  return OMNIVORE_METADATA.test(name) || CONTENT.test(name) || HIGHLIGHTS.test(name);
}

/** Makes a saved page safe for the reader view; null when it cannot. */
export type Sanitize = (html: string) => { html: string; text: string } | null;

const label = z.union([z.string().max(500), z.looseObject({ name: z.string().max(500) }).transform((l) => l.name)]);
const time = z.union([z.number(), z.string().max(100)]).nullish();
const metadataSchema = z.array(
  z.looseObject({
    id: z.string().max(200).nullish(),
    slug: z.string().max(2000).nullish(),
    title: z.string().max(10_000).nullish(),
    author: z.string().max(10_000).nullish(),
    url: z.string().max(8192),
    state: z.string().max(100).nullish(),
    readingProgress: z.number().nullish(),
    labels: z.array(label).max(500).nullish(),
    savedAt: time,
    updatedAt: time,
    publishedAt: time,
  }),
);

export interface OmnivoreOptions {
  /** Without one, saved pages are skipped (never stored unsanitized). */
  sanitize?: Sanitize;
}

/** @return problems that refuse the file */
export function readOmnivoreZip(
  entries: Map<string, Uint8Array>,
  b: ServiceRecordBuilder,
  options: OmnivoreOptions = {},
): string[] {
  const errors: string[] = [];
  const bySlug = new Map<string, { html?: string; md?: string; mdName?: string }>();
  const text = (name: string): string | null => {
    const t = decodeText(entries.get(name)!);
    if (t === null) errors.push(`${name}: not UTF-8 text`);
    return t;
  };
  for (const name of entries.keys()) {
    const content = CONTENT.exec(name);
    const highlights = HIGHLIGHTS.exec(name);
    if (content) slot(bySlug, content[2]!).html = text(name) ?? undefined;
    else if (highlights) Object.assign(slot(bySlug, highlights[2]!), { md: text(name) ?? undefined, mdName: name });
  }
  const items: ServiceItem[] = [];
  for (const name of [...entries.keys()].filter((n) => OMNIVORE_METADATA.test(n)).sort()) {
    const t = text(name);
    if (t === null) continue;
    const json = parseJsonText(t, name);
    if (!json.ok) {
      errors.push(...json.errors);
      continue;
    }
    const parsed = metadataSchema.safeParse(json.value);
    if (!parsed.success) {
      errors.push(...zodProblems(parsed.error, name));
      continue;
    }
    parsed.data.forEach((m, i) => {
      const where = `${name} [${i}]`;
      if (m.state?.toUpperCase() === 'DELETED') {
        b.skip(`${where}: skipped, deleted in Omnivore`);
        return;
      }
      const files = m.slug ? bySlug.get(m.slug) : undefined;
      if (m.slug) bySlug.delete(m.slug);
      const savedAt = parseServiceTime(m.savedAt);
      const body = files?.html === undefined ? undefined : sanitized(files.html, `content/${m.slug}.html`, b, options);
      items.push({
        where,
        url: m.url,
        title: m.title ?? null,
        author: m.author ?? null,
        published: typeof m.publishedAt === 'string' ? m.publishedAt : null,
        savedAt,
        updatedAt: parseServiceTime(m.updatedAt) ?? savedAt,
        tags: m.labels ?? [],
        reading: reading(m.state ?? '', m.readingProgress ?? null),
        ...(body && { body }),
        highlights: files?.md === undefined ? [] : parseOmnivoreHighlights(files.md, files.mdName!, b),
      });
    });
  }
  for (const item of items) b.add(item);
  for (const [slug, files] of bySlug) {
    if (files.md !== undefined || files.html !== undefined)
      b.skip(
        `${files.mdName ?? `content/${slug}.html`}: skipped, no article in the metadata has the slug "${slug.slice(0, 100)}"`,
      );
  }
  return errors;
}

function slot<T extends object>(map: Map<string, T>, key: string): T {
  let v = map.get(key);
  if (!v) map.set(key, (v = {} as T));
  return v;
}

function reading(state: string, progress: number | null): { status: ReadingStatus; progress: number | null } {
  // Omnivore stores percent (0–100); a few older exports a fraction.
  const fraction = progress === null || !Number.isFinite(progress) ? null : progress > 1 ? progress / 100 : progress;
  const status: ReadingStatus = /archived/i.test(state)
    ? 'archived'
    : fraction !== null && fraction > 0
      ? 'reading'
      : 'unread';
  return { status, progress: fraction };
}

function sanitized(
  html: string,
  where: string,
  b: ServiceRecordBuilder,
  options: OmnivoreOptions,
): { html: string; text: string } | undefined {
  if (!options.sanitize) {
    b.skip(`${where}: saved copy skipped, no sanitizer available here`);
    return undefined;
  }
  const clean = options.sanitize(html);
  if (!clean) b.skip(`${where}: saved copy skipped, it could not be sanitized`);
  return clean ?? undefined;
}

/**
 * One `highlights/<slug>.md`, as Omnivore's exporter joined them: `> quote` (a
 * quote's own line breaks continue with `> `), a blank line, `#label #other label`,
 * a blank line, the note; highlights separated by blank lines. A highlight starts
 * at a `>` line; a `#` line before its note is its labels, other text its note.
 * Text before the first quote is named in the warnings.
 */
export function parseOmnivoreHighlights(md: string, where: string, b: ServiceRecordBuilder): ServiceHighlight[] {
  const out: { quote: string[]; note: string[]; tags: string[] }[] = [];
  let current: (typeof out)[number] | null = null;
  let inQuote = false;
  const lines = md.split(/\r\n|\n|\r/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (/^>/.test(trimmed)) {
      if (!current || !inQuote) out.push((current = { quote: [], note: [], tags: [] }));
      inQuote = true;
      current.quote.push(trimmed.replace(/^>\s?/, ''));
      return;
    }
    inQuote = false;
    if (trimmed === '' || /^-{3,}$/.test(trimmed)) return;
    if (!current) {
      b.skip(`${where} line ${i + 1}: not read, text before any "> quote": "${trimmed.slice(0, 80)}"`);
      return;
    }
    // Omnivore writes the labels as one line, `#name #other name`, before the note.
    if (current.note.length === 0 && /^#[^\s#]/.test(trimmed))
      current.tags.push(
        ...trimmed
          .slice(1)
          .split(/\s+#/)
          .map((t) => t.trim()),
      );
    else current.note.push(line);
  });
  return out.map((h) => ({ quote: h.quote.join('\n'), note: h.note.join('\n').trim(), tags: h.tags }));
}
