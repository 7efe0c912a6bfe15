/**
 * The library page: every article with its highlights and notes, searchable and
 * filterable. Reads the database directly (live queries, so a highlight made in
 * another tab appears here at once). Its only writes are imports (`ExportImportPanel`).
 */
import { useState } from 'react';
import type { MarginDb } from '@/utils/db';
import { isSearching, NO_FILTERS, type FilterState } from '@/utils/library/library-filters';
import { BrowseList } from './BrowseList';
import { ExportImportPanel } from './ExportImportPanel';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';
import { useDebouncedValue } from './use-debounced-value';

/** Long enough not to search on every key of a word typed at speed, short enough to feel immediate. */
const TYPING_PAUSE_MS = 200;

export function LibraryApp({ db }: { db: MarginDb }) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<FilterState>({ ...NO_FILTERS });
  const settledQuery = useDebouncedValue(query, TYPING_PAUSE_MS);
  const showTag = (tag: string) => setFilters({ ...filters, tag });

  return (
    <div className="lib">
      <header className="lib-top">
        <h1>Your library</h1>
        <nav aria-label="Margin">
          <a href="options.html">Settings</a>
        </nav>
      </header>
      <SearchForm db={db} query={query} onQuery={setQuery} filters={filters} onFilters={setFilters} />
      <ExportImportPanel db={db} query={settledQuery} filters={filters} />
      <main>
        {isSearching(settledQuery, filters) ? (
          <SearchResults db={db} query={settledQuery} filters={filters} onTag={showTag} />
        ) : (
          <BrowseList db={db} onTag={showTag} />
        )}
      </main>
    </div>
  );
}
