/**
 * The library's filter controls as the form holds them (strings, '' for "any"),
 * turned into the `LibraryFilters` that search takes. Kept apart from the form so
 * the rules (what counts as filtering, which colours exist) are tested in Node.
 */
import { HIGHLIGHT_COLOURS, type HighlightColour, type LibraryFilters } from '@/utils/db';
import { dayRangeBounds } from './day-range';

/** The form's filter fields; '' means not filtered on. */
export interface FilterState {
  tag: string;
  colour: string;
  site: string;
  /** 'YYYY-MM-DD', first day included. */
  from: string;
  /** 'YYYY-MM-DD', last day included. */
  to: string;
}

export const NO_FILTERS: Readonly<FilterState> = Object.freeze({ tag: '', colour: '', site: '', from: '', to: '' });

function isColour(value: string): value is HighlightColour {
  return (HIGHLIGHT_COLOURS as readonly string[]).includes(value);
}

/** Filters for `searchLibrary`; fields left empty (or not understood) are left out. */
export function toLibraryFilters(state: FilterState, limit?: number): LibraryFilters {
  const tag = state.tag.trim();
  const site = state.site.trim();
  return {
    ...(tag ? { tag } : {}),
    ...(isColour(state.colour) ? { colour: state.colour } : {}),
    ...(site ? { site } : {}),
    ...dayRangeBounds(state.from, state.to),
    ...(limit !== undefined ? { limit } : {}),
  };
}

/**
 * Whether the library shows search results rather than the plain list of articles:
 * a query with at least one word, or any filter that narrows.
 */
export function isSearching(query: string, state: FilterState): boolean {
  const filters = toLibraryFilters(state);
  return /[\p{L}\p{N}]/u.test(query) || Object.keys(filters).length > 0;
}
