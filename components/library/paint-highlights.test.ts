// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { describe as describeRange } from '@/utils/anchoring';
import type { HighlightRecord } from '@/utils/db/schema';
import { paintHighlights } from './paint-highlights';

const BODY = `
  <h2>Tides of the northern coast</h2>
  <p>The tide comes in <em>twice a day</em>, and the harbour empties with it.</p>
  <p>Fishermen read the water before the charts; the charts are often wrong.</p>`;

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = `<div id="body">${BODY}</div>`;
  root = document.getElementById('body')!;
});

/** A highlight on the first occurrence of `words`, described on the copy itself. */
function highlightOf(id: string, words: string, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  const start = root.textContent!.indexOf(words);
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (start >= seen && start <= seen + n.length) range.setStart(n, start - seen);
    if (start + words.length >= seen && start + words.length <= seen + n.length) {
      range.setEnd(n, start + words.length - seen);
      break;
    }
    seen += n.length;
  }
  return {
    id,
    selectors: describeRange(root, range),
    quote: words,
    colour: 'yellow',
    anchor: 'anchored',
    ...extra,
  } as HighlightRecord;
}

const marked = (id: string) =>
  [...root.querySelectorAll(`mark[data-margin-id="${id}"]`)].map((m) => m.textContent).join('');

describe('with <mark> elements', () => {
  test('wraps each highlight, across element boundaries, and takes the marks off again', () => {
    const before = root.innerHTML;
    const result = paintHighlights(
      root,
      [
        highlightOf('h1', 'comes in twice', { colour: 'green' }),
        highlightOf('h2', 'the charts are often wrong', { colour: 'pink' }),
      ],
      window,
      'marks',
    );
    expect(result.mode).toBe('mark');
    expect(result.placed.map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(marked('h1')).toBe('comes in twice');
    expect(root.querySelector('mark[data-margin-id="h1"]')!.getAttribute('data-margin-colour')).toBe('green');
    expect(marked('h2')).toBe('the charts are often wrong');
    result.clear();
    expect(root.innerHTML).toBe(before);
  });

  test('two highlights in one text node are both placed where they belong', () => {
    // Wrapping the first splits the text node the second is in: the second must still land on its words.
    paintHighlights(
      root,
      [highlightOf('a', 'Fishermen read'), highlightOf('b', 'the charts are often')],
      window,
      'marks',
    );
    expect(marked('a')).toBe('Fishermen read');
    expect(marked('b')).toBe('the charts are often');
  });

  test('a passage not in the copy is reported, a detached one is not looked for', () => {
    const gone = highlightOf('gone', 'harbour empties');
    gone.selectors = [
      { type: 'TextQuoteSelector', exact: 'a sentence that was never in this article at all', prefix: '', suffix: '' },
    ];
    const result = paintHighlights(
      root,
      [gone, highlightOf('kept', 'twice a day', { anchor: 'detached' })],
      window,
      'marks',
    );
    expect(result.unplaced.map((h) => h.id)).toEqual(['gone']);
    expect(result.placed).toEqual([]);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });
});

describe('with the Custom Highlight API', () => {
  /** A window whose `CSS.highlights` is a plain Map of fake highlights. */
  function fakeWindow() {
    class FakeHighlight extends Set<Range> {
      constructor(...ranges: Range[]) {
        super(ranges);
      }
    }
    const registry = new Map<string, FakeHighlight>();
    return {
      registry,
      win: { document, CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window,
    };
  }

  test('registers one highlight per colour and leaves the DOM alone', () => {
    const { registry, win } = fakeWindow();
    const before = root.innerHTML;
    const result = paintHighlights(
      root,
      [
        highlightOf('h1', 'comes in twice'),
        highlightOf('h2', 'harbour empties'),
        highlightOf('h3', 'Fishermen', { colour: 'purple' }),
      ],
      win,
    );
    expect(result.mode).toBe('custom-highlight');
    expect([...registry.get('margin-yellow')!].map((r) => r.toString()).sort()).toEqual([
      'comes in twice',
      'harbour empties',
    ]);
    expect([...registry.get('margin-purple')!].map((r) => r.toString())).toEqual(['Fishermen']);
    expect(root.innerHTML).toBe(before);
    result.clear();
    expect(registry.get('margin-yellow')!.size).toBe(0);
  });

  test('a passage edited in the copy is placed and counted as doubtful', () => {
    const { win } = fakeWindow();
    const h = highlightOf('h1', 'Fishermen read the water before the charts');
    root.querySelectorAll('p')[1]!.textContent =
      'Old fishermen read the sea before the charts; the charts are often wrong.';
    const result = paintHighlights(root, [h], win);
    expect(result.placed).toHaveLength(1);
    expect(result.doubtful).toHaveLength(1);
  });
});
