/**
 * What makes two copies of a record the same, and which of two different copies
 * wins. Content is every field the user or a page gave it, plus `createdAt` and
 * `deletedAt` (a tombstone differs from the live record); not `updatedAt` and
 * `deviceId`, which only say when and where it was last written, nor the derived
 * `words`, `tagWords`, `siteWords` and `host`.
 *
 * The winner is the later `updatedAt` (last writer wins); on a tie, the greater
 * `deviceId`, then the greater content. Every machine applying the same two copies
 * therefore picks the same one, in either order.
 */
import type { UnderivedRecords } from './derived-fields';
import { READING_FIELD_NAMES } from './reading-fields';
import type { SyncFields, TableName } from './schema';

// Note conflicts are sync's bookkeeping (`utils/sync/sync-doc.ts`), not content a backup carries.
type Content<T extends TableName> = Omit<UnderivedRecords[T], keyof SyncFields | 'host' | 'noteConflicts'>;

/** Each table's content fields. */
export const CONTENT_FIELDS = {
  articles: [
    'url',
    'urls',
    'pageUrl',
    'canonicalUrl',
    'title',
    'author',
    'site',
    'published',
    'lang',
    'savedAt',
    // The reading list (#15): each its own register in sync, so a status set in one browser
    // and a star set in another both survive.
    ...READING_FIELD_NAMES,
  ],
  articleBodies: ['html', 'text', 'fallback'],
  highlights: ['articleId', 'selectors', 'quote', 'colour', 'note', 'tags', 'position', 'anchor'],
  pageNotes: ['articleId', 'text'],
  tags: ['name', 'colour'],
} as const satisfies { [T in TableName]: ReadonlyArray<keyof Content<T>> };

// Fails to compile when a record type gains a field the lists above do not name:
// a new field would otherwise be silently ignored when comparing copies.
type Unlisted<T extends TableName> = Exclude<keyof Content<T>, (typeof CONTENT_FIELDS)[T][number]>;
type Assert<T extends never> = T;
export type AllContentListed = Assert<{ [T in TableName]: Unlisted<T> }[TableName]>;

function fieldsOf(table: TableName): readonly string[] {
  return ['createdAt', 'deletedAt', ...CONTENT_FIELDS[table]];
}

/** A string equal for two copies exactly when their content is. */
export function contentKey(table: TableName, record: UnderivedRecords[TableName]): string {
  const r = record as unknown as Record<string, unknown>;
  return stableStringify(fieldsOf(table).map((f) => r[f] ?? null));
}

/** Names of the content fields whose values differ between two copies. */
export function differingFields(
  table: TableName,
  a: UnderivedRecords[TableName],
  b: UnderivedRecords[TableName],
): string[] {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  return fieldsOf(table).filter((f) => stableStringify(ra[f] ?? null) !== stableStringify(rb[f] ?? null));
}

/**
 * @return positive if `a` wins over `b`, negative if `b` wins, 0 only for equal copies
 */
export function compareVersions(
  table: TableName,
  a: UnderivedRecords[TableName],
  b: UnderivedRecords[TableName],
): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt - b.updatedAt;
  const da = a.deviceId ?? '';
  const dbv = b.deviceId ?? '';
  if (da !== dbv) return da > dbv ? 1 : -1;
  const ka = contentKey(table, a);
  const kb = contentKey(table, b);
  return ka === kb ? 0 : ka > kb ? 1 : -1;
}

/** JSON with object keys sorted: selectors written by another program may order them differently. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(withSortedKeys(value)) ?? 'null';
}

function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = withSortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
