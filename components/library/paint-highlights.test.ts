// @vitest-environment jsdom
import { beforeEach, describe, expect, test } from 'vitest';
import { describe as describeRange } from '@/utils/anchoring';
import type { HighlightRecord } from '@/utils/db/schema';
import { paintHighlights, type HighlightApi } from './paint-highlights';

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
  const text = root.textContent!;
  const start = text.indexOf(words);
  const range = document.createRange();
  // Finds the text nodes holding the start and end of the words.
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

describe('with <mark> elements', () => {
  test('wraps each highlight, across element boundaries, and takes the marks off again', () => {
    const before = root.innerHTML;
    const highlights = [
      highlightOf('h1', 'comes in twice', { colour: 'green' }),
      highlightOf('h2', 'the charts are often wrong', { colour: 'pink' }),
    ];
    const result = paintHighlights(root, highlights, null);
    expect(result.mode).toBe('mark');
    expect(result.placed.map((h) => h.id)).toEqual(['h1', 'h2']);
    const marked = (id: string) =>
      [...root.querySelectorAll(`mark[data-highlight-id="${id}"]`)].map((m) => m.textContent).join('');
    expect(marked('h1')).toBe('comes in twice');
    expect(root.querySelector('mark[data-highlight-id="h1"]')!.getAttribute('data-colour')).toBe('green');
    expect(marked('h2')).toBe('the charts are often wrong');
    expect(root.textContent).toBe(new DOMParser().parseFromString(`<div>${BODY}</div>`, 'text/html').body.textContent);

    result.clear();
    expect(root.innerHTML).toBe(before);
  });

  test('overlapping highlights: the later one shows where they overlap, each keeps the rest', () => {
    const result = paintHighlights(root, [highlightOf('a', 'read the water before'), highlightOf('b', 'water before the charts', { colour: 'blue' })], null);
    const marks = [...root.querySelectorAll('mark')].map((m) => [m.getAttribute('data-highlight-id'), m.textContent]);
    expect(marks).toEqual([
      ['a', 'read the '],
      ['b', 'water before'],
      ['b', ' the charts'],
    ]);
    expect(result.placed).toHaveLength(2);
  });

  test('a passage not in the copy is reported, a detached one is not looked for', () => {
    const gone = highlightOf('gone', 'harbour empties');
    gone.selectors = [{ type: 'TextQuoteSelector', exact: 'a sentence that was never in this article at all', prefix: '', suffix: '' }];
    const detached = highlightOf('kept', 'twice a day', { anchor: 'detached' });
    const result = paintHighlights(root, [gone, detached], null);
    expect(result.unplaced.map((h) => h.id)).toEqual(['gone']);
    expect(result.placed).toEqual([]);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });
});

describe('with the Custom Highlight API', () => {
  test('registers one highlight per colour and leaves the DOM alone', () => {
    const registry = new Map<string, Range[]>();
    const api: HighlightApi = { set: (name, ranges) => registry.set(name, ranges), delete: (name) => registry.delete(name) };
    const before = root.innerHTML;
    const result = paintHighlights(
      root,
      [highlightOf('h1', 'comes in twice'), highlightOf('h2', 'harbour empties'), highlightOf('h3', 'Fishermen', { colour: 'purple' })],
      api,
    );
    expect(result.mode).toBe('custom-highlight');
    expect([...registry.keys()].sort()).toEqual(['margin-purple', 'margin-yellow']);
    expect(registry.get('margin-yellow')!.map((r) => r.toString())).toEqual(['comes in twice', 'harbour empties']);
    expect(root.innerHTML).toBe(before);
    result.clear();
    expect(registry.size).toBe(0);
  });

  test('a passage edited in the copy is placed and flagged as doubtful', () => {
    const registry = new Map<string, Range[]>();
    const api: HighlightApi = { set: (name, ranges) => registry.set(name, ranges), delete: (name) => registry.delete(name) };
    const h = highlightOf('h1', 'Fishermen read the water before the charts');
    root.querySelectorAll('p')[1]!.textContent = 'Old fishermen read the sea before the charts; the charts are often wrong.';
    const result = paintHighlights(root, [h], api);
    expect(result.placed).toHaveLength(1);
    expect(result.doubtful).toHaveLength(1);
    expect(registry.get('margin-low-confidence')).toHaveLength(1);
  });
});
