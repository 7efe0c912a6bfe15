/**
 * The library page: every article with its highlights and notes, searchable and
 * filterable, and the Reading list (articles saved for later, `#reading-list`). Reads
 * the database directly (live queries, so a highlight made in another tab appears here
 * at once). It writes imports itself (`ExportImportPanel`); reading-list changes go
 * through the background.
 */
import { useEffect, useState } from 'react';
import type { MarginDb } from '@/utils/db';
import { isSearching, NO_FILTERS, type FilterState } from '@/utils/library/library-filters';
import { BrowseList } from './BrowseList';
import { ExportImportPanel } from './ExportImportPanel';
import { ReadingList } from './ReadingList';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';
import { useDebouncedValue } from './use-debounced-value';

/** Long enough not to search on every key of a word typed at speed, short enough to feel immediate. */
const TYPING_PAUSE_MS = 200;

type View = 'all' | 'reading-list';
const READING_LIST_HASH = '#reading-list';

/** The view the address names: the hash keeps it across a reload and the way back from an offline copy. */
function viewOf(hash: string): View {
  return hash === READING_LIST_HASH ? 'reading-list' : 'all';
}

function useView(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => viewOf(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const choose = (next: View) => {
    history.replaceState(null, '', next === 'reading-list' ? READING_LIST_HASH : location.pathname + location.search);
    setView(next);
  };
  return [view, choose];
}

export function LibraryApp({ db }: { db: MarginDb }) {
  const [view, setView] = useView();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<FilterState>({ ...NO_FILTERS });
  const settledQuery = useDebouncedValue(query, TYPING_PAUSE_MS);
  const showTag = (tag: string) => setFilters({ ...filters, tag });
  const reading = view === 'reading-list';

  return (
    <div className="lib">
      <header className="lib-top">
        <h1>Your library</h1>
        <nav aria-label="Margin">
          <a href="options.html">Settings</a>
        </nav>
      </header>
      <nav className="lib-views" aria-label="Library views">
        <button type="button" data-view="all" aria-pressed={!reading} onClick={() => setView('all')}>
          All articles
        </button>
        <button type="button" data-view="reading-list" aria-pressed={reading} onClick={() => setView('reading-list')}>
          Reading list
        </button>
      </nav>
      {!reading && <SearchForm db={db} query={query} onQuery={setQuery} filters={filters} onFilters={setFilters} />}
      <ExportImportPanel db={db} query={reading ? '' : settledQuery} filters={reading ? NO_FILTERS : filters} />
      <main>
        {reading ? (
          <ReadingList db={db} />
        ) : isSearching(settledQuery, filters) ? (
          <SearchResults db={db} query={settledQuery} filters={filters} onTag={showTag} />
        ) : (
          <BrowseList db={db} onTag={showTag} />
        )}
      </main>
    </div>
  );
}
