/**
 * Reads W3C Web Annotations (https://www.w3.org/TR/annotation-model/) and
 * Hypothesis' exports into Margin's records, ready for the merge in `utils/import/`.
 *
 * Accepted: an AnnotationCollection with its pages embedded, an AnnotationPage, a
 * list of annotations, one annotation; Hypothesis' JSON export
 * (`{export_date, annotations: […]}`), an API search result (`{total, rows: […]}`)
 * or one API annotation (`{uri, text, tags, target: [{source, selector}], document}`).
 *
 * Each target's source becomes an article (one per address), each annotation
 * with a TextQuoteSelector a highlight (its TextPositionSelector kept as well,
 * other selectors dropped), an annotation on a whole page a page note. Ids are
 * kept when they are `urn:uuid:` UUIDs (Margin's own export) and otherwise
 * derived from the source's id, so importing the same file twice yields the same
 * records and the merge finds them instead of adding copies.
 *
 * Nothing here trusts the input: shapes are checked with zod and reported as
 * `path: problem`; sizes are bounded; only known fields are read into freshly
 * built records, so keys such as `__proto__` go nowhere.
 */
import { z } from 'zod';
import { selectorSchemas } from '@/utils/anchoring/selector-schema';
import type {
  ArticleRecord,
  HighlightColour,
  HighlightRecord,
  PageNoteRecord,
  TagRecord,
  TextPositionSelector,
  TextQuoteSelector,
} from '@/utils/db/schema';
import { HIGHLIGHT_COLOURS } from '@/utils/db/schema';
import { readingDefaults } from '@/utils/db/reading-fields';
import { withDerivedFields } from '@/utils/db/derived-fields';
import { normalizeTagNames } from '@/utils/db/tags';
import type { RecordSet } from '@/utils/export/export-data';
import { isUuid, nameUuid } from '@/utils/export/name-uuid';
import { articleUrlKeys } from '@/utils/url/article-url';
import { addImportedTag } from './imported-tags';

/** Limits a real export stays far below; past them the input is refused, not cut. */
export const IMPORT_LIMITS = {
  inputChars: 50_000_000,
  annotations: 100_000,
  text: 100_000,
  context: 2_000,
  url: 8_192,
  title: 2_000,
  id: 2_000,
  tags: 200,
  tag: 500,
  listItems: 200,
  position: 1_000_000_000,
} as const;
const MAX_ERRORS = 5;

export type W3cImportResult = { ok: true; records: RecordSet; warnings: string[] } | { ok: false; errors: string[] };

export interface W3cImportOptions {
  /** Epoch ms for records whose times are missing or unreadable; `Date.now()` by default. */
  now?: number;
}

const L = IMPORT_LIMITS;
const text = (max: number) => z.string().max(max, `longer than ${max.toLocaleString('en')} characters`);
const list = <T extends z.ZodType>(item: T, max: number = L.listItems) =>
  z.array(item).max(max, `more than ${max} items`);
/** JSON-LD allows one value or a list; either comes out as a list. */
const oneOrMany = <T extends z.ZodType>(item: T, what: string) =>
  z
    .union([item, list(item)], { error: `expected ${what} or a list of them` })
    .transform((v): z.infer<T>[] => (Array.isArray(v) ? v : [v]));
const anyObject = z.looseObject({});

const selectorRules = selectorSchemas({ exact: L.text, context: L.context, position: L.position, text });
// A W3C file's quote must find a passage; a backup's is checked by anchoring instead.
const quoteSelector = selectorRules.quote.extend({ exact: text(L.text).min(1, 'empty quote') });
const positionSelector = selectorRules.position;
const otherSelector = z.looseObject({ type: text(200) });

const textualBody = z.looseObject({
  type: oneOrMany(text(200), 'a type').optional(),
  value: text(L.text).optional(),
  purpose: oneOrMany(text(200), 'a purpose').optional(),
});
const specificResource = z.looseObject({
  id: text(L.url).optional(),
  source: z
    .union([text(L.url), z.looseObject({ id: text(L.url) })], { error: 'expected an address or {id}' })
    .optional(),
  selector: oneOrMany(anyObject, 'a selector object').optional(),
  styleClass: text(200).optional(),
});
const w3cAnnotation = z.looseObject({
  id: text(L.id).optional(),
  motivation: oneOrMany(text(200), 'a motivation').optional(),
  created: text(100).optional(),
  modified: text(100).optional(),
  body: oneOrMany(
    z.union([text(L.url), textualBody], { error: 'expected an address or a body object' }),
    'a body',
  ).optional(),
  bodyValue: text(L.text).optional(),
  target: oneOrMany(
    z.union([text(L.url), specificResource], { error: 'expected an address or a target object' }),
    'a target',
  ),
});
const hypothesisAnnotation = z.looseObject({
  id: text(L.id).optional(),
  created: text(100).optional(),
  updated: text(100).optional(),
  uri: text(L.url),
  text: text(L.text).optional(),
  tags: list(text(L.tag), L.tags).optional(),
  references: list(text(L.id), 10_000).optional(),
  target: list(z.looseObject({ source: text(L.url).optional(), selector: list(anyObject).optional() })).optional(),
  document: z.looseObject({ title: oneOrMany(text(L.title), 'a title').optional() }).optional(),
  links: z.looseObject({ html: text(L.url).optional() }).optional(),
});

type Path = (string | number)[];

/** What one annotation says, whatever format it came in. */
interface Parsed {
  path: Path;
  /** Its own id if it is a UUID, else a stable name to derive one from. */
  uuid: string | null;
  sourceId: string;
  source: string;
  title: string | null;
  selectors: unknown[];
  note: string;
  tags: string[];
  colour: HighlightColour;
  created: number | null;
  updated: number | null;
  isReply: boolean;
}

class Problems {
  readonly list: string[] = [];
  count = 0;
  add(path: Path, problem: string): void {
    this.count++;
    if (this.list.length < MAX_ERRORS) this.list.push(`${formatPath(path)}: ${problem}`);
  }
  check<T extends z.ZodType>(schema: T, value: unknown, path: Path): z.infer<T> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.add([...path, ...(issue.path as Path)], issue.message);
    return undefined;
  }
}

function formatPath(path: Path): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
  return text === '' ? '(top level)' : text.replace(/^\./, '');
}

function hasType(value: unknown, type: string): boolean {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'type')) return false;
  const types: unknown = (value as { type: unknown }).type;
  return Array.isArray(types) ? types.includes(type) : types === type;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class TooMany extends Error {}

/**
 * The annotations of any accepted container, each with the path it was found at.
 * @throws TooMany past `IMPORT_LIMITS.annotations`, before building anything for them
 */
function annotationsIn(json: unknown, problems: Problems): { value: unknown; path: Path }[] {
  const found: { value: unknown; path: Path }[] = [];
  const take = (items: unknown, path: Path) => {
    if (!Array.isArray(items)) return;
    if (found.length + items.length > L.annotations) throw new TooMany();
    for (const [i, value] of items.entries()) found.push({ value, path: [...path, i] });
  };
  if (Array.isArray(json)) take(json, []);
  else if (!isRecord(json)) problems.add([], 'expected a JSON object or list of annotations');
  else if (hasType(json, 'AnnotationCollection')) {
    let page: unknown = json.first;
    let path: Path = ['first'];
    for (let n = 0; page !== undefined && n < 10_000; n++) {
      if (!isRecord(page)) {
        problems.add(
          path,
          'the collection links to its pages instead of including them; export it with its annotations embedded',
        );
        break;
      }
      if (!Array.isArray(page.items)) problems.add([...path, 'items'], 'expected a list of annotations');
      take(page.items, [...path, 'items']);
      page = page.next;
      path = [...path, 'next'];
    }
  } else if (hasType(json, 'AnnotationPage')) take(json.items, ['items']);
  else if (Array.isArray(json.annotations)) take(json.annotations, ['annotations']);
  else if (Array.isArray(json.rows)) take(json.rows, ['rows']);
  else if (hasType(json, 'Annotation') || typeof json.uri === 'string') found.push({ value: json, path: [] });
  else {
    problems.add(
      [],
      "not annotations: expected a W3C AnnotationCollection, AnnotationPage, Annotation or list of them, or Hypothesis' export ({annotations: […]}) or search result ({rows: […]})",
    );
  }
  return found;
}

function parseTime(value: string | undefined): number | null {
  const ms = value === undefined ? NaN : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function colourOf(styleClass: string | undefined): HighlightColour {
  const name = styleClass?.replace(/^margin-/, '') ?? '';
  return (HIGHLIGHT_COLOURS as readonly string[]).includes(name) ? (name as HighlightColour) : 'yellow';
}

function parseHypothesis(value: unknown, path: Path, problems: Problems): Parsed | null {
  const a = problems.check(hypothesisAnnotation, value, path);
  if (!a) return null;
  const target = a.target?.[0];
  const title = a.document?.title?.[0]?.trim() || null;
  return {
    path,
    uuid: null,
    sourceId: a.links?.html ?? (a.id ? `hypothesis:${a.id}` : ''),
    source: target?.source ?? a.uri,
    title,
    selectors: target?.selector ?? [],
    note: a.text ?? '',
    tags: a.tags ?? [],
    colour: 'yellow',
    created: parseTime(a.created),
    updated: parseTime(a.updated),
    isReply: (a.references?.length ?? 0) > 0,
  };
}

function parseW3c(value: unknown, path: Path, problems: Problems): Parsed | null {
  const a = problems.check(w3cAnnotation, value, path);
  if (!a) return null;
  const target = a.target[0];
  const resource = typeof target === 'string' ? null : target;
  const source =
    typeof target === 'string'
      ? target
      : typeof target?.source === 'object'
        ? target.source.id
        : (target?.source ?? target?.id);
  if (!source) {
    problems.add([...path, 'target'], 'has no source address');
    return null;
  }
  const tagging = a.motivation?.includes('tagging') ?? false;
  const notes: string[] = a.bodyValue ? [a.bodyValue] : [];
  const tags: string[] = [];
  for (const body of a.body ?? []) {
    if (typeof body === 'string' || body.value === undefined) continue; // a body elsewhere on the web: nothing to show
    const purposes = body.purpose ?? [];
    if (purposes.includes('tagging') || (purposes.length === 0 && tagging)) tags.push(body.value);
    else notes.push(body.value);
  }
  const uuid =
    a.id?.toLowerCase().startsWith('urn:uuid:') && isUuid(a.id.slice(9)) ? a.id.slice(9).toLowerCase() : null;
  return {
    path,
    uuid,
    sourceId: a.id ?? '',
    source,
    title: null,
    selectors: resource?.selector ?? [],
    note: notes.join('\n\n'),
    tags,
    colour: colourOf(resource?.styleClass),
    created: parseTime(a.created),
    updated: parseTime(a.modified),
    isReply: false,
  };
}

/** Builds the records, one article per address, as it reads the parsed annotations. */
class RecordBuilder {
  readonly articles = new Map<string, ArticleRecord>();
  readonly highlights = new Map<string, HighlightRecord>();
  readonly notes = new Map<string, PageNoteRecord>();
  readonly tags = new Map<string, TagRecord>();
  /** URL keys per source address: thousands of annotations share a few hundred pages. */
  private readonly keys = new Map<string, string[]>();

  constructor(readonly now: number) {}

  /** @throws TypeError when `source` is not an absolute URL */
  article(source: string, title: string | null, created: number, updated: number): ArticleRecord {
    let urls = this.keys.get(source);
    if (!urls) this.keys.set(source, (urls = articleUrlKeys(source)));
    const url = urls[0]!;
    let article = this.articles.get(url);
    if (!article) {
      const fields = { title: title ?? source, author: null, site: null };
      article = withDerivedFields('articles', {
        id: nameUuid(`article:${url}`),
        createdAt: created,
        updatedAt: updated,
        deletedAt: null,
        url,
        urls,
        pageUrl: source,
        canonicalUrl: null,
        ...fields,
        published: null,
        lang: null,
        savedAt: null,
        ...readingDefaults(),
      });
      this.articles.set(url, article);
    } else {
      if (title && article.title === article.pageUrl)
        Object.assign(article, withDerivedFields('articles', { ...article, title }));
      article.createdAt = Math.min(article.createdAt, created);
      article.updatedAt = Math.max(article.updatedAt, updated);
    }
    return article;
  }

  tag(name: string, created: number): void {
    addImportedTag(this.tags, name, created);
  }
}

function add(p: Parsed, builder: RecordBuilder, problems: Problems, warnings: string[]): void {
  const created = p.created ?? p.updated ?? builder.now;
  const updated = Math.max(created, p.updated ?? created);
  const id =
    p.uuid ?? nameUuid(`annotation:${p.sourceId || `${p.source}\n${JSON.stringify(p.selectors)}\n${p.created}`}`);
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  p.selectors.forEach((selector, i) => {
    const path = [...p.path, 'selector', i];
    if (hasType(selector, 'TextQuoteSelector')) quote ??= problems.check(quoteSelector, selector, path);
    else if (hasType(selector, 'TextPositionSelector')) position ??= problems.check(positionSelector, selector, path);
    else problems.check(otherSelector, selector, path);
  });
  let article: ArticleRecord;
  try {
    article = builder.article(p.source, p.title, created, updated);
  } catch {
    warnings.push(`${formatPath(p.path)}: skipped, its target "${p.source.slice(0, 200)}" is not an absolute address`);
    return;
  }
  const tags = normalizeTagNames(p.tags);
  for (const t of tags) builder.tag(t, created);
  if (quote) {
    const selectors = [
      {
        type: 'TextQuoteSelector' as const,
        exact: quote.exact,
        ...(quote.prefix !== undefined && { prefix: quote.prefix }),
        ...(quote.suffix !== undefined && { suffix: quote.suffix }),
      },
      ...(position ? [{ type: 'TextPositionSelector' as const, start: position.start, end: position.end }] : []),
    ];
    const fields = { quote: quote.exact, note: p.note, tags };
    const previous = builder.highlights.get(id);
    if (previous && previous.updatedAt > updated) return;
    builder.highlights.set(
      id,
      withDerivedFields('highlights', {
        id,
        createdAt: created,
        updatedAt: updated,
        deletedAt: null,
        articleId: article.id,
        selectors,
        ...fields,
        colour: p.colour,
        position: position?.start ?? Number.MAX_SAFE_INTEGER,
        anchor: 'anchored',
      }),
    );
  } else if (p.selectors.length > 0) {
    warnings.push(`${formatPath(p.path)}: skipped, it has no TextQuoteSelector that Margin could find the passage by`);
  } else if (p.note.trim() !== '') {
    const existing = builder.notes.get(article.id);
    const noteText = existing ? `${existing.text}\n\n${p.note}` : p.note;
    builder.notes.set(
      article.id,
      withDerivedFields('pageNotes', {
        id: existing?.id ?? id,
        createdAt: Math.min(existing?.createdAt ?? created, created),
        updatedAt: Math.max(existing?.updatedAt ?? updated, updated),
        deletedAt: null,
        articleId: article.id,
        text: noteText,
      }),
    );
  }
}

/**
 * @param input - the file's text, or JSON already parsed
 * @return the records, with warnings for what was skipped; or the first problems
 *   found (`path: what is wrong`), in which case nothing should be imported
 */
export function parseW3cAnnotations(input: unknown, options: W3cImportOptions = {}): W3cImportResult {
  try {
    return parse(input, options);
  } catch (error) {
    if (error instanceof TooMany) {
      return {
        ok: false,
        errors: [`more than ${L.annotations.toLocaleString('en')} annotations; split the file and import the parts`],
      };
    }
    // Whatever else hostile input finds (a stack overflow in the JSON parser, say) is
    // still an answer for the person importing, not a crash.
    return {
      ok: false,
      errors: [`could not read the file: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
}

function parse(input: unknown, options: W3cImportOptions): W3cImportResult {
  const problems = new Problems();
  let json = input;
  if (typeof input === 'string') {
    if (input.length > L.inputChars) {
      return {
        ok: false,
        errors: [
          `the file is larger than ${L.inputChars.toLocaleString('en')} characters; split it and import the parts`,
        ],
      };
    }
    try {
      json = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [`not JSON: ${error instanceof Error ? error.message : String(error)}`] };
    }
  }
  const found = annotationsIn(json, problems);
  const parsed: Parsed[] = [];
  for (const { value, path } of found) {
    const p =
      isRecord(value) && typeof value.uri === 'string' && !hasType(value, 'Annotation')
        ? parseHypothesis(value, path, problems)
        : parseW3c(value, path, problems);
    if (p) parsed.push(p);
  }
  const warnings: string[] = [];
  const builder = new RecordBuilder(options.now ?? Date.now());
  let replies = 0;
  for (const p of parsed) {
    if (p.isReply) replies++;
    else add(p, builder, problems, warnings);
  }
  if (problems.count > 0) {
    const more = problems.count - problems.list.length;
    return { ok: false, errors: more > 0 ? [...problems.list, `…and ${more} more problems`] : problems.list };
  }
  if (replies > 0) warnings.push(`${replies} ${replies === 1 ? 'reply' : 'replies'} to other annotations skipped`);
  return {
    ok: true,
    warnings,
    records: {
      articles: [...builder.articles.values()],
      articleBodies: [],
      highlights: [...builder.highlights.values()],
      pageNotes: [...builder.notes.values()],
      tags: [...builder.tags.values()],
    },
  };
}
