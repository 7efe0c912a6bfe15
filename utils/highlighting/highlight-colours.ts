/**
 * How each highlight colour looks on a page and in the reader view. Translucent so
 * the page's own text colour and any overlapping highlight still show through.
 */
import type { HighlightColour } from '@/utils/db/schema';

export const HIGHLIGHT_BACKGROUNDS: Readonly<Record<HighlightColour, string>> = {
  yellow: 'rgba(255, 214, 10, 0.45)',
  green: 'rgba(82, 196, 26, 0.35)',
  // An aqua blue, not the sky blue it was: that painted #bcdaff over white, within ΔE 2–3 of
  // the selection colour of Chrome and Safari on macOS (#b3d7ff, #accef7), so a highlight
  // looked like text still selected. The stored name stays `blue`; only the paint changed.
  blue: 'rgba(0, 190, 200, 0.4)',
  pink: 'rgba(255, 92, 170, 0.35)',
  purple: 'rgba(146, 84, 222, 0.35)',
};

/** Name of the CSS custom highlight that paints one colour. */
export function highlightName(colour: HighlightColour): string {
  return `margin-${colour}`;
}

/** Highlight drawn over the one the user is looking at (revealed from the popup, being edited). */
export const FOCUS_HIGHLIGHT = 'margin-focus';

/** Styles for both painters, for a document or a shadow root. */
export function highlightCss(): string {
  const rules = Object.entries(HIGHLIGHT_BACKGROUNDS).map(
    ([colour, bg]) =>
      `::highlight(${highlightName(colour as HighlightColour)}){background-color:${bg};color:inherit}` +
      `mark[data-margin-colour="${colour}"]{background-color:${bg};color:inherit}`,
  );
  rules.push(
    `::highlight(${FOCUS_HIGHLIGHT}){text-decoration:underline 2px rgba(0,0,0,.55);text-underline-offset:3px}`,
  );
  rules.push('mark[data-margin-id]{padding:0;margin:0;border-radius:0;font:inherit;cursor:pointer}');
  rules.push('mark[data-margin-focus]{text-decoration:underline 2px rgba(0,0,0,.55)}');
  return rules.join('\n');
}
