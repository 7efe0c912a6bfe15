/** The page's highlights as cards, in card order (`orderCards`), as one labelled list. */
import type { HighlightPatch } from '@/utils/db';
import type { HighlightRecord } from '@/utils/db/schema';
import { cardState } from '@/utils/sidepanel/card-order';
import { HighlightCard } from './HighlightCard';

export interface CardActions {
  select(h: HighlightRecord): void;
  edit(id: string): void;
  leave(): void;
  change(id: string, patch: HighlightPatch): void;
  remove(h: HighlightRecord): void;
  reattach(id: string): void;
  /** Copies the highlight as Markdown (quote, note, a link back to the passage). */
  copy(h: HighlightRecord): void;
}

interface Props {
  cards: HighlightRecord[];
  focused: string | null;
  editing: string | null;
  problems: Record<string, string>;
  actions: CardActions;
}

export function CardList({ cards, focused, editing, problems, actions }: Props) {
  return (
    <ol className="pp-list sp-list" aria-labelledby="sp-highlights" data-list="cards">
      {cards.map((h) => (
        <HighlightCard
          key={h.id}
          highlight={h}
          state={cardState(h.anchor)}
          focused={h.id === focused}
          editing={h.id === editing}
          problem={problems[h.id]}
          onSelect={() => actions.select(h)}
          onEdit={() => actions.edit(h.id)}
          onLeave={actions.leave}
          onChange={(patch) => actions.change(h.id, patch)}
          onDelete={() => actions.remove(h)}
          onReattach={() => actions.reattach(h.id)}
          onCopy={() => actions.copy(h)}
          onKeepAsNote={() => actions.change(h.id, { anchor: 'detached' })}
        />
      ))}
    </ol>
  );
}
