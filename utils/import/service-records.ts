/**
 * What every read-it-later export holds, in one shape (`ServiceItem`: a page or a
 * book, its reading-list state, tags, offline copy and highlights), and how such
 * items become Margin's records for the import pipeline (`plan-import.ts`).
 *
 * Ids are derived from content, so importing the same file twice yields the same
 * records and the merge finds them unchanged: an article's from its URL key (the
 * same name the W3C importer uses, so both imports of one page meet), a
 * highlight's from its article and quote, a page note's from its article. The same
 * page twice in a file (duplicate URLs) is one article; the same quote twice on it
 * is one highlight, with both notes and all tags.
 *
 * An imported highlight has a quote and no position: it is stored with a
 * TextQuoteSelector holding only `exact` and the status `unplaced`; the page
 * places it at its first visit. A book's highlights (Readwise) have no page: their
 * article is filed under a `urn:` key with the book's title, and they are kept as
 * notes (`detached`), never looked for.
 */
import type { HighlightColour, TagRecord } from '@/utils/db/schema';
import { MAX_TIME } from '@/utils/db/time-limits';
import { withDerivedFields, type UnderivedRecords } from '@/utils/db/derived-fields';
import { readingDefaults, readingMinutesOf } from '@/utils/db/reading-fields';
import { normalizeTagNames } from '@/utils/db/tags';
import type { RecordSet } from '@/utils/export/export-data';
import { nameUuid } from '@/utils/export/name-uuid';
import { articleUrlKeys } from '@/utils/url/article-url';
import { FIELD_LIMITS } from '@/utils/backup/backup-limits';
import { addImportedTag } from './imported-tags';

/** Where an article is in the user's reading list, as the service said. */
export type ReadingStatus = 'unread' | 'reading' | 'archived';

/**
 * An article's place on the service's reading list, as the importers read it. `finish`
 * stores it on the article (`status` → `readingStatus`, `progress ?? 0`, `savedAt` →
 * `listedAt`, `tags` → `articleTags`) and also returns it per article for the preview.
 */
export interface ReadingState {
  status: ReadingStatus;
  favourite: boolean;
  /** 0 to 1; null when the service did not say. */
  progress: number | null;
  /** When it was saved to the service, epoch ms. */
  savedAt: number | null;
  /** The article's own tags or labels (highlights keep theirs on the highlight). */
  tags: string[];
}

export interface ServiceHighlight {
  quote: string;
  note?: string;
  tags?: string[];
  /** Epoch ms. */
  createdAt?: number | null;
  colour?: HighlightColour;
}

/** One page (or book) of an export, whatever service wrote it. */
export interface ServiceItem {
  /** Where in the file, for messages: "part_000000.csv row 4". */
  where: string;
  /** The page's address as the file gives it; ignored for a book. */
  url: string;
  /** A book (Readwise): filed under its title and author, not an address. */
  book?: { title: string; author: string | null };
  title?: string | null;
  author?: string | null;
  site?: string | null;
  published?: string | null;
  /** Epoch ms. */
  savedAt?: number | null;
  updatedAt?: number | null;
  reading?: Partial<Omit<ReadingState, 'tags' | 'savedAt'>>;
  tags?: string[];
  /** A note on the whole page. */
  note?: string;
  /** An offline copy, already sanitized by the caller's sanitizer. */
  body?: { html: string; text: string };
  highlights?: ServiceHighlight[];
}

/** The records an export becomes, and what the records cannot hold yet. */
export interface ServiceRecords {
  records: RecordSet;
  /** Reading-list state per article id, for the articles whose state the file gives (also on the articles). */
  reading: Map<string, ReadingState>;
  warnings: string[];
}

/**
 * The reading-list states of an import in one sentence, or null when it has none. They
 * are stored on the articles (an article already on the list here keeps its own state).
 */
export function describeReading(reading: ReadonlyMap<string, ReadingState>): string | null {
  if (reading.size === 0) return null;
  const count = { unread: 0, reading: 0, archived: 0 };
  let favourites = 0;
  for (const r of reading.values()) {
    count[r.status]++;
    if (r.favourite) favourites++;
  }
  const parts = [
    `${count.unread} unread`,
    `${count.reading} being read`,
    `${count.archived} archived`,
    `${favourites} favourite${favourites === 1 ? '' : 's'}`,
  ];
  return `Reading list: ${parts.join(', ')}, with each article’s own tags.`;
}

/**
 * A time as services write them: Unix seconds, epoch ms (both as numbers or digit
 * strings) or ISO 8601. Out of range or unreadable: null.
 */
export function parseServiceTime(value: unknown): number | null {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) ms = Number(value);
  else if (typeof value === 'string' && value.trim() !== '') return inRange(Date.parse(value.trim()));
  else return null;
  // Seconds until the year 5138; anything larger is milliseconds.
  return inRange(ms < 1e11 ? ms * 1000 : ms);
}

function inRange(ms: number): number | null {
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_TIME ? Math.floor(ms) : null;
}

/** Tags as services write them, one list: split on `sep` where given, trimmed, empties dropped. */
export function splitTags(value: string, sep: RegExp | string): string[] {
  return value
    .split(sep)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

const WEB = /^https?:$/;

/** An http(s) address, or null: `javascript:`, `data:`, `file:` and the like are refused. */
export function webAddress(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length > FIELD_LIMITS.url) return null;
  try {
    return WEB.test(new URL(trimmed).protocol) ? trimmed : null;
  } catch {
    return null;
  }
}

type Article = UnderivedRecords['articles'];

interface Collected {
  article: Article;
  reading: ReadingState;
  readingGiven: boolean;
}

/** Builds records from items in file order; `finish` gives them. */
export class ServiceRecordBuilder {
  private readonly articles = new Map<string, Collected>();
  // Derived fields (search words, host) are added once, in `finish`.
  private readonly highlights = new Map<string, UnderivedRecords['highlights']>();
  private readonly notes = new Map<string, UnderivedRecords['pageNotes']>();
  private readonly bodies = new Map<string, UnderivedRecords['articleBodies']>();
  private readonly tags = new Map<string, TagRecord>();
  private readonly pending: ServiceItem[] = [];
  readonly warnings: string[] = [];
  private skipped = 0;
  /** Used for a record whose file gives no time: the newest time in the file, else 0 (never "now", which would make a second import differ). */
  private fallbackTime = 0;

  add(item: ServiceItem): void {
    this.pending.push(item);
    for (const t of [item.savedAt, item.updatedAt, ...(item.highlights ?? []).map((h) => h.createdAt)]) {
      if (typeof t === 'number' && t > this.fallbackTime) this.fallbackTime = t;
    }
  }

  /** A warning for something skipped, kept to the first few (the count says the rest). */
  skip(message: string): void {
    if (this.skipped++ < 20) this.warnings.push(message);
  }

  finish(): ServiceRecords {
    for (const item of this.pending) this.build(item);
    if (this.skipped > 20) this.warnings.push(`…and ${this.skipped - 20} more skipped`);
    const reading = new Map<string, ReadingState>();
    for (const { article, reading: r, readingGiven } of this.articles.values())
      if (readingGiven) reading.set(article.id, r);
    return {
      records: {
        articles: [...this.articles.values()].map((c) => withDerivedFields('articles', this.listed(c))),
        articleBodies: [...this.bodies.values()].map((b) => withDerivedFields('articleBodies', b)),
        highlights: [...this.highlights.values()].map((h) => withDerivedFields('highlights', h)),
        pageNotes: [...this.notes.values()].map((n) => withDerivedFields('pageNotes', n)),
        tags: [...this.tags.values()],
      },
      reading,
      warnings: this.warnings,
    };
  }

  /**
   * The article with its reading-list fields: the service's state when it gave one (on the
   * list since it was saved there; a time the file lacks is the article's own, never "now",
   * so a second import is the same), and its reading time from an offline copy's text.
   */
  private listed({ article, reading: r, readingGiven }: Collected): Article {
    const minutes = readingMinutesOf(this.bodies.get(article.id)?.text);
    const withMinutes = minutes === null ? article : { ...article, readingMinutes: minutes };
    if (!readingGiven) return withMinutes;
    return {
      ...withMinutes,
      readingStatus: r.status,
      favourite: r.favourite,
      progress: r.progress ?? 0,
      listedAt: r.savedAt ?? article.createdAt,
      articleTags: r.tags,
    };
  }

  private build(item: ServiceItem): void {
    const collected = this.article(item);
    if (!collected) return;
    const { article } = collected;
    const { created } = this.times(item);
    const tags = normalizeTagNames(item.tags ?? []);
    for (const t of tags) this.tag(t, created);
    this.mergeReading(collected, item, tags);
    if (item.note?.trim()) this.note(article, item.note.trim(), created, item.updatedAt ?? created);
    if (item.body) {
      this.bodies.set(article.id, {
        id: article.id,
        createdAt: created,
        updatedAt: created,
        deletedAt: null,
        ...item.body,
      });
      if (article.savedAt === null || article.savedAt < created) article.savedAt = created;
    }
    for (const [i, h] of (item.highlights ?? []).entries()) this.highlight(article, h, item, i, created);
  }

  private article(item: ServiceItem): Collected | null {
    let url: string;
    let urls: string[];
    let pageUrl: string;
    if (item.book) {
      url = `urn:margin:book:${nameUuid(`book:${item.book.title}\n${item.book.author ?? ''}`)}`;
      urls = [url];
      pageUrl = url;
    } else {
      const web = webAddress(item.url);
      if (web === null) {
        this.skip(`${item.where}: skipped, "${item.url.slice(0, 100)}" is not a web (http or https) address`);
        return null;
      }
      urls = articleUrlKeys(web);
      url = urls[0]!;
      pageUrl = web;
    }
    const title = (item.book?.title ?? item.title ?? '').trim().slice(0, FIELD_LIMITS.shortText);
    const author = (item.book?.author ?? item.author ?? '').trim().slice(0, FIELD_LIMITS.shortText) || null;
    const { created, updated } = this.times(item);
    const existing = this.articles.get(url);
    if (existing) {
      const a = existing.article;
      if (title && a.title === a.pageUrl) a.title = title;
      a.author ??= author;
      a.createdAt = Math.min(a.createdAt, created);
      a.updatedAt = Math.max(a.updatedAt, updated);
      return existing;
    }
    const fields = { title: title || pageUrl, author, site: item.site?.trim() || null };
    const article: Article = {
      id: nameUuid(`article:${url}`),
      createdAt: created,
      updatedAt: updated,
      deletedAt: null,
      url,
      urls,
      pageUrl,
      canonicalUrl: null,
      ...fields,
      published: item.published?.trim() || null,
      lang: null,
      savedAt: null,
      // Filled from the item's reading state in `finish`, once every row of the page is read.
      ...readingDefaults(),
    };
    const collected: Collected = {
      article,
      reading: { status: 'unread', favourite: false, progress: null, savedAt: item.savedAt ?? null, tags: [] },
      readingGiven: false,
    };
    this.articles.set(url, collected);
    return collected;
  }

  /**
   * When an item was saved and last changed: its own times, else its highlights'
   * (a Pocket annotations entry has only those), else the file's newest.
   */
  private times(item: ServiceItem): { created: number; updated: number } {
    const own = [item.savedAt, item.updatedAt].filter((t): t is number => typeof t === 'number');
    const marks = (item.highlights ?? []).map((h) => h.createdAt).filter((t): t is number => typeof t === 'number');
    const created = item.savedAt ?? item.updatedAt ?? (marks.length > 0 ? Math.min(...marks) : this.fallbackTime);
    const updated = Math.max(created, ...own, ...marks);
    return { created, updated };
  }

  /** The later row of a duplicate wins each field it gives; tags add up. */
  private mergeReading(c: Collected, item: ServiceItem, tags: string[]): void {
    const r = c.reading;
    // Only a service with a reading list says where an item stands on it: a highlights
    // export's document tags or dates (Readwise) do not put the page on Margin's list.
    if (item.reading) c.readingGiven = true;
    if (item.reading?.status) r.status = item.reading.status;
    if (item.reading?.favourite) r.favourite = true;
    if (item.reading?.progress != null) r.progress = Math.min(1, Math.max(0, item.reading.progress));
    if (item.savedAt != null) r.savedAt = r.savedAt === null ? item.savedAt : Math.min(r.savedAt, item.savedAt);
    r.tags = normalizeTagNames([...r.tags, ...tags]);
  }

  private note(article: Article, text: string, created: number, updated: number): void {
    const existing = this.notes.get(article.id);
    if (existing) {
      if (existing.text.split('\n\n').includes(text)) return;
      existing.text = `${existing.text}\n\n${text}`.slice(0, FIELD_LIMITS.longText);
      existing.updatedAt = Math.max(existing.updatedAt, updated);
      return;
    }
    this.notes.set(article.id, {
      id: nameUuid(`service-note:${article.url}`),
      createdAt: created,
      updatedAt: Math.max(created, updated),
      deletedAt: null,
      articleId: article.id,
      text: text.slice(0, FIELD_LIMITS.longText),
    });
  }

  private highlight(article: Article, h: ServiceHighlight, item: ServiceItem, i: number, articleTime: number): void {
    const quote = h.quote.trim();
    if (quote === '') {
      this.skip(`${item.where}: highlight ${i + 1} skipped, its quote is empty`);
      return;
    }
    if (quote.length > FIELD_LIMITS.longText) {
      this.skip(
        `${item.where}: highlight ${i + 1} skipped, its quote is longer than ${FIELD_LIMITS.longText.toLocaleString('en')} characters`,
      );
      return;
    }
    const created = h.createdAt ?? articleTime;
    const note = (h.note ?? '').trim();
    const tags = normalizeTagNames(h.tags ?? []);
    for (const t of tags) this.tag(t, created);
    const id = nameUuid(`service-highlight:${article.url}\n${quote}`);
    const existing = this.highlights.get(id);
    if (existing) {
      // The same passage twice: one highlight with both notes and every tag.
      const notes = [existing.note, note].filter((n, k, all) => n !== '' && all.indexOf(n) === k);
      const fields = {
        quote,
        note: notes.join('\n\n').slice(0, FIELD_LIMITS.longText),
        tags: normalizeTagNames([...existing.tags, ...tags]),
      };
      Object.assign(existing, fields);
      existing.createdAt = Math.min(existing.createdAt, created);
      existing.updatedAt = Math.max(existing.updatedAt, created);
      return;
    }
    const fields = { quote, note: note.slice(0, FIELD_LIMITS.longText), tags };
    this.highlights.set(id, {
      id,
      createdAt: created,
      updatedAt: created,
      deletedAt: null,
      articleId: article.id,
      selectors: [{ type: 'TextQuoteSelector', exact: quote }],
      ...fields,
      colour: h.colour ?? 'yellow',
      position: Number.MAX_SAFE_INTEGER,
      // A book has no page to place it on: kept as a note, never looked for.
      anchor: item.book ? 'detached' : 'unplaced',
    });
  }

  private tag(name: string, created: number): void {
    addImportedTag(this.tags, name, created);
  }
}
