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
  [
    'unchanged text: the stored position holds',
    ORIGINAL,
    'the long southern wall',
    'the long southern wall',
    'position',
  ],
  [
    'text inserted before it',
    `A preface of some length. ${ORIGINAL}`,
    'the long southern wall',
    'the long southern wall',
    'exact',
  ],
  [
    'a word inside it changed',
    ORIGINAL.replace('southern wall', 'southern reef wall'),
    'the long southern wall',
    'the long southern reef wall',
    'fuzzy',
  ],
  [
    'a typo fixed inside it',
    ORIGINAL.replace('charted', 'chartered'),
    'they charted the northern arm',
    'they chartered the northern arm',
    'fuzzy',
  ],
  [
    'a word next to it changed',
    ORIGINAL.replace('where the current', 'where the tide'),
    'the long southern wall',
    'the long southern wall',
    'exact',
  ],
  [
    'a word inserted right after its end stays outside',
    ORIGINAL.replace('wall where', 'wall, cliffs and all, where'),
    'the long southern wall',
    'the long southern wall',
    'exact',
  ],
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
  [
    'its sentence deleted, its words kept elsewhere',
    ORIGINAL.replace('The lagoon chart was redrawn in 1971 after a storm.', 'A storm hit the lagoon in 1971.'),
    'The lagoon chart was redrawn',
  ],
  [
    'a short quote deleted, the same words elsewhere in other context',
    ORIGINAL.replace('in the second, the lagoon; ', ''),
    'the lagoon;',
  ],
  [
    'rewritten beyond a small edit',
    ORIGINAL.replace(
      'Their charts were used by the navy for forty years.',
      'Nobody trusted their maps after the war began.',
    ),
    'Their charts were used by the navy for forty years.',
  ],
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
  expect(
    matchQuote('It was the lagoon again.', 'the lagoon', { prefix: 'in the second, ', suffix: '; in the third' }),
  ).toBeNull();
});

/*
 * Templated content: the passage has a twin (a tag block rendered twice, a
 * second HTTP example, a sibling reference or category entry, a navbox
 * repeating a list). When the passage is deleted or edited, the twin still
 * matches the stored quote and context as well or better, so text alone
 * would place the highlight on it. These were the wrong placements of
 * bench/anchor.ts; each must come back null.
 */
const sentences = (n: number, topic: string) =>
  Array.from(
    { length: n },
    (_, i) => `${topic} sentence ${i} says something ordinary about the harbour and its ledgers.`,
  ).join(' ');

const TAG_SUMMARY =
  'Relationships: Midoriya Izuku & Yagi Toshinori | All Might, Midoriya Izuku & Sensei | All For One<br />Characters: ' +
  'Midoriya Izuku, Yagi Toshinori | All Might, Midoriya Inko, Sensei | All For One, Tsukauchi Naomasa, Shigaraki Tomura';
/** The same tags as a list of links: no commas, no escaped markup. */
const TAG_LIST =
  'Relationships: Midoriya Izuku & Yagi Toshinori | All Might Midoriya Izuku & Sensei | All For One Characters: ' +
  'Midoriya Izuku Yagi Toshinori | All Might Midoriya Inko Sensei | All For One Tsukauchi Naomasa Shigaraki Tomura';
const work = (summary: string) =>
  `Summary: ${summary} Chapter 1. ${sentences(4, 'Story')} Tags: ${TAG_LIST} Notes: ${sentences(2, 'Note')}`;

const request = (extra = '') =>
  'PUT /storage/drinks/test HTTP/1.1 Host: 3pp.io:4439 Origin: https://drinks.example.com Authorization: Bearer ' +
  `j2YnGtXjzzzHNjkd1CJxoQubA1o= Content-Type: application/json; charset=UTF-8 ${extra}Referer: https://drinks.example.com/? If-Match: "1382694045000"`;
const spec = (second: string) =>
  `12.6. A subsequent PUT may contain: ${request()} {"name":"test", "updated":true} And the server may respond with a 412 Conflict. ` +
  `${sentences(3, 'Spec')} 12.8. A DELETE request may look like this: ${second} de Jong [Page 17] Internet-Draft remoteStorage.`;

const navbox = (regions: string) =>
  `Administrative divisions of the Realm of New Zealand Countries New Zealand Cook Islands Niue ${regions}` +
  'Chatham Islands Outlying islands outside any regional authority Ross Dependency Tokelau';
const REGIONS = 'Regions 11 non-unitary regions 5 unitary regions ';

const references = (withDeleted: boolean) =>
  [
    '^ Wilson, John (2009). "Sport and society". Auckland University Press. Retrieved 22 January 2011.',
    '^ Bain, Tom (2006). "Climbing". p. 69. Retrieved 4 February 2011.',
    sentences(2, 'Reference'),
    '^ Hope, Wayne (2002). "Whose All Blacks?". Archived from the original (PDF) on 19 January 2012. Retrieved 22 January 2011.',
    withDeleted
      ? '^ Phillips, Jock (2008). "Rugby union". Ministry for Culture and Heritage. August 2010. Retrieved 22 January 2011.'
      : '',
    '^ Derby, Mark (December 2010). "Māori–Pākehā relations". Te Ara. Retrieved 4 February 2011.',
  ]
    .filter(Boolean)
    .join(' ');

const IDENTIFIERS = [
  'BNF',
  'GND',
  'HDS',
  'ISNI',
  'LCCN',
  'MusicBrainz area',
  'NARA',
  'NDL',
  'NKC',
  'NLA-person',
  'NLI',
  'VIAF',
];
const categories = (ids: string[]) =>
  `Categories: ${ids.map((id) => `Wikipedia articles with ${id} identifiers`).join(' ')}. End.`;

/** Where `quote`'s `occurrence`-th copy in `before` ended up in `after`, per matchQuote (stored offsets unchanged). */
function reanchor(before: string, quote: string, occurrence: number, after: string) {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = before.indexOf(quote, at + 1);
  expect(at, 'fixture: quote not in the text').toBeGreaterThanOrEqual(0);
  const [q, p] = describeSpan(before, at, at + quote.length);
  const m = matchQuote(after, q.exact, { prefix: q.prefix, suffix: q.suffix, position: p.start });
  return m && { text: after.slice(m.start, m.end), start: m.start };
}

test.each([
  [
    // The closed-up context (prefix running into suffix) is where the passage was.
    'a tag block rendered twice, the passage deleted from the copy highlighted',
    work(TAG_SUMMARY),
    'Toshinori | All Might, Midoriya Inko, Sensei | All For One,',
    0,
    work(TAG_SUMMARY.replace('Toshinori | All Might, Midoriya Inko, Sensei | All For One, ', '')),
  ],
  [
    // Text prefers the twin (one comma off), position the edited passage.
    'a tag block rendered twice, the passage edited in the copy highlighted',
    work(TAG_SUMMARY),
    'Toshinori | All Might,',
    0,
    work(TAG_SUMMARY.replace('Toshinori | All Might,', 'Toshinori | Absolutely Might,')),
  ],
  [
    'an HTTP example edited, an earlier example keeping the old wording',
    spec(request()),
    'charset=UTF-8 Referer: https://drinks.example.com/?',
    1,
    spec(request('resource-identifier ')),
  ],
  [
    // The twin is verbatim, context and all: once taken at sight as a "clear winner".
    'an HTTP example with a word inserted after the passage, an earlier one verbatim',
    spec(request()),
    'https://drinks.example.com Authorization: Bearer',
    1,
    spec(request().replace('Bearer j2Yn', 'Bearer starts j2Yn')),
  ],
  [
    // Part of the context went with the entry: the context's far ends now meet.
    'a navbox entry deleted with its context, the same navbox repeated at the bottom',
    `${navbox(REGIONS)} ${sentences(60, 'Article')} ${navbox(REGIONS)}`,
    'non-unitary regions 5 unitary',
    0,
    `${navbox('')} ${sentences(60, 'Article')} ${navbox(REGIONS)}`,
  ],
  [
    // "Retrieved 22 January 2011." is everywhere: only context can say where, and one side is not enough.
    'a reference deleted, its look-alike now followed by the entry that followed it',
    references(true),
    'Retrieved 22 January 2011.',
    2,
    references(false),
  ],
  [
    // Both sides of the context intact, but the next entries differ in every name: not a small edit.
    'category entries deleted, the next ones in their place',
    categories(IDENTIFIERS),
    'identifiers Wikipedia articles with HDS identifiers Wikipedia articles with ISNI identifiers Wikipedia articles with LCCN identifiers Wikipedia articles with MusicBrainz area',
    0,
    categories(IDENTIFIERS.filter((id) => !['HDS', 'ISNI', 'LCCN', 'MusicBrainz area'].includes(id))),
  ],
])('templated twin, not placed: %s', (_, before, quote, occurrence, after) => {
  expect(reanchor(before, quote, occurrence, after)).toBeNull();
});

test('an edit right after the first word: the whole edited passage, not the rest of it starting inside a word', () => {
  const before =
    'He remained in my office. Now and then, in the eagerness of dispatching pressing business, I would call him.';
  const after = before.replace('in the eagerness', 'in pain the eagerness');
  expect(reanchor(before, 'in the eagerness of', 0, after)).toEqual({
    text: 'in pain the eagerness of',
    start: after.indexOf('in pain'),
  });
});

test('templates repeating the context pair elsewhere do not make an edited passage look deleted', () => {
  // The highlight's prefix and suffix joined, "…drinks.example.com Authorization: Bearer…", is in every request.
  const response = 'HTTP/1.1 200 OK Access-Control-Allow-Origin: https://drinks.example.com';
  const quote =
    'ETag: "1382694048000" 12.7. A GET request would also include the bearer token: GET /storage/drinks/test HTTP/1.1 Origin: https://drinks.example.com';
  const before = spec(`${response} ${quote} Authorization: Bearer j2YnGtXjzzzHNjkd1CJxoQubA1o=`);
  const edited = quote.replace('also include', 'also carry');
  // A preface moves the passage away from its stored offset, so the search runs.
  const after = `Preface, added later. ${before.replace(quote, edited)}`;
  expect(reanchor(before, quote, 0, after)).toEqual({ text: edited, start: after.indexOf(edited) });
});

test('a list entry edited in a few places, its twin elsewhere worse, is still placed', () => {
  const before = categories(IDENTIFIERS);
  const quote = 'Wikipedia articles with HDS identifiers Wikipedia articles with ISNI identifiers';
  const after = categories(IDENTIFIERS.map((id) => (id === 'HDS' ? 'HLS' : id === 'ISNI' ? 'ISNX' : id)));
  expect(reanchor(before, quote, 0, after)?.text).toBe(
    'Wikipedia articles with HLS identifiers Wikipedia articles with ISNX identifiers',
  );
});
