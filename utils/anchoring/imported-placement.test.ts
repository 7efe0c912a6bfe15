import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { createAnchorer, findSelector } from '@/utils/anchoring';
import { importedPlacement } from './imported-placement';

const PAGE = `<article><h1>Cities, streets, and people</h1>
  <p>Streets are for people, <em>not only</em> for cars. Squares too.</p>
  <p>A tram line is a promise kept for decades.</p></article>`;

/** What the page's content script reports: where the quote-only selector was found, described. */
function foundOnPage(exact: string) {
  const { document } = new JSDOM(PAGE).window;
  const anchorer = createAnchorer(document.body);
  const found = anchorer.anchor([{ type: 'TextQuoteSelector', exact }]);
  if (!found) throw new Error(`${exact} is not on the page`);
  return { anchorer, described: anchorer.describe(found.range) };
}

describe('an imported highlight placed for the first time', () => {
  test('keeps the context and offset found, so the next visit anchors it like one made here', () => {
    const { anchorer, described } = foundOnPage('Streets are for people,\nnot only for cars.');
    const stored = importedPlacement('Streets are for people,\nnot only for cars.', described)!;
    const quote = findSelector(stored, 'TextQuoteSelector')!;
    expect(quote.exact).toBe('Streets are for people, not only for cars.');
    expect(quote.prefix).toMatch(/people\s*$/);
    expect(quote.suffix).toMatch(/^\s*Squares too/);
    expect(findSelector(stored, 'TextPositionSelector')).toMatchObject({ start: expect.any(Number) });
    // Placed again from what was stored: the same passage, by its position.
    expect(anchorer.anchor(stored)).toMatchObject({ strategy: 'position', confidence: 1 });
  });

  test('found with a small difference (an export that changed a quote mark): the page’s text is kept', () => {
    const { described } = foundOnPage('A tram line is a promise kept for decades.');
    expect(importedPlacement('A tram line is a “promise” kept for decades.', described)).not.toBeNull();
  });

  test('a report that quotes another passage is refused: the page cannot move an imported highlight', () => {
    const { described } = foundOnPage('A tram line is a promise kept for decades.');
    expect(importedPlacement('Streets are for people, not only for cars.', described)).toBeNull();
  });

  test('a report whose offset does not fit its quote, or that lacks one, is refused', () => {
    const { described } = foundOnPage('A tram line is a promise kept for decades.');
    const quote = findSelector(described, 'TextQuoteSelector')!;
    expect(importedPlacement(quote.exact, [quote])).toBeNull();
    expect(importedPlacement(quote.exact, [quote, { type: 'TextPositionSelector', start: 0, end: 3 }])).toBeNull();
  });
});
