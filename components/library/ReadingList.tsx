/**
 * The library's Reading list: every article saved for later, unread first, then those
 * being read, then the read ones (newest saved first within each), filtered by state,
 * site, tag and the day it was saved. Each row: title, site, reading time, progress,
 * a star, the state and its buttons. The keyboard works as in a mail reader
 * (`reading-list-keys.ts`). Reads the database directly (live); changes go through the
 * background (`reading:set`), which writes them and tells sync.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleRecord, ReadingStatus } from '@/utils/db/schema';
import type { MarginDb } from '@/utils/db';
import { listedArticles } from '@/utils/db/listed-articles';
import { isMarginError, marginMessenger } from '@/utils/messaging/margin-protocol';
import { changeMessage, type ReadingChange } from '@/components/reading/reading-actions';
import { progressPercent, readingTimeLabel, STATUS_LABELS } from '@/components/reading/reading-labels';
import { offlineReaderHref } from './ArticleCard';
import { formatDay } from './format-day';
import { focusAfterChange, readingKeyAction, type ReadingKeyAction, type ReadingKeyTarget } from './reading-list-keys';
import { ReadingListFilters } from './ReadingListFilters';
import { NO_READING_FILTERS, readingListRows, type ReadingFilterState } from './reading-list-rows';

const ROW_ATTRIBUTE = 'data-reading-row';

function keyTarget(el: EventTarget | null): ReadingKeyTarget {
  if (!(el instanceof HTMLElement)) return 'other';
  if (el.isContentEditable || el.matches('textarea, input, select')) return 'field';
  if (el.hasAttribute(ROW_ATTRIBUTE)) return 'row';
  if (el.matches('button, a[href], summary')) return el.closest(`[${ROW_ATTRIBUTE}]`) ? 'control' : 'outside';
  return 'other';
}

/** The offline copy, which comes back to the reading list when closed. */
const offlineFromList = (id: string) => `${offlineReaderHref(id)}&from=reading-list`;

/** Opens an article: its offline copy when one was saved (here, back to the list after), else the page. */
function openArticle(article: ArticleRecord): void {
  if (article.savedAt !== null) location.assign(offlineFromList(article.id));
  else window.open(article.pageUrl, '_blank', 'noopener,noreferrer');
}

export function ReadingList({ db }: { db: MarginDb }) {
  const [filters, setFilters] = useState<ReadingFilterState>({ ...NO_READING_FILTERS });
  const [focused, setFocused] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The article last taken off the list, and the state it had, for Undo. */
  const [removed, setRemoved] = useState<{ id: string; status: ReadingStatus } | null>(null);
  const listed = useLiveQuery(() => listedArticles(db), [db]);
  const rows = useMemo(() => (listed ? readingListRows(listed, filters) : undefined), [listed, filters]);
  const ids = useMemo(() => rows?.map((a) => a.id) ?? [], [rows]);
  const previousIds = useRef<readonly string[]>([]);
  const list = useRef<HTMLOListElement>(null);
  /** Whether the keyboard is on the list: only then does focus follow the cursor to a row. */
  const keyboardOn = useRef(false);

  // A row that left the view (archived under "Unread", removed) hands the cursor to its neighbour.
  useEffect(() => {
    setFocused((f) => focusAfterChange(previousIds.current, ids, f));
    previousIds.current = ids;
  }, [ids]);
  useEffect(() => {
    if (!focused || !keyboardOn.current) return;
    list.current?.querySelector<HTMLElement>(`[${ROW_ATTRIBUTE}="${CSS.escape(focused)}"]`)?.focus();
  }, [focused]);

  const change = async (id: string, c: ReadingChange) => {
    const before = listed?.find((a) => a.id === id)?.readingStatus;
    const answer = await marginMessenger
      .sendMessage('reading:set', { articleId: id, ...c })
      .catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
    const failed = isMarginError(answer);
    setMessage(failed ? answer.error : changeMessage(c));
    setRemoved(!failed && c.status === null && before ? { id, status: before } : null);
  };
  const undoRemove = async () => {
    if (!removed) return;
    setRemoved(null);
    await change(removed.id, { status: removed.status });
    setMessage('Back on your reading list.');
  };

  const act = (action: ReadingKeyAction) => {
    const article = rows?.find((a) => a.id === action.id);
    if (!article) return;
    if (action.type === 'move') return setFocused(action.id);
    if (action.type === 'open') return openArticle(article);
    if (action.type === 'archive') return void change(article.id, { status: 'archived' });
    if (action.type === 'unread') return void change(article.id, { status: 'unread' });
    if (action.type === 'favourite') return void change(article.id, { favourite: !article.favourite });
    return void change(article.id, { status: null });
  };
  const latest = useRef({ ids, focused, act });
  latest.current = { ids, focused, act };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const { ids, focused, act } = latest.current;
      const action = readingKeyAction(
        { key: e.key, target: keyTarget(e.target), modified: e.ctrlKey || e.altKey || e.metaKey },
        { ids, focused },
      );
      if (!action) return;
      e.preventDefault(); // arrows would also scroll the page
      keyboardOn.current = true;
      act(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!listed || !rows)
    return (
      <p className="lib-status" role="status">
        Loading your reading list…
      </p>
    );
  return (
    <section className="lib-reading" aria-labelledby="lib-reading-heading" data-reading-list>
      <h2 id="lib-reading-heading" className="lib-visually-hidden">
        Reading list
      </h2>
      <ReadingListFilters articles={listed} filters={filters} onFilters={setFilters} />
      <p className="lib-status" role="status" data-reading-count={rows.length}>
        {rows.length === listed.length
          ? `${rows.length} ${rows.length === 1 ? 'article' : 'articles'} on your reading list`
          : `${rows.length} of ${listed.length} articles shown`}
        {message && <span data-reading-message> · {message}</span>}
        {removed && (
          <>
            {' '}
            <button type="button" className="lib-tag" data-action="undo-remove" onClick={() => void undoRemove()}>
              Undo
            </button>
          </>
        )}
      </p>
      {listed.length === 0 ? (
        <EmptyReadingList />
      ) : (
        <ol className="lib-rl" ref={list} aria-label="Articles saved for later">
          {rows.map((article) => (
            <ReadingRow
              key={article.id}
              article={article}
              current={article.id === focused}
              onFocus={() => setFocused(article.id)}
              onChange={(c) => void change(article.id, c)}
            />
          ))}
        </ol>
      )}
      <p className="lib-status lib-rl-keys">
        <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> or <kbd>o</kbd> opens, <kbd>e</kbd> marks read, <kbd>f</kbd>{' '}
        stars, <kbd>u</kbd> back to unread, <kbd>Delete</kbd> removes from the list.
      </p>
    </section>
  );
}

interface RowProps {
  article: ArticleRecord;
  current: boolean;
  onFocus: () => void;
  onChange: (change: ReadingChange) => void;
}

function ReadingRow({ article, current, onFocus, onChange }: RowProps) {
  const status = article.readingStatus ?? 'unread';
  const percent = progressPercent(article.progress);
  const time = readingTimeLabel(article.readingMinutes);
  const titleId = `rl-${article.id}`;
  return (
    <li
      className="lib-rl-row"
      {...{ [ROW_ATTRIBUTE]: article.id }}
      data-reading-status={status}
      data-favourite={article.favourite || undefined}
      tabIndex={current ? 0 : -1}
      aria-current={current || undefined}
      aria-labelledby={titleId}
      // Focus anywhere in the row (a click, Tab to its buttons) puts the keyboard's cursor on it.
      onFocus={onFocus}
    >
      <button
        type="button"
        className="lib-rl-star"
        data-action="favourite"
        aria-pressed={article.favourite}
        title={article.favourite ? 'Favourite (f to unstar)' : 'Star as a favourite (f)'}
        onClick={() => onChange({ favourite: !article.favourite })}
      >
        <span aria-hidden="true">{article.favourite ? '★' : '☆'}</span>
        <span className="lib-visually-hidden">Favourite</span>
      </button>
      <div className="lib-rl-main">
        <a
          id={titleId}
          className="lib-rl-title"
          href={article.savedAt !== null ? offlineFromList(article.id) : article.pageUrl}
          {...(article.savedAt === null && { target: '_blank', rel: 'noreferrer' })}
          data-open-article
        >
          {article.title || article.pageUrl}
        </a>
        <p className="lib-article-meta">
          <span data-field="site">{article.site ?? article.host}</span>
          {time && <span data-field="reading-time">{time}</span>}
          <span data-field="progress" data-progress={percent}>
            {percent ? `${percent}% read` : 'Not started'}
          </span>
          {article.listedAt !== null && (
            <span>
              Saved <time dateTime={new Date(article.listedAt).toISOString()}>{formatDay(article.listedAt)}</time>
            </span>
          )}
          {article.articleTags.length > 0 && (
            <span data-field="tags">{article.articleTags.map((t) => `#${t}`).join(' ')}</span>
          )}
        </p>
        {percent > 0 && <progress className="lib-rl-progress" max={100} value={percent} aria-hidden="true" />}
      </div>
      <span className="lib-rl-status" data-field="reading-status">
        {STATUS_LABELS[status]}
      </span>
      <div className="lib-rl-actions">
        {status === 'archived' ? (
          <button type="button" data-action="unread" onClick={() => onChange({ status: 'unread' })}>
            Back to unread
          </button>
        ) : (
          <button type="button" data-action="archive" onClick={() => onChange({ status: 'archived' })}>
            Mark read
          </button>
        )}
        <button type="button" data-action="remove-from-list" onClick={() => onChange({ status: null })}>
          Remove
        </button>
      </div>
    </li>
  );
}

function EmptyReadingList() {
  return (
    <section className="lib-empty" data-reading-empty>
      <h2>Nothing saved for later yet</h2>
      <p>
        On any page, choose <strong>Save for later</strong> in Margin’s popup or the page’s context menu (or press the
        save-for-later shortcut). Imports from Pocket, Omnivore, Instapaper and others bring their reading lists here
        too.
      </p>
    </section>
  );
}
