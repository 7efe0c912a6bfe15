/**
 * One highlight in the library: its colour, quote, note, tags, where it stands on the
 * page, when it was made, and a link that opens the page scrolled to it.
 */
import { findSelector } from '@/utils/anchoring/selectors';
import type { HighlightRecord } from '@/utils/db/schema';
import { deepLink } from '@/utils/highlighting/deep-link';
import { AnchorBadge } from './AnchorBadge';
import { ConflictBadge } from './ConflictBadge';
import { COLOUR_LABELS } from './colour-labels';
import { formatDay } from './format-day';
import { Swatch } from './Swatch';

export interface HighlightItemProps {
  highlight: HighlightRecord;
  /** The address of the article's page, for the link to the passage. */
  pageUrl: string;
  /** Filters the library by a tag; tags are plain text without it. */
  onTag?: (tag: string) => void;
}

export function HighlightItem({ highlight: h, pageUrl, onTag }: HighlightItemProps) {
  const link = passageLink(pageUrl, h);
  return (
    <li
      className="lib-hit lib-highlight"
      data-hit-kind="highlight"
      data-highlight-id={h.id}
      data-colour={h.colour}
      data-anchor={h.anchor}
    >
      <Swatch colour={h.colour} />
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
                    <button
                      type="button"
                      className="lib-tag"
                      data-tag={tag}
                      onClick={() => onTag(tag)}
                      title={`Show only highlights tagged ${tag}`}
                    >
                      #{tag}
                    </button>
                  ) : (
                    <span className="lib-tag" data-tag={tag}>
                      #{tag}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <AnchorBadge status={h.anchor} />
          <ConflictBadge conflicts={h.noteConflicts} />
          <time className="lib-date" dateTime={new Date(h.createdAt).toISOString()}>
            {formatDay(h.createdAt)}
          </time>
          {link && (
            <a href={link} target="_blank" rel="noreferrer" data-deep-link>
              On the page<span className="lib-visually-hidden">: {h.quote.slice(0, 60)}</span>
            </a>
          )}
        </div>
      </div>
    </li>
  );
}

/**
 * A link that opens the page scrolled to the passage (a URL text fragment, which the
 * browser follows even without Margin). None for a passage no longer on the page.
 */
function passageLink(pageUrl: string, h: HighlightRecord): string | null {
  const quote = findSelector(h.selectors, 'TextQuoteSelector');
  if (!quote || h.anchor === 'orphaned' || h.anchor === 'detached') return null;
  try {
    return deepLink(pageUrl, quote);
  } catch {
    return null; // a stored address that is not a URL
  }
}
