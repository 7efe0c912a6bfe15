/**
 * The reading-list fields of an article (#15) as a group: their values for an article
 * that is not on the list, and the estimate of its reading time. Every writer that
 * creates an article (the repository, imports, backup restore, sync) starts from
 * `READING_DEFAULTS`, and the v6 upgrade fills them on older rows, so no article is
 * ever stored without them.
 */
import { readingMinutes } from '@/utils/extraction/reading-time';
import type { ArticleRecord } from './schema';

/** The reading-list fields of `ArticleRecord`. */
export type ReadingFields = Pick<
  ArticleRecord,
  'readingStatus' | 'favourite' | 'progress' | 'resumeQuote' | 'listedAt' | 'articleTags' | 'readingMinutes'
>;

/** Names of the reading-list fields, in the order the data model lists them. */
export const READING_FIELD_NAMES = [
  'readingStatus',
  'favourite',
  'progress',
  'resumeQuote',
  'listedAt',
  'articleTags',
  'readingMinutes',
] as const satisfies ReadonlyArray<keyof ReadingFields>;

/** An article that is not on the reading list, never opened, with no tags and no known length. */
export function readingDefaults(): ReadingFields {
  // A function, not a constant: `articleTags` is an array and must not be shared between records.
  return {
    readingStatus: null,
    favourite: false,
    progress: 0,
    resumeQuote: null,
    listedAt: null,
    articleTags: [],
    readingMinutes: null,
  };
}

/**
 * Fills each reading-list field a record lacks (a row from before v6, a record built by
 * older code) with its default; fields it has are kept.
 */
export function fillReadingDefaults<T extends object>(record: T): T & ReadingFields {
  const defaults = readingDefaults();
  const r = record as Record<string, unknown>;
  const filled = { ...record } as Record<string, unknown>;
  for (const name of READING_FIELD_NAMES) if (r[name] === undefined) filled[name] = defaults[name];
  return filled as T & ReadingFields;
}

/**
 * Reading time of an article's text, in whole minutes (at least 1).
 * @return null when there is no text to estimate from
 */
export function readingMinutesOf(text: string | null | undefined): number | null {
  return text && text.trim() !== '' ? readingMinutes(text) : null;
}
