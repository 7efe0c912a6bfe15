/** The reading list's filters: state, site, tag, and the days it was saved between. */
import { useMemo } from 'react';
import type { ArticleRecord } from '@/utils/db/schema';
import { readingListFacets } from '@/utils/reading-list/reading-list-query';
import { DayRangeFilter, FilterSelect } from './FilterControls';
import { NO_READING_FILTERS, type ReadingFilterState } from './reading-list-rows';

const STATUS_CHOICES: Array<[ReadingFilterState['status'], string]> = [
  ['', 'Any state'],
  ['unread', 'Unread'],
  ['reading', 'Reading'],
  ['archived', 'Read'],
  ['favourite', 'Favourites'],
];

export interface ReadingListFiltersProps {
  /** Every listed article: the site and tag menus offer theirs. */
  articles: readonly ArticleRecord[];
  filters: ReadingFilterState;
  onFilters: (filters: ReadingFilterState) => void;
}

export function ReadingListFilters({ articles, filters, onFilters }: ReadingListFiltersProps) {
  const { sites, tags } = useMemo(() => readingListFacets(articles), [articles]);
  const set = (field: keyof ReadingFilterState) => (value: string) => onFilters({ ...filters, [field]: value });
  const filtering = Object.values(filters).some((v) => v !== '');
  return (
    <form className="lib-search" aria-label="Reading list filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="lib-filters">
        <legend>Filters</legend>
        <FilterSelect
          attribute="data-reading-filter"
          label="State"
          field="status"
          value={filters.status}
          onChange={set('status')}
          options={STATUS_CHOICES}
        />
        <FilterSelect
          attribute="data-reading-filter"
          label="Site"
          field="site"
          value={filters.site}
          onChange={set('site')}
          options={[['', 'Any site'], ...sites.map((s): [string, string] => [s, s])]}
        />
        <FilterSelect
          attribute="data-reading-filter"
          label="Tag"
          field="tag"
          value={filters.tag}
          onChange={set('tag')}
          options={[['', 'Any tag'], ...tags.map((t): [string, string] => [t, `#${t}`])]}
        />
        <DayRangeFilter
          attribute="data-reading-filter"
          labels={['Saved from', 'to']}
          from={filters.from}
          to={filters.to}
          onFrom={set('from')}
          onTo={set('to')}
        />
        <button
          type="button"
          className="lib-clear"
          disabled={!filtering}
          onClick={() => onFilters({ ...NO_READING_FILTERS })}
        >
          Clear filters
        </button>
      </fieldset>
    </form>
  );
}
