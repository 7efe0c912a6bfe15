/**
 * How large a backup, and each thing in it, may be. A real library stays far below
 * every limit; they exist so a hostile or corrupted file is refused with a message
 * instead of exhausting memory or filling the database with one giant note.
 */

export const BACKUP_LIMITS = {
  /** Bytes of the whole file: ~50,000 saved articles of average size. */
  maxBytes: 256 * 1024 * 1024,
  /** Records of all tables together. */
  maxRecords: 1_000_000,
  /** Characters of any one string; the saved-copy HTML is the longest legitimate one. */
  maxStringLength: 10_000_000,
  /** Nesting of objects and arrays; a backup nests 6 deep. */
  maxDepth: 32,
  /** Problems listed before the rest are only counted. */
  maxProblems: 10,
} as const;

export type BackupLimits = { -readonly [K in keyof typeof BACKUP_LIMITS]: number };

/** Per-field caps the schema applies, in characters (or items for lists). */
export const FIELD_LIMITS = {
  url: 8_192,
  /** URL keys of one article: the filed key and the page's own, plus room for history. */
  urls: 64,
  /** Title, author, site, language, published date, device id. */
  shortText: 10_000,
  html: BACKUP_LIMITS.maxStringLength,
  bodyText: 5_000_000,
  /** A quote, a note, a page note. */
  longText: 1_000_000,
  /** Prefix and suffix of a quote selector (Margin stores ~32 characters each side). */
  context: 10_000,
  selectors: 8,
  tags: 200,
  tagName: 200,
  /** The reading list's resume quote: text at the top of the viewport, enough to find the place again. */
  resumeQuote: 80,
  /** A reading-time estimate: about 40 million words, more than any article. */
  readingMinutes: 100_000,
} as const;

/** One set of time limits for sync, backup and import: see utils/db/time-limits.ts. */
export { MAX_TIME } from '@/utils/db/time-limits';
