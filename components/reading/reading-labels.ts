/**
 * The words the reading list shows for an article's state, reading time and progress,
 * the same in the popup, the side panel and the library.
 */

import type { ReadingStatus } from '@/utils/db/schema';

export const STATUS_LABELS: Readonly<Record<ReadingStatus, string>> = {
  unread: 'Unread',
  reading: 'Reading',
  archived: 'Read',
};

/** "7 min read"; empty when the length is not known. */
export function readingTimeLabel(minutes: number | null | undefined): string {
  return typeof minutes === 'number' && minutes > 0 ? `${Math.round(minutes)} min read` : '';
}

/**
 * Whole per cent read, never 100 before the end nor 0 once started: "1%" for a first
 * scroll, "99%" until the last line.
 */
export function progressPercent(progress: number | null | undefined): number {
  if (typeof progress !== 'number' || !(progress > 0)) return 0;
  if (progress >= 1) return 100;
  return Math.min(99, Math.max(1, Math.round(progress * 100)));
}

/** "35% read"; empty when never opened. */
export function progressLabel(progress: number | null | undefined): string {
  const percent = progressPercent(progress);
  return percent ? `${percent}% read` : '';
}

/** The one-line summary under the state: reading time and progress, those that are known. */
export function readingSummary(article: { readingMinutes?: number | null; progress?: number | null }): string {
  return [readingTimeLabel(article.readingMinutes), progressLabel(article.progress)].filter(Boolean).join(' · ');
}
