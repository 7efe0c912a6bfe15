/**
 * A highlight whose passage Margin could not find on the page at the last visit,
 * or that the user kept as a note. Never hidden: the quote and note stay readable,
 * and the user can attach it to a passage they select, or keep it as a note.
 */
import type { HighlightRecord } from '@/utils/db/schema';

interface Props {
  highlight: HighlightRecord;
  onReattach(): void;
  onKeepAsNote(): void;
  onDelete(): void;
  /** Why re-attaching failed last time, to show next to the button. */
  problem?: string;
}

export function OrphanItem({ highlight, onReattach, onKeepAsNote, onDelete, problem }: Props) {
  const detached = highlight.anchor === 'detached';
  return (
    <li className="pp-item pp-orphan" data-highlight-id={highlight.id} data-anchor={highlight.anchor}>
      <blockquote className="pp-orphan-quote">{highlight.quote}</blockquote>
      {highlight.note && (
        <p className="pp-orphan-note" data-field="note">
          {highlight.note}
        </p>
      )}
      <div className="pp-row">
        <button type="button" className="pp-link" data-action="reattach" onClick={onReattach} title="Select the passage on the page first">
          Attach to selection
        </button>
        {!detached && (
          <button type="button" className="pp-link" data-action="detach" onClick={onKeepAsNote}>
            Keep as note
          </button>
        )}
        <button type="button" className="pp-link" data-action="delete" onClick={onDelete}>
          Delete
        </button>
      </div>
      {problem && (
        <p className="pp-problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
