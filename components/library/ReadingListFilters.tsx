/** The reading list's filters: state, site, tag, and the days it was saved between. */
import { useMemo } from 'react';
import type { ArticleRecord } from '@/utils/db/schema';
import { readingListFacets } from '@/utils/reading-list/reading-list-query';
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
        <Select label="State" field="status" value={filters.status} onChange={set('status')} options={STATUS_CHOICES} />
        <Select
          label="Site"
          field="site"
          value={filters.site}
          onChange={set('site')}
          options={[['', 'Any site'], ...sites.map((s): [string, string] => [s, s])]}
        />
        <Select
          label="Tag"
          field="tag"
          value={filters.tag}
          onChange={set('tag')}
          options={[['', 'Any tag'], ...tags.map((t): [string, string] => [t, `#${t}`])]}
        />
        <label className="lib-filter">
          <span>Saved from</span>
          <input
            type="date"
            data-reading-filter="from"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set('from')(e.target.value)}
          />
        </label>
        <label className="lib-filter">
          <span>to</span>
          <input
            type="date"
            data-reading-filter="to"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set('to')(e.target.value)}
          />
        </label>
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

interface SelectProps {
  label: string;
  field: keyof ReadingFilterState;
  value: string;
  onChange: (value: string) => void;
  /** [value, label] pairs, the "any" choice first. */
  options: Array<[string, string]>;
}

function Select({ label, field, value, onChange, options }: SelectProps) {
  // A value chosen before its option went (the last article of a site removed) stays, so it can be seen and cleared.
  const all = value && !options.some(([v]) => v === value) ? [...options, [value, value] as [string, string]] : options;
  return (
    <label className="lib-filter">
      <span>{label}</span>
      <select data-reading-filter={field} value={value} onChange={(e) => onChange(e.target.value)}>
        {all.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
