// @vitest-environment happy-dom
/**
 * Measuring and restoring a reading position over a laid-out text. happy-dom lays
 * nothing out, so ranges get boxes from a fake layout: 40 characters a line, 20 px a
 * line, the view scrolled by `scroll` px, and the text of a `[data-hidden]` element not
 * laid out (a collapsed menu), as `getBoundingClientRect` reports it in a browser.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { buildTextIndex } from '@/utils/anchoring/text-index';
import { measurePosition, restorePosition, type ReadingView } from './reading-view';

const PER_LINE = 40;
const LINE_PX = 20;
let scroll = 0;
let original: typeof Range.prototype.getBoundingClientRect;

function rawOffset(root: Node, node: Node, offset: number): number {
  let total = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += (n as Text).data.length;
  }
  return total;
}

beforeEach(() => {
  scroll = 0;
  original = Range.prototype.getBoundingClientRect;
  Range.prototype.getBoundingClientRect = function (this: Range) {
    const hidden = (this.startContainer.parentElement as Element | null)?.closest('[data-hidden]');
    if (hidden) return new DOMRect(0, 0, 0, 0);
    const at = rawOffset(document.body, this.startContainer, this.startOffset);
    const top = Math.floor(at / PER_LINE) * LINE_PX - scroll;
    return new DOMRect(0, top, 8, LINE_PX);
  };
});
afterEach(() => {
  Range.prototype.getBoundingClientRect = original;
  document.body.replaceChildren();
});

const SENTENCES = Array.from(
  { length: 40 },
  (_, i) => `Sentence number ${i} of the article says something of its own here.`,
);

function page(hiddenMenu = false): ReadingView {
  document.body.innerHTML =
    (hiddenMenu ? `<nav data-hidden>${'Menu item '.repeat(300)}</nav>` : '') +
    SENTENCES.map((s) => `<p>${s}</p>`).join('');
  return {
    textRoot: () => document.body,
    top: () => 0,
    scrollBy: (dy) => (scroll += dy),
    scrollOffset: () => scroll,
    atEnd: () => scroll >= Math.ceil(document.body.textContent!.length / PER_LINE) * LINE_PX - 400,
  };
}

test('the top of the view is found in the text, with the quote of what is there', () => {
  const view = page();
  scroll = 30 * LINE_PX;
  const position = measurePosition(view)!;
  const { text } = buildTextIndex(document.body);
  // Line 30 starts at raw character 1200, about 45% through (the index adds a space between paragraphs).
  expect(position.progress).toBeGreaterThan(0.4);
  expect(position.progress).toBeLessThan(0.5);
  const at = text.indexOf(position.resumeQuote!);
  expect(at).toBeGreaterThan(1180);
  expect(at).toBeLessThan(1240);
  expect(position.resumeQuote!.length).toBeLessThanOrEqual(80);
});

test('text that is not laid out (a collapsed menu before the article) does not throw the search off', () => {
  const view = page(true);
  scroll = 30 * LINE_PX;
  const withMenu = measurePosition(view)!;
  expect(withMenu.resumeQuote).toMatch(/^(Sentence|number|\d|of|the|article|says|something|its|own|here)/);
  expect(withMenu.resumeQuote).not.toContain('Menu item');
});

test('restoring brings the quote’s line to the top, whatever the layout', () => {
  const view = page();
  scroll = 25 * LINE_PX;
  const stored = measurePosition(view)!;
  scroll = 0;
  expect(restorePosition(view, stored)?.by).toBe('quote');
  expect(Math.abs(scroll - 25 * LINE_PX)).toBeLessThanOrEqual(LINE_PX);
  // The same words in another view with a header before them (the reader view): still found.
  document.body.insertAdjacentHTML('afterbegin', `<header>${'A long header line. '.repeat(20)}</header>`);
  scroll = 0;
  expect(restorePosition(view, stored)?.by).toBe('quote');
  // The quote's line is the top line: lines break elsewhere here, so it may start mid-line.
  const index = buildTextIndex(document.body);
  const quote = index.text.indexOf(stored.resumeQuote!);
  expect(index.toRange(quote, quote + 1).getBoundingClientRect().top).toBe(0);
});

test('a quote that is gone falls back to the fraction', () => {
  const view = page();
  expect(restorePosition(view, { progress: 0.5, resumeQuote: 'Words this article never had in it at all' })?.by).toBe(
    'progress',
  );
  const lines = Math.ceil(document.body.textContent!.length / PER_LINE);
  expect(Math.abs(scroll - (lines / 2) * LINE_PX)).toBeLessThanOrEqual(3 * LINE_PX);
});

test('text changed since the last measure (in this very task) is measured afresh', () => {
  const view = page();
  scroll = 10 * LINE_PX;
  expect(measurePosition(view)!.resumeQuote).toMatch(/Sentence|number|of|the/);
  // A single-page app swaps the article: no await between the change and the next measure.
  document.body.innerHTML = Array.from({ length: 40 }, (_, i) => `<p>Another story, chapter ${i}, begins.</p>`).join(
    '',
  );
  expect(measurePosition(view)!.resumeQuote).toMatch(/chapter|Another|story|begins/);
});

test('scrolled to its end, the whole article counts as read', () => {
  const view = page();
  const lines = Math.ceil(document.body.textContent!.length / PER_LINE);
  scroll = lines * LINE_PX - 400; // the last 400 px screenful
  const end = measurePosition(view)!;
  expect(end.progress).toBe(1);
  expect(end.resumeQuote).toBeTruthy();
  scroll -= LINE_PX;
  expect(measurePosition(view)!.progress).toBeLessThan(1);
});
