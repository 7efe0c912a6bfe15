import { expect, test } from 'vitest';
import { anchoredAlignment, anchoredDistance, boundedDistance, changedPlaces } from './edit-distance';

/** Plain full-matrix Levenshtein, the reference. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

test('boundedDistance equals Levenshtein within the bound, and says "over" beyond it', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () =>
    Array.from({ length: Math.floor(random() * 14) }, () => 'abcde '[Math.floor(random() * 6)]).join('');
  for (let i = 0; i < 500; i++) {
    const a = word();
    const b = word();
    const max = Math.floor(random() * 10);
    const exact = levenshtein(a, b);
    expect(boundedDistance(a, b, max), `${a} / ${b} / ${max}`).toBe(exact <= max ? exact : max + 1);
  }
});

test.each([
  ['suffix verbatim after the point', ' jumps over', 'fox jumps over the dog', 3, 1, 0],
  ['suffix with one word changed', ' jumps over', 'fox leaps over the dog', 3, 1, 3],
  ['prefix verbatim before the point', 'the quick ', 'see the quick fox', 14, -1, 0],
  ['prefix cut short by the start of the text', 'the quick ', 'quick fox', 6, -1, 4],
  ['nothing after the point', ' tail', 'all text', 8, 1, 5],
])('anchoredDistance: %s', (_, expected, text, at, direction, errors) => {
  expect(anchoredDistance(expected, text, at, direction as 1 | -1)).toBe(errors);
});

test('anchoredAlignment says how much text the expected string covers', () => {
  // An extra word after the quote's end: the best alignment stops before it.
  expect(anchoredAlignment('Culture and', 'Culture and ethnicity', 0, 1)).toEqual({ errors: 0, length: 11 });
  expect(anchoredAlignment('and Heritage', 'Culture and Heritage', 20, -1)).toEqual({ errors: 0, length: 12 });
});

test.each([
  ['the same words', 'the tide turned at noon', 'the tide turned at noon', 0],
  ['a word replaced', 'the tide turned at noon', 'the tide rose at noon', 1],
  ['a word inserted', 'the tide turned at noon', 'the tide turned late at noon', 1],
  ['a word deleted', 'the tide turned at noon', 'the tide at noon', 1],
  ['a few consecutive words replaced', 'the tide turned at noon', 'the sea came in at noon', 1],
  ['both ends changed', 'the tide turned at noon', 'a tide turned at dusk', 2],
  ['every other word', 'with HDS and ISNI and LCCN and MBA', 'with NARA and NDL and NKC and NLA', 4],
  ['a run of commas dropped is one place', 'Izuku, Toshinori, Inko, Sensei', 'Izuku Toshinori Inko Sensei', 1],
  [
    'commas dropped apart are several',
    'Izuku, and Toshinori, and Inko, and Sensei',
    'Izuku and Toshinori and Inko and Sensei',
    3,
  ],
])('changedPlaces: %s', (_, a, b, places) => {
  expect(changedPlaces(a, b)).toBe(places);
  expect(changedPlaces(b, a)).toBe(places);
});
