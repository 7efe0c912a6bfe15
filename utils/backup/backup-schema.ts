/**
 * The backup format as a zod schema: what `validate-backup.ts` checks a file against
 * before anything reaches the database. Unknown keys are dropped (zod's default), so
 * only fields listed here are ever stored. Each table's records have a schema of
 * their own: the validator checks a file record by record and stops at the first
 * problems, rather than building an issue list for a million bad records.
 */
import { z } from 'zod';
import { selectorSchemas } from '@/utils/anchoring/selector-schema';
import { ANCHOR_STATUSES, HIGHLIGHT_COLOURS, READING_STATUSES } from '@/utils/db/schema';
import { normalizeTagName, normalizeTagNames } from '@/utils/db/tags';
import { normalizeHighlightSettings } from '@/utils/settings/highlight-settings';
import { FONTS, normalizeReaderSettings, THEMES } from '@/utils/settings/reader-settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupRecords, type TableName } from './backup-format';
import { FIELD_LIMITS, MAX_TIME } from './backup-limits';

const time = z.number().int().min(0).max(MAX_TIME);
const id = z.uuid();
const shortText = z.string().max(FIELD_LIMITS.shortText);

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const url = z.string().max(FIELD_LIMITS.url).refine(isAbsoluteUrl, 'is not an absolute URL');

const syncFields = {
  id,
  createdAt: time,
  updatedAt: time,
  deletedAt: time.nullable(),
  deviceId: shortText.optional(),
};

const { quote: textQuoteSelector, position: textPositionSelector } = selectorSchemas({
  exact: FIELD_LIMITS.longText,
  context: FIELD_LIMITS.context,
});

const selectors = z
  .array(z.discriminatedUnion('type', [textQuoteSelector, textPositionSelector]))
  .min(1)
  .max(FIELD_LIMITS.selectors)
  .refine((list) => list.some((s) => s.type === 'TextQuoteSelector'), 'needs a TextQuoteSelector');

export const articleSchema = z.object({
  ...syncFields,
  url,
  urls: z.array(url).min(1).max(FIELD_LIMITS.urls),
  pageUrl: url,
  canonicalUrl: z.string().max(FIELD_LIMITS.url).nullable(),
  title: shortText,
  author: shortText.nullable(),
  site: shortText.nullable(),
  published: shortText.nullable(),
  lang: shortText.nullable(),
  savedAt: time.nullable(),
  // The reading list (#15, DB v6). Optional with the database's defaults: a backup (or a
  // sync doc) written before them still reads, as an article not on the list.
  readingStatus: z.enum(READING_STATUSES).nullable().default(null),
  favourite: z.boolean().default(false),
  progress: z.number().min(0).max(1).default(0),
  resumeQuote: z.string().max(FIELD_LIMITS.resumeQuote).nullable().default(null),
  listedAt: time.nullable().default(null),
  articleTags: z
    .array(z.string().max(FIELD_LIMITS.tagName))
    .max(FIELD_LIMITS.tags)
    .transform(normalizeTagNames)
    .default(() => []),
  readingMinutes: z.number().int().min(1).max(FIELD_LIMITS.readingMinutes).nullable().default(null),
});

/** Why an offline copy is Readability's own result (`ExtractionFallback`). */
export const extractionFallbackSchema = z.object({
  reason: shortText,
  ourChars: z.number().int().min(0),
  readabilityChars: z.number().int().min(0),
});

export const articleBodySchema = z.object({
  ...syncFields,
  html: z.string().max(FIELD_LIMITS.html),
  text: z.string().max(FIELD_LIMITS.bodyText),
  // Optional: backups and sync docs written before it was kept read as a copy without one.
  fallback: extractionFallbackSchema.nullable().default(null),
});

export const highlightSchema = z.object({
  ...syncFields,
  articleId: id,
  selectors,
  quote: z.string().max(FIELD_LIMITS.longText),
  colour: z.enum(HIGHLIGHT_COLOURS),
  note: z.string().max(FIELD_LIMITS.longText),
  // Stored normalized, as every write in the extension does: "Rust" and "rust" are one tag.
  tags: z.array(z.string().max(FIELD_LIMITS.tagName)).max(FIELD_LIMITS.tags).transform(normalizeTagNames),
  position: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  anchor: z.enum(ANCHOR_STATUSES),
});

export const pageNoteSchema = z.object({
  ...syncFields,
  articleId: id,
  text: z.string().max(FIELD_LIMITS.longText),
});

export const tagSchema = z.object({
  ...syncFields,
  name: z
    .string()
    .max(FIELD_LIMITS.tagName)
    .transform(normalizeTagName)
    .refine((n) => n !== '', 'a tag needs a name'),
  colour: z.enum(HIGHLIGHT_COLOURS).nullable(),
});

/** One schema per table. */
export const RECORD_SCHEMAS = {
  articles: articleSchema,
  articleBodies: articleBodySchema,
  highlights: highlightSchema,
  pageNotes: pageNoteSchema,
  tags: tagSchema,
} as const satisfies Record<TableName, z.ZodType>;

// Settings are checked for type, then normalized (clamped to the options' ranges) by
// the same functions that read them from storage.
const readerSettingsSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    font: z.enum(FONTS).optional(),
    fontSize: z.number().optional(),
    lineWidth: z.number().optional(),
    lineHeight: z.number().optional(),
  })
  .transform(normalizeReaderSettings);

const highlightSettingsSchema = z
  .object({ defaultColour: z.enum(HIGHLIGHT_COLOURS).optional(), toolbarOnSelect: z.boolean().optional() })
  .transform(normalizeHighlightSettings);

export const settingsSchema = z.object({
  readerSettings: readerSettingsSchema.optional(),
  highlightSettings: highlightSettingsSchema.optional(),
});

/**
 * Everything but the records' contents: each table must be a list; its items are
 * checked one by one against `RECORD_SCHEMAS`. `format` and `version` are checked
 * before this, for a message that says what the file is instead.
 */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: time,
  device: shortText.optional(),
  records: z.object({
    articles: z.array(z.unknown()),
    articleBodies: z.array(z.unknown()),
    highlights: z.array(z.unknown()),
    pageNotes: z.array(z.unknown()),
    tags: z.array(z.unknown()),
  }),
  settings: settingsSchema.optional().transform((s) => s ?? {}),
});

/** The whole file in one schema: the reference `docs/backup-format.md` describes. */
export const backupSchema = backupHeaderSchema.extend({
  records: z.object({
    articles: z.array(articleSchema),
    articleBodies: z.array(articleBodySchema),
    highlights: z.array(highlightSchema),
    pageNotes: z.array(pageNoteSchema),
    tags: z.array(tagSchema),
  }),
});

// Fails to compile when the schema's output stops being the records backup-format.ts declares.
type Assert<T extends true> = T;
export type SchemaMatchesRecords = Assert<
  z.output<typeof backupSchema>['records'] extends BackupRecords ? true : false
>;
