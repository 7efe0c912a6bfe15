/**
 * Paints highlights without breaking the page. Where the browser has the CSS
 * Custom Highlight API (Chromium 105+, Firefox 140+), highlights are Ranges
 * registered with `CSS.highlights`: nothing in the page's DOM changes, so its
 * layout and scripts are untouched. Elsewhere each text piece is wrapped in a
 * `<mark>`, and removing a highlight puts the page's text nodes back as they were.
 */
import type { HighlightColour } from '@/utils/db/schema';
import { FOCUS_HIGHLIGHT, highlightName } from './highlight-colours';

export interface HighlightPainter {
  /** Paints one highlight (replacing its earlier paint). */
  paint(id: string, range: Range, colour: HighlightColour): void;
  /** Changes a painted highlight's colour where it is. */
  recolour(id: string, colour: HighlightColour): void;
  remove(id: string): void;
  /** Removes every highlight this painter painted. */
  clear(): void;
  /** The live range a highlight covers now, or null when it is not painted. */
  rangeOf(id: string): Range | null;
  /** Painted ids, oldest first. */
  ids(): string[];
  /** Marks one highlight as the one being looked at (null: none). */
  focus(id: string | null): void;
}

interface CssHighlightRegistry {
  set(name: string, highlight: unknown): void;
  get(name: string): { add(range: Range): void; delete(range: Range): void; clear(): void } | undefined;
  delete(name: string): void;
}

type HighlightConstructor = new (
  ...ranges: Range[]
) => { add(range: Range): void; delete(range: Range): void; clear(): void };

/** The browser's highlight registry, when it has one that works. */
function cssHighlights(win: Window): { registry: CssHighlightRegistry; Highlight: HighlightConstructor } | null {
  const registry = (win as unknown as { CSS?: { highlights?: CssHighlightRegistry } }).CSS?.highlights;
  const Highlight = (win as unknown as { Highlight?: HighlightConstructor }).Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

/**
 * @param win - the window whose document the highlights are in
 * @param mode - force one painter (tests); by default the Custom Highlight API when present
 */
export function createHighlightPainter(win: Window, mode: 'auto' | 'marks' = 'auto'): HighlightPainter {
  const api = mode === 'auto' ? cssHighlights(win) : null;
  return api ? cssPainter(api.registry, api.Highlight) : markPainter(win.document);
}

function cssPainter(registry: CssHighlightRegistry, Highlight: HighlightConstructor): HighlightPainter {
  const painted = new Map<string, { range: Range; colour: HighlightColour }>();
  let focused: string | null = null;

  function layer(name: string) {
    let h = registry.get(name);
    if (!h) {
      h = new Highlight();
      registry.set(name, h);
    }
    return h;
  }

  const painter: HighlightPainter = {
    paint(id, range, colour) {
      painter.remove(id);
      painted.set(id, { range, colour });
      layer(highlightName(colour)).add(range);
      if (focused === id) layer(FOCUS_HIGHLIGHT).add(range);
    },
    recolour(id, colour) {
      const p = painted.get(id);
      if (p && p.colour !== colour) painter.paint(id, p.range, colour);
    },
    remove(id) {
      const p = painted.get(id);
      if (!p) return;
      registry.get(highlightName(p.colour))?.delete(p.range);
      registry.get(FOCUS_HIGHLIGHT)?.delete(p.range);
      painted.delete(id);
    },
    clear() {
      for (const id of [...painted.keys()]) painter.remove(id);
    },
    rangeOf: (id) => painted.get(id)?.range ?? null,
    ids: () => [...painted.keys()],
    focus(id) {
      focused = id;
      const f = layer(FOCUS_HIGHLIGHT);
      f.clear();
      const p = id ? painted.get(id) : undefined;
      if (p) f.add(p.range);
    },
  };
  return painter;
}

function markPainter(doc: Document): HighlightPainter {
  const painted = new Map<string, { marks: HTMLElement[]; colour: HighlightColour }>();

  function textNodesIn(range: Range): Text[] {
    const root = range.commonAncestorContainer;
    if (root.nodeType === 3) return [root as Text];
    const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n as Text);
    return nodes;
  }

  function wrap(id: string, range: Range, colour: HighlightColour): HTMLElement[] {
    // Cut the boundary nodes first: splitting moves the range's own boundaries.
    const startNode = range.startContainer;
    const startOffset = range.startOffset;
    const endNode = range.endContainer;
    const endOffset = range.endOffset;
    const pieces: Text[] = [];
    for (const node of textNodesIn(range)) {
      let piece = node;
      const from = node === startNode ? startOffset : 0;
      const to = node === endNode ? endOffset : node.length;
      if (from >= to || !node.data.slice(from, to).trim()) continue;
      if (to < piece.length) piece.splitText(to);
      if (from > 0) piece = piece.splitText(from);
      pieces.push(piece);
    }
    return pieces.map((piece) => {
      const mark = doc.createElement('mark');
      mark.dataset['marginId'] = id;
      mark.dataset['marginColour'] = colour;
      piece.parentNode!.insertBefore(mark, piece);
      mark.appendChild(piece);
      return mark;
    });
  }

  function unwrap(mark: HTMLElement) {
    const parent = mark.parentNode;
    if (!parent) return;
    const first = mark.firstChild;
    const last = mark.lastChild;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    const before = first?.previousSibling;
    const after = last?.nextSibling === mark ? mark.nextSibling : last?.nextSibling;
    mark.remove();
    // Rejoin only the text nodes wrapping had split, not the page's own neighbours.
    if (last && last.nodeType === 3 && after?.nodeType === 3) joinText(last as Text, after as Text);
    if (first && first.nodeType === 3 && before?.nodeType === 3) joinText(before as Text, first as Text);
  }

  function joinText(a: Text, b: Text) {
    if (!a.parentNode || a.nextSibling !== b) return;
    a.appendData(b.data);
    b.remove();
  }

  const painter: HighlightPainter = {
    paint(id, range, colour) {
      painter.remove(id);
      painted.set(id, { marks: wrap(id, range, colour), colour });
    },
    recolour(id, colour) {
      const p = painted.get(id);
      if (!p) return;
      for (const m of p.marks) m.dataset['marginColour'] = colour;
      p.colour = colour;
    },
    remove(id) {
      const p = painted.get(id);
      if (!p) return;
      for (const m of [...p.marks].reverse()) unwrap(m);
      painted.delete(id);
    },
    clear() {
      for (const id of [...painted.keys()].reverse()) painter.remove(id);
    },
    rangeOf(id) {
      const marks = painted.get(id)?.marks.filter((m) => m.isConnected);
      if (!marks?.length) return null;
      const range = doc.createRange();
      range.setStartBefore(marks[0]!);
      range.setEndAfter(marks.at(-1)!);
      return range;
    },
    ids: () => [...painted.keys()],
    focus(id) {
      for (const [pid, p] of painted) for (const m of p.marks) m.toggleAttribute('data-margin-focus', pid === id);
    },
  };
  return painter;
}
