/**
 * The page's highlights as cards, in card order (`orderCards`), as one labelled list.
 * The first frame holds the first screenful; every card follows once that frame is
 * painted (`first-screen.ts`). A card focused or opened before then (a key, a click on
 * the page's highlight) is rendered at once.
 */
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { HighlightPatch } from '@/utils/db';
import type { HighlightRecord } from '@/utils/db/schema';
import { cardState } from '@/utils/sidepanel/card-order';
import { cardsToRender, firstScreenCount } from '@/utils/sidepanel/first-screen';
import { HighlightCard } from './HighlightCard';
import { usePaintMark } from './use-paint-mark';

/** What a card can do; the same object for the panel's life, so a card that did not change is not rendered again. */
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
  const list = useRef<HTMLOListElement>(null);
  const [firstScreen] = useState(() => firstScreenCount(window.innerHeight));
  const [complete, setComplete] = useState(false);
  const ids = useMemo(() => cards.map((c) => c.id), [cards]);
  const count = cardsToRender(ids, firstScreen, complete, [focused, editing]);

  useEffect(() => {
    if (complete) return;
    // After the frame holding the first screenful is painted; as a transition, so keys and clicks come first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => startTransition(() => setComplete(true)))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [complete]);
  usePaintMark(list, complete, 'data-all-cards-ms');

  return (
    <ol ref={list} className="pp-list sp-list" aria-labelledby="sp-highlights" data-list="cards">
      {cards.slice(0, count).map((h) => (
        <HighlightCard
          key={h.id}
          highlight={h}
          state={cardState(h.anchor)}
          focused={h.id === focused}
          editing={h.id === editing}
          problem={problems[h.id]}
          actions={actions}
        />
      ))}
    </ol>
  );
}
