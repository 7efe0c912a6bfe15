/**
 * The library's search box and filters. Every control has a visible label; "/"
 * anywhere on the page jumps to the search box and Esc in it clears it, as in
 * most web apps with one search.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { HIGHLIGHT_COLOURS, listTags, type MarginDb } from '@/utils/db';
import { NO_FILTERS, type FilterState } from '@/utils/library/library-filters';
import { libraryHosts } from '@/utils/library/recent-articles';
import { COLOUR_LABELS } from './colour-labels';
import { DayRangeFilter, FilterSelect } from './FilterControls';

export interface SearchFormProps {
  db: MarginDb;
  query: string;
  onQuery: (query: string) => void;
  filters: FilterState;
  onFilters: (filters: FilterState) => void;
}

export function SearchForm({ db, query, onQuery, filters, onFilters }: SearchFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const tags = useLiveQuery(() => listTags(db), [db], []);
  const hosts = useLiveQuery(() => libraryHosts(db), [db], []);
  useSlashToSearch(input);

  const set = (field: keyof FilterState) => (value: string) => onFilters({ ...filters, [field]: value });
  const filtering = Object.values(filters).some((v) => v !== '');

  return (
    <form className="lib-search" role="search" aria-label="Library" onSubmit={(e) => e.preventDefault()}>
      <div className="lib-search-row">
        <label htmlFor="lib-q" className="lib-search-label">
          Search
        </label>
        <input
          id="lib-q"
          ref={input}
          type="search"
          data-library-search
          value={query}
          placeholder="Words in highlights, notes, titles and saved articles"
          aria-describedby="lib-q-hint"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              onQuery('');
            }
          }}
        />
        <span id="lib-q-hint" className="lib-visually-hidden">
          Every word must match; a word also finds longer words it begins. Press / to come back here, Esc to clear.
        </span>
      </div>
      <fieldset className="lib-filters">
        <legend>Filters</legend>
        <FilterSelect
          attribute="data-filter"
          label="Tag"
          field="tag"
          value={filters.tag}
          onChange={set('tag')}
          options={[['', 'Any tag'], ...tags.map((t): [string, string] => [t.name, `#${t.name}`])]}
        />
        <FilterSelect
          attribute="data-filter"
          label="Colour"
          field="colour"
          value={filters.colour}
          onChange={set('colour')}
          options={[['', 'Any colour'], ...HIGHLIGHT_COLOURS.map((c): [string, string] => [c, COLOUR_LABELS[c]])]}
        />
        <FilterSelect
          attribute="data-filter"
          label="Site"
          field="site"
          value={filters.site}
          onChange={set('site')}
          options={[['', 'Any site'], ...hosts.map((h): [string, string] => [h, h])]}
        />
        <DayRangeFilter
          attribute="data-filter"
          labels={['From', 'To']}
          from={filters.from}
          to={filters.to}
          onFrom={set('from')}
          onTo={set('to')}
        />
        <button type="button" className="lib-clear" disabled={!filtering} onClick={() => onFilters({ ...NO_FILTERS })}>
          Clear filters
        </button>
      </fieldset>
    </form>
  );
}

/** "/" outside a text field focuses the search box. */
function useSlashToSearch(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [input]);
}
