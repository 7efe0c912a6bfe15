/**
 * Highlights: adding, editing, deleting (as a tombstone, so an undo or another
 * browser can learn of it) and listing an article's highlights in page order.
 * Reads hide tombstones; every write keeps `words` and `tagWords` (search) and the tag list in step;
 * `siteWords` is the database's own (`site-words.ts`), which is why writes include `articles`.
 */
import { findSelector } from '@/utils/anchoring/selectors';
import { withDerivedFields } from './derived-fields';
import type { MarginDb } from './margin-db';
import { newRecordStamps, touchStamps } from './record-stamps';
import type { AnchorStatus, HighlightColour, HighlightRecord, Selector, SyncFields } from './schema';
import { ensureTags, normalizeTagNames } from './tags';
import { writeTransaction } from './write-transaction';

/** A new highlight. Only the article and the selectors are required. */
export interface NewHighlight {
  articleId: string;
  /** Must include a TextQuoteSelector. */
  selectors: Selector[];
  /** Defaults to the quote selector's `exact`. */
  quote?: string;
  colour?: HighlightColour;
  note?: string;
  tags?: string[];
  /** Defaults to the position selector's `start`; without one, after every placed highlight. */
  position?: number;
  anchor?: AnchorStatus;
}

/** What the user made: a highlight without its bookkeeping. */
type HighlightContent = Omit<HighlightRecord, keyof SyncFields | 'words' | 'tagWords' | 'siteWords'>;

/** The fields `updateHighlight` may change. */
export type HighlightPatch = Partial<Omit<HighlightContent, 'articleId'>>;

/**
 * Saves a new highlight, and adds any tag it introduces, in one transaction.
 * @return the highlight as stored
 * @throws TypeError if there is no TextQuoteSelector, Error if the article does not exist
 * @throws StorageFullError if storage is full; nothing was written
 */
export async function addHighlight(db: MarginDb, input: NewHighlight): Promise<HighlightRecord> {
  const quoteSelector = findSelector(input.selectors, 'TextQuoteSelector');
  if (!quoteSelector) throw new TypeError('A highlight needs a TextQuoteSelector');
  const fields = {
    articleId: input.articleId,
    selectors: input.selectors,
    quote: input.quote ?? quoteSelector.exact,
    colour: input.colour ?? 'yellow',
    note: input.note ?? '',
    tags: normalizeTagNames(input.tags ?? []),
    position: input.position ?? findSelector(input.selectors, 'TextPositionSelector')?.start ?? Number.MAX_SAFE_INTEGER,
    anchor: input.anchor ?? 'anchored',
  } satisfies HighlightContent;

  return writeTransaction(db, [db.articles, db.highlights, db.tags], async () => {
    const article = await db.articles.get(input.articleId);
    if (!article || article.deletedAt !== null) throw new Error(`No article ${input.articleId} to add a highlight to`);
    const stamps = newRecordStamps(db);
    const highlight = withDerivedFields('highlights', { ...stamps, ...fields });
    await ensureTags(db, highlight.tags);
    await db.highlights.add(highlight);
    return highlight;
  });
}

/**
 * Changes a live highlight and moves its `updatedAt` forward. A patch that changes
 * nothing writes nothing (re-anchoring on every visit must not look like an edit).
 * @return the highlight as stored, or null if there is no live highlight with this id
 * @throws StorageFullError if storage is full; nothing was written
 */
export async function updateHighlight(
  db: MarginDb,
  id: string,
  patch: HighlightPatch,
): Promise<HighlightRecord | null> {
  return writeTransaction(db, [db.highlights, db.articles, db.tags], async () => {
    const current = await db.highlights.get(id);
    if (!current || current.deletedAt !== null) return null;
    const patched: HighlightRecord = { ...current, ...patchFields(patch) };
    if (patch.tags) patched.tags = normalizeTagNames(patch.tags);
    if (sameContent(current, patched)) return current;
    const next = withDerivedFields('highlights', { ...patched, ...touchStamps(db, current) });
    await ensureTags(db, next.tags);
    await db.highlights.put(next);
    return next;
  });
}

/**
 * Deletes a highlight by turning it into a tombstone: hidden from lists and search,
 * restorable with `restoreHighlight`, and a deletion another browser can merge.
 * @return false if there was no live highlight with this id
 */
export async function deleteHighlight(db: MarginDb, id: string): Promise<boolean> {
  return writeTransaction(db, [db.highlights, db.articles], async () => {
    const current = await db.highlights.get(id);
    if (!current || current.deletedAt !== null) return false;
    const stamps = touchStamps(db, current);
    // Out of the search index too (derived fields of a tombstone are empty).
    await db.highlights.put(withDerivedFields('highlights', { ...current, ...stamps, deletedAt: stamps.updatedAt }));
    return true;
  });
}

/**
 * Undoes `deleteHighlight`: the highlight comes back as it was, with its note and tags.
 * @return the restored highlight, or null if there is no deleted highlight with this id
 */
export async function restoreHighlight(db: MarginDb, id: string): Promise<HighlightRecord | null> {
  return writeTransaction(db, [db.highlights, db.articles, db.tags], async () => {
    const current = await db.highlights.get(id);
    if (!current || current.deletedAt === null) return null;
    const restored = withDerivedFields('highlights', { ...current, ...touchStamps(db, current), deletedAt: null });
    await ensureTags(db, restored.tags);
    await db.highlights.put(restored);
    return restored;
  });
}

/** @return null if there is no live highlight with this id */
export async function getHighlight(db: MarginDb, id: string): Promise<HighlightRecord | null> {
  const h = await db.highlights.get(id);
  return h && h.deletedAt === null ? h : null;
}

/** An article's live highlights in page order (then oldest first where two start together). */
export async function listHighlights(db: MarginDb, articleId: string): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('articleId').equals(articleId).toArray();
  // One article has at most a few hundred highlights: sorting here is cheaper than
  // keeping a compound index up to date for every write.
  return rows
    .filter((h) => h.deletedAt === null)
    .sort((a, b) => a.position - b.position || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

// Patches arrive in messages from other contexts: only these fields are taken, so a
// stray `id`, `articleId` or `deletedAt` in one cannot rewrite the record's identity.
const PATCHABLE = [
  'selectors',
  'quote',
  'colour',
  'note',
  'tags',
  'position',
  'anchor',
  'noteConflicts',
] as const satisfies ReadonlyArray<keyof HighlightPatch>;

function patchFields(patch: HighlightPatch): HighlightPatch {
  const picked: Record<string, unknown> = {};
  for (const key of PATCHABLE) if (patch[key] !== undefined) picked[key] = patch[key];
  return picked as HighlightPatch;
}

function sameContent(a: HighlightRecord, b: HighlightRecord): boolean {
  return (
    a.quote === b.quote &&
    a.colour === b.colour &&
    a.note === b.note &&
    a.position === b.position &&
    a.anchor === b.anchor &&
    JSON.stringify(a.tags) === JSON.stringify(b.tags) &&
    JSON.stringify(a.noteConflicts ?? []) === JSON.stringify(b.noteConflicts ?? []) &&
    JSON.stringify(a.selectors) === JSON.stringify(b.selectors)
  );
}
