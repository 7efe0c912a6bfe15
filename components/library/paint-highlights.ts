/**
 * Paints an article's highlights into the offline reader, read-only, with the
 * extension's one highlight painter (`utils/highlighting`): CSS Custom Highlights
 * where the browser has them, `<mark>` elements elsewhere.
 *
 * The saved copy is not the page the highlights were made on, so each highlight is
 * anchored afresh (`anchorAll`: quote and context, fuzzy if need be). Highlights the
 * user kept as notes are not looked for, as on the live page.
 */
import { anchorAll, LOW_CONFIDENCE, type AnchorResult } from '@/utils/anchoring';
import type { HighlightRecord } from '@/utils/db/schema';
import { createHighlightPainter } from '@/utils/highlighting/highlight-painter';

/** What was painted, and how to take it off again. */
export interface PaintResult {
  mode: 'custom-highlight' | 'mark';
  /** Highlights placed in the copy. */
  placed: HighlightRecord[];
  /** Highlights looked for and not found in the copy. */
  unplaced: HighlightRecord[];
  /** Placed, but the copy's text differs around or inside them. */
  doubtful: HighlightRecord[];
  clear(): void;
}

/**
 * @param root - the element holding the article's body
 * @param win - the window `root` is in (a fake one in tests)
 * @param mode - 'marks' forces `<mark>` elements even where Custom Highlights exist
 */
export function paintHighlights(
  root: Element,
  highlights: readonly HighlightRecord[],
  win: Window = window,
  mode: 'auto' | 'marks' = 'auto',
): PaintResult {
  const wanted = highlights.filter((h) => h.anchor !== 'detached');
  const results = anchorAll(
    root,
    wanted.map((h) => h.selectors),
  );
  const placed: Array<{ highlight: HighlightRecord; result: AnchorResult }> = [];
  const unplaced: HighlightRecord[] = [];
  wanted.forEach((highlight, i) => {
    const result = results[i];
    if (result) placed.push({ highlight, result });
    else unplaced.push(highlight);
  });

  const painter = createHighlightPainter(win, mode);
  for (const { highlight, result } of placed) painter.paint(highlight.id, result.range, highlight.colour);

  return {
    mode: mode === 'marks' || !hasCustomHighlights(win) ? 'mark' : 'custom-highlight',
    placed: placed.map((p) => p.highlight),
    unplaced,
    doubtful: placed.filter((p) => p.result.confidence < LOW_CONFIDENCE).map((p) => p.highlight),
    clear: () => painter.clear(),
  };
}

/** The same test the painter makes to choose Custom Highlights. */
function hasCustomHighlights(win: Window): boolean {
  const w = win as unknown as { CSS?: { highlights?: unknown }; Highlight?: unknown };
  return Boolean(w.CSS?.highlights && w.Highlight);
}
