/**
 * A highlight whose passage Margin could not find on the page at the last visit,
 * or that the user kept as a note. Never hidden: the quote and note stay readable,
 * and the user can attach it to a passage they select, or keep it as a note.
 */
import { NoteConflictChooser } from '@/components/sync/NoteConflictChooser';
import type { HighlightRecord } from '@/utils/db/schema';

interface Props {
  highlight: HighlightRecord;
  onReattach(): void;
  onKeepAsNote(): void;
  onDelete(): void;
  /** Why re-attaching failed last time, to show next to the button. */
  problem?: string;
  /** Keeps this version of a note edited in two browsers at once. */
  onResolve(note: string): void;
}

export function OrphanItem({ highlight, onReattach, onKeepAsNote, onDelete, problem, onResolve }: Props) {
  const detached = highlight.anchor === 'detached';
  return (
    <li className="pp-item pp-orphan" data-highlight-id={highlight.id} data-anchor={highlight.anchor}>
      <blockquote className="pp-orphan-quote">{highlight.quote}</blockquote>
      {highlight.note && (
        <p className="pp-orphan-note" data-field="note">
          {highlight.note}
        </p>
      )}
      {highlight.noteConflicts && highlight.noteConflicts.length > 0 && (
        <NoteConflictChooser current={highlight.note} conflicts={highlight.noteConflicts} onKeep={onResolve} />
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
