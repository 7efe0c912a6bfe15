/** A card's quote (click to show it on the page), state, note and tags; while it is edited, the fields show the note and tags instead. */
import type { HighlightRecord } from '@/utils/db/schema';
import { CARD_STATE_LABEL, type CardState } from '@/utils/sidepanel/card-order';

interface Props {
  highlight: HighlightRecord;
  state: CardState;
  editing: boolean;
  onReveal(): void;
}

export function CardSummary({ highlight, state, editing, onReveal }: Props) {
  return (
    <>
      <button
        type="button"
        className={`pp-quote pp-bar-${highlight.colour} sp-quote`}
        data-action="reveal"
        onClick={onReveal}
        title={state === 'orphan' || state === 'note' ? 'Not on the page' : 'Show on the page'}
      >
        {highlight.quote}
      </button>
      <div className="sp-meta">
        <span className={`sp-state sp-state-${state}`} data-field="state" data-state={state}>
          {CARD_STATE_LABEL[state]}
        </span>
        {!editing && highlight.tags.length > 0 && (
          <ul className="sp-tags" data-field="tags" aria-label="Tags">
            {highlight.tags.map((t) => (
              <li key={t} className="sp-tag">
                {t}
              </li>
            ))}
          </ul>
        )}
      </div>
      {!editing && highlight.note && (
        <p className="sp-note" data-field="note">
          {highlight.note}
        </p>
      )}
    </>
  );
}
