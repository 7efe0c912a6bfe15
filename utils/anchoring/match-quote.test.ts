/**
 * The string side of anchoring: where a stored quote is in a text after
 * edits, and when it is nowhere. Offsets only; the DOM cases are in anchor.test.ts.
 */
import { expect, test } from 'vitest';
import { describeSpan } from './describe';
import { matchQuote } from './match-quote';

const ORIGINAL =
  'The survey team mapped the reef in three seasons. In the first season they charted the northern arm; ' +
  'in the second, the lagoon; in the third, the long southern wall where the current runs hardest. ' +
  'Their charts were used by the navy for forty years. The lagoon chart was redrawn in 1971 after a storm.';

/** Stored selectors for the first occurrence of `quote` in ORIGINAL. */
function stored(quote: string) {
  const start = ORIGINAL.indexOf(quote);
  const [q, p] = describeSpan(ORIGINAL, start, start + quote.length);
  return { quote: q.exact, context: { prefix: q.prefix, suffix: q.suffix, position: p.start } };
}

function found(text: string, quote: string) {
  const s = stored(quote);
  const m = matchQuote(text, s.quote, s.context);
  return m && { text: text.slice(m.start, m.end), start: m.start, strategy: m.strategy };
}

test.each([
  ['unchanged text: the stored position holds', ORIGINAL, 'the long southern wall', 'the long southern wall', 'position'],
  ['text inserted before it', `A preface of some length. ${ORIGINAL}`, 'the long southern wall', 'the long southern wall', 'exact'],
  ['a word inside it changed', ORIGINAL.replace('southern wall', 'southern reef wall'), 'the long southern wall', 'the long southern reef wall', 'fuzzy'],
  ['a typo fixed inside it', ORIGINAL.replace('charted', 'chartered'), 'they charted the northern arm', 'they chartered the northern arm', 'fuzzy'],
  ['a word next to it changed', ORIGINAL.replace('where the current', 'where the tide'), 'the long southern wall', 'the long southern wall', 'exact'],
  ['a word inserted right after its end stays outside', ORIGINAL.replace('wall where', 'wall, cliffs and all, where'), 'the long southern wall', 'the long southern wall', 'exact'],
])('%s', (_, text, quote, expected, strategy) => {
  const m = found(text, quote);
  expect(m && { text: m.text, strategy: m.strategy }).toEqual({ text: expected, strategy });
  expect(m!.start).toBe(text.indexOf(expected));
});

test('a repeated phrase goes to the occurrence whose context matches', () => {
  // "the lagoon" occurs twice; the second was highlighted.
  const start = ORIGINAL.indexOf('The lagoon chart');
  const [q, p] = describeSpan(ORIGINAL, start, start + 'The lagoon'.length);
  const text = `Foreword. ${ORIGINAL.replace('in the second, the lagoon;', 'in the second, the lagoon and the pass;')}`;
  const m = matchQuote(text, q.exact, { prefix: q.prefix, suffix: q.suffix, position: p.start });
  expect(m?.start).toBe(text.indexOf('The lagoon chart'));
});

test.each([
  ['its sentence deleted, its words kept elsewhere', ORIGINAL.replace('The lagoon chart was redrawn in 1971 after a storm.', 'A storm hit the lagoon in 1971.'), 'The lagoon chart was redrawn'],
  ['a short quote deleted, the same words elsewhere in other context', ORIGINAL.replace('in the second, the lagoon; ', ''), 'the lagoon;'],
  ['rewritten beyond a small edit', ORIGINAL.replace('Their charts were used by the navy for forty years.', 'Nobody trusted their maps after the war began.'), 'Their charts were used by the navy for forty years.'],
])('gone: %s', (_, text, quote) => {
  expect(found(text, quote)).toBeNull();
});

test('a near-duplicate sentence is not taken for a deleted one', () => {
  const text = 'The committee approved the harbour budget on Monday after a short debate. Weather delayed the vote.';
  const q = 'The committee rejected the harbour budget on Friday';
  expect(
    matchQuote(text, q, { prefix: 'Later that week. ', suffix: ' after a long debate. The mayor', position: 120 }),
  ).toBeNull();
});

test('an empty quote matches nothing', () => {
  expect(matchQuote(ORIGINAL, '', {})).toBeNull();
});

test('without context, a quote long enough stands on its own, a short one does not', () => {
  const long = 'in the third, the long southern wall where the current runs hardest';
  expect(matchQuote(`Moved: ${long}.`, long)).toMatchObject({ start: 7, strategy: 'exact' });
  expect(matchQuote('It was the lagoon again.', 'the lagoon', { prefix: 'in the second, ', suffix: '; in the third' })).toBeNull();
});
