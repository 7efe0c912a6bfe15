/** The user's note about a whole article, as the library lists it. */
import type { PageNoteRecord } from '@/utils/db/schema';
import { ConflictBadge } from './ConflictBadge';
import { formatDay } from './format-day';

export function PageNoteItem({ note }: { note: PageNoteRecord }) {
  return (
    <li className="lib-hit lib-page-note" data-hit-kind="pageNote" data-page-note-id={note.id}>
      <div className="lib-hit-body">
        <p className="lib-hit-label">Note on this article</p>
        <p className="lib-note" data-field="note">
          {note.text}
        </p>
        <div className="lib-hit-meta">
          <ConflictBadge conflicts={note.noteConflicts} />
          <time className="lib-date" dateTime={new Date(note.updatedAt).toISOString()}>
            {formatDay(note.updatedAt)}
          </time>
        </div>
      </div>
    </li>
  );
}
