/**
 * The reading list's state rules, pure: given an article's reading-list fields and what
 * happened (saved for later, scrolled, a status or star set), the fields to store. The
 * background applies them (`utils/messaging/reading-service.ts`); every surface that
 * shows the list reads the fields they produce.
 *
 * - Saving for later an article not on the list puts it there as `unread`, listed now;
 *   one already listed is left as it is (`alreadyListed`).
 * - A progress report of at least `READING_STARTED` on an `unread` article makes it
 *   `reading`; progress is kept for any listed article (archived too: reopening an
 *   archived article resumes it) and ignored for one not on the list.
 * - Archiving keeps progress; removing from the list clears the status and the date it
 *   was listed (its highlights, notes, star and tags stay).
 */
import type { ReadingFields } from '@/utils/db/reading-fields';
import type { ReadingStatus } from '@/utils/db/schema';
import { normalizeTagNames } from '@/utils/db/tags';

/** Progress from which an unread article counts as being read: a glance at the top is not reading. */
export const READING_STARTED = 0.02;

/** The fields a rule reads. */
export type ReadingState = Pick<
  ReadingFields,
  'readingStatus' | 'favourite' | 'progress' | 'resumeQuote' | 'listedAt' | 'articleTags'
>;

/** Fields to change; empty when nothing changes (the caller then writes nothing). */
export type ReadingPatch = Partial<ReadingFields>;

/** Whether an article is on the reading list. */
export function isListed(state: Pick<ReadingFields, 'readingStatus'>): boolean {
  return state.readingStatus !== null;
}

/**
 * "Save for later".
 * @param now - epoch ms: the date it is listed
 */
export function saveForLater(state: ReadingState, now: number): { patch: ReadingPatch; alreadyListed: boolean } {
  if (isListed(state)) return { patch: {}, alreadyListed: true };
  return { patch: { readingStatus: 'unread', listedAt: now }, alreadyListed: false };
}

/**
 * A progress report from a view of the article (live page, reader, offline copy).
 * @param progress - 0..1, the top of the viewport through the article's text
 * @param resumeQuote - the text at the top of the viewport, or null
 * @return null when the report is ignored (the article is not on the list)
 */
export function reportProgress(state: ReadingState, progress: number, resumeQuote: string | null): ReadingPatch | null {
  if (!isListed(state)) return null;
  const patch: ReadingPatch = {};
  if (progress !== state.progress) patch.progress = progress;
  if (resumeQuote !== state.resumeQuote) patch.resumeQuote = resumeQuote;
  if (state.readingStatus === 'unread' && progress >= READING_STARTED) patch.readingStatus = 'reading';
  return patch;
}

/** What the user may set on an article (`reading:set`); an absent field is left as it is. */
export interface ReadingChange {
  /** A state, or null to remove it from the list. */
  status?: ReadingStatus | null;
  favourite?: boolean;
  /** The article's own tags, whole (normalized here). */
  tags?: string[];
}

/**
 * A change the user made from the reading list, the popup or the side panel.
 * @param now - epoch ms: the date listed, when the change puts the article on the list
 */
export function applyChange(state: ReadingState, change: ReadingChange, now: number): ReadingPatch {
  const patch: ReadingPatch = {};
  if (change.status !== undefined && change.status !== state.readingStatus) {
    patch.readingStatus = change.status;
    if (change.status === null) patch.listedAt = null;
    else if (!isListed(state)) patch.listedAt = now;
  }
  if (change.favourite !== undefined && change.favourite !== state.favourite) patch.favourite = change.favourite;
  if (change.tags !== undefined) {
    const tags = normalizeTagNames(change.tags);
    if (tags.join('\n') !== state.articleTags.join('\n')) patch.articleTags = tags;
  }
  return patch;
}

/** Whether a patch changes anything. */
export function changesAnything(patch: ReadingPatch | null): patch is ReadingPatch {
  return patch !== null && Object.keys(patch).length > 0;
}

/**
 * Where a view should reopen the article.
 * @return null when it is not on the list (nothing was kept)
 */
export function resumePosition(
  state: Pick<ReadingFields, 'readingStatus' | 'progress' | 'resumeQuote'>,
): { progress: number; resumeQuote: string | null } | null {
  return isListed(state) ? { progress: state.progress, resumeQuote: state.resumeQuote } : null;
}
