/**
 * An article's place on the reading list, in the popup and the side panel: "Save for
 * later" while it is not listed; once listed, its state (unread, reading, read), reading
 * time and progress, and the buttons to mark it read (archive), star it, put it back to
 * unread or take it off the list. Writes go through the caller (messages to the background).
 */
import type { ArticleRecord } from '@/utils/db/schema';
import type { ReadingChange } from './reading-actions';
import { readingSummary, STATUS_LABELS } from './reading-labels';

export interface ReadingControlsProps {
  /** The article shown; null when the page has none filed yet, undefined while it is read. */
  article: ArticleRecord | null | undefined;
  /** Saves the page in the tab for later; absent where there is no page to save (beside an offline copy). */
  onSave?: () => void;
  onChange: (articleId: string, change: ReadingChange) => void;
}

/** "Save for later", while the article is not on the reading list (beside "Save for offline"). */
export function SaveForLaterButton({ article, onSave, onChange }: ReadingControlsProps) {
  if (article === undefined || (article && article.readingStatus != null)) return null;
  const add = onSave ?? (article ? () => onChange(article.id, { status: 'unread' }) : undefined);
  if (!add) return null;
  return (
    <button type="button" className="pp-button" data-action="save-for-later" onClick={add}>
      Save for later
    </button>
  );
}

/** The listed article's state and its buttons; nothing while it is not listed. */
export function ReadingState({ article, onChange }: Omit<ReadingControlsProps, 'onSave'>) {
  const status = article?.readingStatus ?? null;
  if (!article || status === null) return null;
  const set = (change: ReadingChange) => onChange(article.id, change);
  const summary = readingSummary(article);
  return (
    <section className="pp-reading" aria-label="Reading list" data-reading-status={status}>
      <p className="pp-reading-line">
        <span className="pp-reading-status" data-field="reading-status">
          {STATUS_LABELS[status]}
        </span>
        {summary && (
          <span className="pp-hint" data-field="reading-summary">
            {summary}
          </span>
        )}
      </p>
      <div className="pp-actions">
        {status !== 'archived' ? (
          <button type="button" className="pp-button" data-action="archive" onClick={() => set({ status: 'archived' })}>
            Mark read
          </button>
        ) : (
          <button type="button" className="pp-button" data-action="unread" onClick={() => set({ status: 'unread' })}>
            Back to unread
          </button>
        )}
        {status === 'reading' && (
          <button type="button" className="pp-button" data-action="unread" onClick={() => set({ status: 'unread' })}>
            Back to unread
          </button>
        )}
        <button
          type="button"
          className="pp-button"
          data-action="favourite"
          aria-pressed={article.favourite}
          onClick={() => set({ favourite: !article.favourite })}
        >
          {article.favourite ? '★ Favourite' : '☆ Favourite'}
        </button>
        <button
          type="button"
          className="pp-button"
          data-action="remove-from-list"
          onClick={() => set({ status: null })}
        >
          Remove from list
        </button>
      </div>
    </section>
  );
}
