/**
 * What today's page does with an imported highlight: its selectors are a
 * TextQuoteSelector with `exact` only (no prefix, suffix or position), and the
 * highlighter anchors every highlight that is not `detached` with `createAnchorer`,
 * so an `unplaced` one is looked for like any quote. Found once: placed; not on the
 * page: not found (the highlighter then records it as orphaned); found more than
 * once with nothing to tell the places apart: Margin refuses to guess.
 */
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { createAnchorer, LOW_CONFIDENCE } from '@/utils/anchoring';
import type { Selector } from '@/utils/db/schema';

const PAGE = `<article><h1>Cities, streets, and people</h1>
  <p>Streets are for people, <em>not only</em> for cars. Squares too.</p>
  <p>A tram line is a promise.</p><p>A tram line is a promise.</p></article>`;

const imported = (exact: string): Selector[] => [{ type: 'TextQuoteSelector', exact }];

test.each([
  ['once on the page, across inline markup', 'Streets are for people, not only for cars.', 'placed'],
  ['with its line breaks as an export wrote them', 'Streets are for people,\nnot only for cars.', 'placed'],
  ['no longer on the page', 'A passage that no longer exists on the page.', 'not found'],
  ['twice on the page, with no context to choose', 'A tram line is a promise.', 'not found'],
] as const)('a quote-only selector %s is %s', (_, exact, outcome) => {
  const { document } = new JSDOM(PAGE).window;
  const found = createAnchorer(document.body).anchor(imported(exact));
  if (outcome === 'not found') {
    expect(found).toBeNull();
    return;
  }
  expect(found?.range.toString().replace(/\s+/g, ' ')).toBe(exact.replace(/\s+/g, ' '));
  expect(found!.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE);
});
