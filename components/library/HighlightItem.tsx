/** One highlight in the library: its colour, quote, note, tags, where it stands on the page, and when it was made. */
import type { HighlightRecord } from '@/utils/db/schema';
import { AnchorBadge } from './AnchorBadge';
import { COLOUR_LABELS } from './colour-labels';
import { formatDay } from './format-day';

export interface HighlightItemProps {
  highlight: HighlightRecord;
  /** Filters the library by a tag; tags are plain text without it. */
  onTag?: (tag: string) => void;
}

export function HighlightItem({ highlight: h, onTag }: HighlightItemProps) {
  return (
    <li
      className="lib-hit lib-highlight"
      data-hit-kind="highlight"
      data-highlight-id={h.id}
      data-colour={h.colour}
      data-anchor={h.anchor}
    >
      <span className="margin-swatch" data-swatch={h.colour} aria-hidden="true" />
      <div className="lib-hit-body">
        <span className="lib-visually-hidden">{COLOUR_LABELS[h.colour]} highlight:</span>
        <blockquote className="lib-quote" data-field="quote">
          {h.quote}
        </blockquote>
        {h.note && (
          <p className="lib-note" data-field="note">
            <span className="lib-visually-hidden">Note: </span>
            {h.note}
          </p>
        )}
        <div className="lib-hit-meta">
          {h.tags.length > 0 && (
            <ul className="lib-tags" aria-label="Tags">
              {h.tags.map((tag) => (
                <li key={tag}>
                  {onTag ? (
                    <button type="button" className="lib-tag" data-tag={tag} onClick={() => onTag(tag)} title={`Show only highlights tagged ${tag}`}>
                      #{tag}
                    </button>
                  ) : (
                    <span className="lib-tag" data-tag={tag}>#{tag}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <AnchorBadge status={h.anchor} />
          <time className="lib-date" dateTime={new Date(h.createdAt).toISOString()}>
            {formatDay(h.createdAt)}
          </time>
        </div>
      </div>
    </li>
  );
}
