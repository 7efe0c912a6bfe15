/**
 * One highlight in the side panel. At rest: quote, state, note, tags; clicking it
 * shows the passage on the page. Open (Enter, "Edit", or a click on the highlight on
 * the page): colour, note, tags, delete. A highlight not found on the page offers to
 * be re-attached or kept as a note; notes edited in two browsers show their versions.
 */
import { memo, useEffect, useRef } from 'react';
import { NoteConflictChooser } from '@/components/sync/NoteConflictChooser';
import type { HighlightRecord } from '@/utils/db/schema';
import type { CardState } from '@/utils/sidepanel/card-order';
import { sameCard } from '@/utils/sidepanel/same-card';
import { CardEditor } from './CardEditor';
import type { CardActions } from './CardList';
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
  actions: CardActions;
}

/** Rendered again only when something it shows changed (a long page's cards are many). */
export const HighlightCard = memo(
  HighlightCardView,
  (a, b) =>
    a.state === b.state &&
    a.focused === b.focused &&
    a.editing === b.editing &&
    a.problem === b.problem &&
    a.actions === b.actions &&
    sameCard(a.highlight, b.highlight),
);

function HighlightCardView({ highlight, state, focused, editing, problem, actions }: HighlightCardProps) {
  const card = useRef<HTMLLIElement>(null);

  useEffect(() => {
    const el = card.current;
    if (!el || !focused) return;
    el.scrollIntoView({ block: 'nearest' });
    // The keyboard stays where it is inside the card (a button just pressed); from elsewhere it comes to the card.
    if (!editing && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
  }, [focused, editing]);

  const selectOnClick = (e: React.MouseEvent) => {
    if (!(e.target as Element).closest('button, textarea, input, a')) actions.select(highlight);
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the panel's keys (j/k, Enter) move and open cards (use-panel-keys.ts)
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
      <CardSummary highlight={highlight} state={state} editing={editing} onReveal={() => actions.select(highlight)} />
      {highlight.noteConflicts && highlight.noteConflicts.length > 0 && (
        <NoteConflictChooser
          current={highlight.note}
          conflicts={highlight.noteConflicts}
          onKeep={(note) => actions.change(highlight.id, { note, noteConflicts: [] })}
        />
      )}
      {(state === 'orphan' || state === 'note') && (
        <OrphanActions
          kept={state === 'note'}
          problem={problem}
          onReattach={() => actions.reattach(highlight.id)}
          onKeepAsNote={() => actions.change(highlight.id, { anchor: 'detached' })}
        />
      )}
      {editing ? (
        <CardEditor
          highlight={highlight}
          onChange={(patch) => actions.change(highlight.id, patch)}
          onDone={actions.leave}
          onDelete={() => actions.remove(highlight)}
        />
      ) : (
        <p className="sp-card-actions">
          <button
            type="button"
            className="pp-link sp-edit"
            data-action="edit"
            onClick={() => actions.edit(highlight.id)}
            aria-label="Edit note, tags and colour"
          >
            Edit
          </button>{' '}
          <button
            type="button"
            className="pp-link"
            data-action="copy"
            onClick={() => actions.copy(highlight)}
            aria-label="Copy as Markdown"
          >
            Copy
          </button>
        </p>
      )}
    </li>
  );
}
