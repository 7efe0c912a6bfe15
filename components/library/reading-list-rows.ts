/**
 * The reading list's filter form (strings, '' for "any") turned into the query of
 * `utils/reading-list/reading-list-query.ts`, which orders and filters the listed
 * articles (`utils/db/listed-articles.ts` reads them).
 */
import type { ArticleRecord } from '@/utils/db/schema';
import { dayRangeBounds } from '@/utils/library/day-range';
import { queryReadingList, type ReadingListFilter } from '@/utils/reading-list/reading-list-query';

/** The filter form's fields; '' means not filtered on. */
export interface ReadingFilterState {
  /** A state, or 'favourite' for the starred ones of any state. */
  status: '' | 'unread' | 'reading' | 'archived' | 'favourite';
  site: string;
  tag: string;
  /** 'YYYY-MM-DD', first day saved included. */
  from: string;
  /** 'YYYY-MM-DD', last day saved included. */
  to: string;
}

export const NO_READING_FILTERS: Readonly<ReadingFilterState> = Object.freeze({
  status: '',
  site: '',
  tag: '',
  from: '',
  to: '',
});

/** The query for the form's fields; fields left empty (or not understood) do not narrow. */
export function toReadingListFilter(state: ReadingFilterState): ReadingListFilter {
  const { status } = state;
  return {
    ...(status === 'favourite' ? { favourite: true } : status ? { states: [status] } : {}),
    ...(state.site.trim() && { site: state.site }),
    ...(state.tag.trim() && { tag: state.tag }),
    ...dayRangeBounds(state.from, state.to),
  };
}

/** The rows shown for these filters, in list order (unread first, newest saved first within a state). */
export function readingListRows(articles: readonly ArticleRecord[], state: ReadingFilterState): ArticleRecord[] {
  return queryReadingList(articles, toReadingListFilter(state));
}
