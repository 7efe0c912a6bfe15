/**
 * One highlight in the side panel. At rest: quote, state, note, tags; clicking it
 * shows the passage on the page. Open (Enter, "Edit", or a click on the highlight on
 * the page): colour, note, tags, delete. A highlight not found on the page offers to
 * be re-attached or kept as a note; notes edited in two browsers show their versions.
 */
import { useEffect, useRef } from 'react';
import { NoteConflictChooser } from '@/components/sync/NoteConflictChooser';
import type { HighlightPatch } from '@/utils/db';
import type { HighlightRecord } from '@/utils/db/schema';
import type { CardState } from '@/utils/sidepanel/card-order';
import { CardEditor } from './CardEditor';
import { CardSummary } from './CardSummary';
import { OrphanActions } from './OrphanActions';
import { CARD_ATTRIBUTE } from './use-panel-keys';

export interface HighlightCardProps {
  highlight: HighlightRecord;
  state: CardState;
  focused: boolean;
  editing: boolean;
  /** Why re-attaching failed last time. */
  problem?: string;
  onSelect(): void;
  onEdit(): void;
  onLeave(): void;
  onChange(patch: HighlightPatch): void;
  onDelete(): void;
  onReattach(): void;
  onKeepAsNote(): void;
  onCopy(): void;
}

export function HighlightCard(props: HighlightCardProps) {
  const { highlight, state, focused, editing } = props;
  const card = useRef<HTMLLIElement>(null);

  useEffect(() => {
    const el = card.current;
    if (!el || !focused) return;
    el.scrollIntoView({ block: 'nearest' });
    // The keyboard stays where it is inside the card (a button just pressed); from elsewhere it comes to the card.
    if (!editing && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
  }, [focused, editing]);

  const selectOnClick = (e: React.MouseEvent) => {
    if (!(e.target as Element).closest('button, textarea, input, a')) props.onSelect();
  };

  return (
    <li
      ref={card}
      {...{ [CARD_ATTRIBUTE]: '' }}
      className={`pp-item sp-card${state === 'orphan' || state === 'note' ? ' pp-orphan' : ''}`}
      tabIndex={focused ? 0 : -1}
      aria-current={focused ? 'true' : undefined}
      aria-label={`${highlight.colour} highlight: ${highlight.quote.slice(0, 80)}`}
      data-highlight-id={highlight.id}
      data-anchor={highlight.anchor}
      data-state={state}
      data-colour={highlight.colour}
      data-editing={editing ? '' : undefined}
      onClick={selectOnClick}
    >
      <CardSummary highlight={highlight} state={state} editing={editing} onReveal={props.onSelect} />
      {highlight.noteConflicts && highlight.noteConflicts.length > 0 && (
        <NoteConflictChooser current={highlight.note} conflicts={highlight.noteConflicts} onKeep={(note) => props.onChange({ note, noteConflicts: [] })} />
      )}
      {(state === 'orphan' || state === 'note') && (
        <OrphanActions kept={state === 'note'} problem={props.problem} onReattach={props.onReattach} onKeepAsNote={props.onKeepAsNote} />
      )}
      {editing ? (
        <CardEditor highlight={highlight} onChange={props.onChange} onDone={props.onLeave} onDelete={props.onDelete} />
      ) : (
        <p className="sp-card-actions">
          <button type="button" className="pp-link sp-edit" data-action="edit" onClick={props.onEdit} aria-label="Edit note, tags and colour">
            Edit
          </button>{' '}
          <button type="button" className="pp-link" data-action="copy" onClick={props.onCopy} aria-label="Copy as Markdown">
            Copy
          </button>
        </p>
      )}
    </li>
  );
}
