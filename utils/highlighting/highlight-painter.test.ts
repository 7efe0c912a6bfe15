// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createHighlightPainter } from './highlight-painter';

function rangeOf(root: Element, phrase: string): Range {
  // Finds `phrase` across text nodes by walking the root's text.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const text = nodes.map((n) => n.data).join('');
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`no "${phrase}"`);
  const end = start + phrase.length;
  const range = document.createRange();
  let offset = 0;
  for (const n of nodes) {
    if (start >= offset && start <= offset + n.length && range.startContainer === document)
      range.setStart(n, start - offset);
    if (end >= offset && end <= offset + n.length) {
      range.setEnd(n, end - offset);
      break;
    }
    offset += n.length;
  }
  return range;
}

describe('mark painter (browsers without the Custom Highlight API)', () => {
  let root: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML =
      '<article><p>Day Two of <b>KubeCon EU</b> 2024 in Paris.</p><p>The hallway track.</p></article>';
    root = document.querySelector('article')!;
  });

  it('wraps a passage that crosses elements and paragraphs, and removes it leaving the page as it was', () => {
    const before = root.innerHTML;
    const textNodesBefore = [...root.querySelectorAll('p, b')].map((e) => e.childNodes.length);
    const painter = createHighlightPainter(window, 'marks');
    painter.paint('h1', rangeOf(root, 'KubeCon EU 2024 in Paris.The hallway'), 'green');
    const marks = root.querySelectorAll('mark[data-margin-id="h1"]');
    expect([...marks].map((m) => m.textContent).join('|')).toBe('KubeCon EU| 2024 in Paris.|The hallway');
    expect([...marks].every((m) => m.getAttribute('data-margin-colour') === 'green')).toBe(true);
    expect(root.textContent).toBe('Day Two of KubeCon EU 2024 in Paris.The hallway track.');

    painter.remove('h1');
    expect(root.innerHTML).toBe(before);
    // Split text nodes were joined again: the page's own nodes are as many as before.
    expect([...root.querySelectorAll('p, b')].map((e) => e.childNodes.length)).toEqual(textNodesBefore);
  });

  it('paints overlapping highlights, recolours one and removes them in any order', () => {
    const before = root.innerHTML;
    const painter = createHighlightPainter(window, 'marks');
    painter.paint('a', rangeOf(root, 'Two of KubeCon'), 'yellow');
    painter.paint('b', rangeOf(root, 'of KubeCon EU 2024'), 'blue');
    expect(root.textContent).toBe('Day Two of KubeCon EU 2024 in Paris.The hallway track.');
    expect(painter.ids()).toEqual(['a', 'b']);
    painter.recolour('a', 'pink');
    expect(root.querySelector('mark[data-margin-id="a"]')?.getAttribute('data-margin-colour')).toBe('pink');
    expect(painter.rangeOf('b')?.toString()).toBe('of KubeCon EU 2024');
    painter.remove('a');
    painter.remove('b');
    expect(root.innerHTML).toBe(before);
  });

  it('clear() removes everything it painted', () => {
    const before = root.innerHTML;
    const painter = createHighlightPainter(window, 'marks');
    painter.paint('a', rangeOf(root, 'hallway'), 'yellow');
    painter.paint('b', rangeOf(root, 'Paris'), 'yellow');
    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(painter.rangeOf('a')).toBeNull();
  });
});

describe('CSS highlight painter', () => {
  it('registers ranges per colour without touching the DOM', () => {
    document.body.innerHTML = '<p>The hallway track.</p>';
    const registry = new Map<string, Set<Range>>();
    class FakeHighlight extends Set<Range> {
      constructor(...ranges: Range[]) {
        super(ranges);
      }
    }
    const fakeWindow = { CSS: { highlights: registry }, Highlight: FakeHighlight, document } as unknown as Window;
    const painter = createHighlightPainter(fakeWindow);
    const before = document.body.innerHTML;
    const p = document.querySelector('p')!;
    painter.paint('h', rangeOf(p, 'hallway'), 'yellow');
    expect(registry.get('margin-yellow')?.size).toBe(1);
    painter.recolour('h', 'green');
    expect(registry.get('margin-yellow')?.size).toBe(0);
    expect([...registry.get('margin-green')!][0]!.toString()).toBe('hallway');
    painter.focus('h');
    expect(registry.get('margin-focus')?.size).toBe(1);
    painter.remove('h');
    expect(registry.get('margin-green')?.size).toBe(0);
    expect(registry.get('margin-focus')?.size).toBe(0);
    expect(document.body.innerHTML).toBe(before);
  });
});
