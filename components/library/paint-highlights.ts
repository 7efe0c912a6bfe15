/**
 * Paints an article's highlights into the offline reader. Where the browser has
 * the CSS Custom Highlight API, ranges are registered as `margin-<colour>` (styled by
 * `::highlight()` in highlight-colours.css) and the article's DOM is not touched;
 * elsewhere each highlighted run of text is wrapped in a `<mark>`.
 *
 * The saved copy is not the page the highlights were made on, so every highlight is
 * anchored afresh (`anchorAll`: quote and context, fuzzy if need be). Highlights
 * the user kept as notes are not looked for, as on the live page.
 */
import { anchorAll, LOW_CONFIDENCE, type AnchorResult } from '@/utils/anchoring';
import type { HighlightColour, HighlightRecord } from '@/utils/db/schema';

/** The part of `CSS.highlights` painting uses; a fake in tests. */
export interface HighlightApi {
  set(name: string, ranges: Range[]): void;
  delete(name: string): void;
}

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

/** Name of the highlight registry entry for doubtful placements (a wavy underline). */
export const LOW_CONFIDENCE_HIGHLIGHT = 'margin-low-confidence';

/** `CSS.highlights` wrapped as a `HighlightApi`, or null where the browser lacks it. */
export function customHighlightApi(): HighlightApi | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return null;
  return {
    set: (name, ranges) => void CSS.highlights.set(name, new Highlight(...ranges)),
    delete: (name) => void CSS.highlights.delete(name),
  };
}

/**
 * @param root - the element holding the article's body
 * @param api - the custom highlight registry; null paints `<mark>` elements instead
 */
export function paintHighlights(root: Element, highlights: readonly HighlightRecord[], api: HighlightApi | null = customHighlightApi()): PaintResult {
  const wanted = highlights.filter((h) => h.anchor !== 'detached');
  const results = anchorAll(root, wanted.map((h) => h.selectors));
  const placed: Array<{ highlight: HighlightRecord; result: AnchorResult }> = [];
  const unplaced: HighlightRecord[] = [];
  wanted.forEach((highlight, i) => {
    const result = results[i];
    if (result) placed.push({ highlight, result });
    else unplaced.push(highlight);
  });
  const doubtful = placed.filter((p) => p.result.confidence < LOW_CONFIDENCE);
  const summary = { placed: placed.map((p) => p.highlight), unplaced, doubtful: doubtful.map((p) => p.highlight) };

  if (api) {
    const byName = new Map<string, Range[]>();
    const add = (name: string, range: Range) => byName.set(name, [...(byName.get(name) ?? []), range]);
    for (const { highlight, result } of placed) add(colourHighlightName(highlight.colour), result.range);
    for (const { result } of doubtful) add(LOW_CONFIDENCE_HIGHLIGHT, result.range);
    for (const [name, ranges] of byName) api.set(name, ranges);
    return { mode: 'custom-highlight', ...summary, clear: () => byName.forEach((_, name) => api.delete(name)) };
  }

  const marks = wrapInMarks(
    placed.map(({ highlight, result }) => ({
      range: result.range,
      attributes: {
        'data-colour': highlight.colour,
        'data-highlight-id': highlight.id,
        ...(result.confidence < LOW_CONFIDENCE ? { 'data-low-confidence': '' } : {}),
      },
    })),
  );
  return { mode: 'mark', ...summary, clear: () => unwrapMarks(marks) };
}

/** The registry name a colour is painted under: `margin-yellow`, … */
export function colourHighlightName(colour: HighlightColour): string {
  return `margin-${colour}`;
}

interface Segment {
  node: Text;
  start: number;
  end: number;
  /** Index of the highlight: where two overlap, the later one's mark is used. */
  order: number;
}

/**
 * Wraps the text of each range in `<mark class="margin-highlight">`. Every range is
 * cut into per-text-node segments before anything changes: wrapping moves text nodes,
 * which would collapse other live ranges that end inside them.
 */
function wrapInMarks(items: Array<{ range: Range; attributes: Record<string, string> }>): HTMLElement[] {
  const segments = new Map<Text, Segment[]>();
  items.forEach(({ range }, order) => {
    for (const segment of textSegments(range, order)) segments.set(segment.node, [...(segments.get(segment.node) ?? []), segment]);
  });
  const marks: HTMLElement[] = [];
  for (const [node, list] of segments) {
    const cuts = [...new Set(list.flatMap((s) => [s.start, s.end]))].filter((c) => c > 0 && c < node.length).sort((a, b) => b - a);
    // Cut from the end: `node` keeps [0, cut) each time, so the next (smaller) cut is still an offset in it.
    const pieces: Array<{ text: Text; start: number }> = cuts.map((cut) => ({ text: node.splitText(cut), start: cut })).reverse();
    pieces.unshift({ text: node, start: 0 });
    for (const piece of pieces) {
      const cover = list.filter((s) => s.start <= piece.start && piece.start < s.end).sort((a, b) => b.order - a.order)[0];
      if (!cover || piece.text.length === 0) continue;
      const mark = piece.text.ownerDocument.createElement('mark');
      mark.className = 'margin-highlight';
      for (const [name, value] of Object.entries(items[cover.order]!.attributes)) mark.setAttribute(name, value);
      piece.text.parentNode!.replaceChild(mark, piece.text);
      mark.appendChild(piece.text);
      marks.push(mark);
    }
  }
  return marks;
}

/** The parts of text nodes a range covers, in document order. */
function textSegments(range: Range, order: number): Segment[] {
  const container = range.commonAncestorContainer;
  if (container.nodeType === 3 /* TEXT_NODE */) {
    const node = container as Text;
    return range.endOffset > range.startOffset ? [{ node, start: range.startOffset, end: range.endOffset, order }] : [];
  }
  const out: Segment[] = [];
  const walker = container.ownerDocument!.createTreeWalker(container, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    if (!range.intersectsNode(node)) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.length;
    if (end > start) out.push({ node, start, end, order });
  }
  return out;
}

function unwrapMarks(marks: HTMLElement[]): void {
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  // Joins the text nodes the marks split, so a repaint anchors against the copy as saved.
  for (const parent of parents) parent.normalize();
}
