/**
 * The data of every message, as zod schemas: what a receiver checks a message
 * against before acting on it (a content script's world, or anything that got
 * into a renderer, can send any value under any message name). Records reuse
 * the backup format's field schemas, so a highlight written through a message
 * passes the same gate as one brought by an import; the caps are the backup's
 * (`FIELD_LIMITS`), far above anything a person writes.
 *
 * Kept apart from the `*-protocol.ts` files on purpose: those are imported by
 * every content script, and zod would grow the script injected into every page
 * (22 KB gzip today, 25 KB budget). Only the receivers that validate import this module.
 */
import { z } from 'zod';
import { articleSchema, highlightSchema, pageNoteSchema } from '@/utils/backup/backup-schema';
import { FIELD_LIMITS } from '@/utils/backup/backup-limits';
import { ANCHOR_STATUSES, READING_STATUSES } from '@/utils/db/schema';
import type { MarginProtocol } from './margin-protocol';
import type { PageProtocol } from './page-protocol';
import type { PanelProtocol } from './panel-protocol';
import type { ReaderProtocol } from './reader-protocol';
import type { SyncProtocol } from './sync-protocol';

/** Caps of lists that no record field covers. */
export const MESSAGE_LIMITS = {
  /** Placements reported in one message: a page with this many highlights is not a page a person reads. */
  placements: 10_000,
  /** Articles one import may say it wrote (a backup holds at most 1,000,000 records). */
  importedArticles: 1_000_000,
  /** Unresolved concurrent versions of one note. */
  noteConflicts: 100,
} as const;

const record = highlightSchema.shape;
const id = record.id;
const tabId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A message that carries nothing: the sender passed no data (or an empty object). */
const noData = z.union([z.undefined(), z.null(), z.strictObject({})]).transform((): undefined => undefined);

/** What a page says about itself. The page's own address is checked too, though a content script's is replaced by `sender.url`. */
export const pageInfoSchema = z.object({
  pageUrl: articleSchema.shape.pageUrl,
  // Raw as the page declares it (may be relative); trusted or not by `trustedCanonical`.
  canonicalUrl: articleSchema.shape.canonicalUrl,
  title: articleSchema.shape.title,
  author: articleSchema.shape.author,
  site: articleSchema.shape.site,
  published: articleSchema.shape.published,
  lang: articleSchema.shape.lang,
});

const noteConflictSchema = z.object({
  text: pageNoteSchema.shape.text,
  at: record.createdAt,
  deviceId: z.string().max(FIELD_LIMITS.shortText),
});

/**
 * The fields `highlight:update` may change. Strict: a patch naming `id`, `articleId`,
 * `deletedAt` or anything else is refused outright, not quietly trimmed.
 */
export const highlightPatchSchema = z.strictObject({
  selectors: record.selectors.optional(),
  quote: record.quote.optional(),
  colour: record.colour.optional(),
  note: record.note.optional(),
  tags: record.tags.optional(),
  position: record.position.optional(),
  anchor: record.anchor.optional(),
  noteConflicts: z.array(noteConflictSchema).max(MESSAGE_LIMITS.noteConflicts).optional(),
});

const placementSchema = z.strictObject({
  id,
  anchor: z.enum(
    ANCHOR_STATUSES.filter((a) => a !== 'detached' && a !== 'unplaced') as ['anchored', 'weak', 'orphaned'],
  ),
  position: record.position.optional(),
  selectors: record.selectors.optional(),
});

/**
 * Which article a reading message is about: an address or an id (who may name which is the
 * handler's rule, `reading-routes.ts`). Strict, like every reading payload: a field the
 * contract does not name is refused, not dropped.
 */
const readingTarget = { url: articleSchema.shape.pageUrl.optional(), articleId: id.optional() };

/** `reading:set`: a state (null: off the list), a star, the article's own tags. */
export const readingSetSchema = z.strictObject({
  articleId: id,
  status: z.enum(READING_STATUSES).nullable().optional(),
  favourite: z.boolean().optional(),
  tags: articleSchema.shape.articleTags.unwrap().optional(),
});

/** `reading:progress`: 0..1 (finite: zod refuses NaN and infinities), and a short quote to resume at. */
export const readingProgressSchema = z.strictObject({
  ...readingTarget,
  progress: z.number().min(0).max(1),
  resumeQuote: z.string().max(FIELD_LIMITS.resumeQuote).nullable(),
});

/** Messages the background answers (`margin-protocol.ts`). */
export const MARGIN_SCHEMAS = {
  'page:open': pageInfoSchema,
  'highlight:create': z.object({
    page: pageInfoSchema,
    selectors: record.selectors,
    colour: record.colour.optional(),
    note: record.note.optional(),
    tags: record.tags.optional(),
  }),
  'highlight:update': z.strictObject({ id, patch: highlightPatchSchema }),
  'highlight:delete': z.strictObject({ id }),
  'highlight:restore': z.strictObject({ id }),
  'highlights:placed': z.strictObject({
    articleId: id,
    placements: z.array(placementSchema).max(MESSAGE_LIMITS.placements),
  }),
  'tab:page': z.strictObject({ tabId }),
  'page-note:set': z.union([
    z.strictObject({ tabId, text: pageNoteSchema.shape.text }),
    z.strictObject({ articleId: id, text: pageNoteSchema.shape.text }),
  ]),
  'records:imported': z.strictObject({ articleIds: z.array(id).max(MESSAGE_LIMITS.importedArticles) }),
  'highlight:focused': z.strictObject({ id, noteCard: z.boolean() }),
  'note-card:target': noData,
  'note-card:done': noData,
  'article:save-offline': z.strictObject({ tabId }),
  'reading:save': z.strictObject({ tabId }),
  'reading:set': readingSetSchema,
  'reading:progress': readingProgressSchema,
  'reading:position': z.strictObject(readingTarget),
} satisfies SchemasOf<MarginProtocol>;

/** Messages a tab's content script answers (`page-protocol.ts`). */
export const PAGE_SCHEMAS = {
  // `articleId` is empty when `all` is set: a sync may have changed any article.
  'highlights:changed': z.strictObject({ articleId: z.union([id, z.literal('')]), all: z.boolean().optional() }),
  'highlight:reveal': z.strictObject({ id }),
  'selection:highlight': z.strictObject({ colour: record.colour.optional() }),
  'selection:reattach': z.strictObject({ id }),
  'note-card:close': noData,
  'page:info': noData,
} satisfies SchemasOf<PageProtocol>;

/** Messages the side panel answers (`panel-protocol.ts`). */
export const PANEL_SCHEMAS = {
  'panel:focus': z.strictObject({ tabId, id }),
} satisfies SchemasOf<PanelProtocol>;

/** Reader messages the background answers (`reader-protocol.ts`). */
export const READER_SCHEMAS = {
  'reader:toggle': z.strictObject({ tabId }),
} satisfies SchemasOf<ReaderProtocol>;

/** Sync messages the background answers (`sync-protocol.ts`). */
export const SYNC_SCHEMAS = {
  'sync:now': z
    .union([z.undefined(), z.null(), z.strictObject({ allowMassDelete: z.boolean().optional() })])
    .transform((d) => ({ allowMassDelete: d?.allowMassDelete })),
  'sync:status': noData,
  'page-note:resolve': z.strictObject({ articleId: id, text: pageNoteSchema.shape.text }),
} satisfies SchemasOf<SyncProtocol>;

/** The data type of a message in a protocol map, as `@webext-core/messaging` reads it. */
export type DataOf<T> = T extends (...args: infer A) => unknown ? (A['length'] extends 0 ? undefined : A[0]) : never;

/** The answer type of a message in a protocol map. */
export type AnswerOf<T> = T extends (...args: never[]) => infer R ? R : never;

/**
 * One schema per message whose output is the message's declared data type, so
 * a protocol change that the schema does not follow fails to compile.
 */
export type SchemasOf<P> = { [K in keyof P]: z.ZodType<DataOf<P[K]>, unknown> };
