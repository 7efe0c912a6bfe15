/**
 * Real-page baseline: highlights made on the live page (the corpus page's
 * source) are shown in the reader view of it (the same corpus page's
 * expected Readability output: different markup and whitespace, no header,
 * navigation or footer). Skipped when ../shared/corpus is missing.
 *
 * Ground truth needs no anchoring code: a passage whose words occur exactly
 * once on the live page and once in the reader view must land on that one
 * place in the reader view; a passage whose words do not occur in the reader
 * view at all (navigation, footer) must not land anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe as group, expect, test } from 'vitest';
import { buildTextIndex, createAnchorer, describeWithIndex, findSelector, type Anchorer } from './index';

const CORPUS = resolve('../shared/corpus/readability');
const PAGES = ['wikipedia-2', 'nytimes-3', 'ietf-1'];
const PASSAGES = 100;

function body(file: string): HTMLElement {
  const html = readFileSync(file, 'utf8').replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '');
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document.body;
}

function count(text: string, piece: string): number {
  let n = 0;
  for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) n++;
  return n;
}

group.skipIf(!existsSync(CORPUS))('live page → reader view', () => {
  test.each(PAGES)('%s', (page) => {
    const live = body(`${CORPUS}/${page}/source.html`);
    const reader = body(`${CORPUS}/${page}/expected.html`);
    const liveIndex = buildTextIndex(live);
    const readerText = buildTextIndex(reader).text;
    const words = [...liveIndex.text.matchAll(/\S+/g)].map((m) => m.index!);

    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const anchorer = createAnchorer(reader);
    let inBoth = 0;
    let placedRight = 0;
    let absent = 0;
    const misplaced: string[] = [];
    for (let i = 0; i < PASSAGES; i++) {
      const w = Math.floor(random() * (words.length - 31));
      const start = words[w]!;
      const end = (words[w + 3 + Math.floor(random() * 28)] ?? liveIndex.text.length + 1) - 1;
      const quote = liveIndex.text.slice(start, end);
      const result = anchorer.anchor(describeWithIndex(liveIndex, liveIndex.toRange(start, end)));
      const got = result && anchorer.text.slice(...offsets(anchorer, result.range));
      const inReader = count(readerText, quote);
      if (inReader === 1 && count(liveIndex.text, quote) === 1) {
        inBoth++;
        const want = readerText.indexOf(quote);
        if (result && offsets(anchorer, result.range)[0] === want && got === quote) placedRight++;
        else misplaced.push(`lost or misplaced: “${quote}” → ${got ? `“${got}”` : 'nothing'}`);
      } else if (inReader === 0 && !readerText.includes(quote.slice(0, 20)) && !readerText.includes(quote.slice(-20))) {
        absent++;
        if (result) misplaced.push(`placed although not in the reader view: “${quote}” → “${got}”`);
      }
    }
    expect(misplaced).toEqual([]);
    // The sample must say something: most passages of an article page are in the article.
    expect(inBoth).toBeGreaterThan(PASSAGES / 3);
    expect(placedRight).toBe(inBoth);
    expect(absent + inBoth).toBeLessThanOrEqual(PASSAGES);
  });
});

/** Where a placed range is in the anchorer's text. */
function offsets(anchorer: Anchorer, range: Range): [number, number] {
  const position = findSelector(anchorer.describe(range), 'TextPositionSelector')!;
  return [position.start, position.end];
}
