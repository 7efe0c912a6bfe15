import { expect, test } from 'vitest';
import { normalizeText } from './normalize';

test.each([
  ['runs of spaces, tabs and newlines become one space', 'a  b\t\tc\n\n d', 'a b c d'],
  ['leading and trailing whitespace goes', '\n   words here  \n', 'words here'],
  ['no-break and other Unicode spaces are spaces', 'a\u00a0b\u2003c\u202fd\u3000e', 'a b c d e'],
  ['soft hyphens and zero-width spaces vanish', 'co\u00adoper\u200bation\ufeff', 'cooperation'],
  ['an invisible character between spaces leaves one space', 'a \u200b b', 'a b'],
  ['punctuation and letters are untouched', '“Quoted” — text…', '“Quoted” — text…'],
  ['only whitespace is nothing', ' \n\t ', ''],
])('%s', (_, input, expected) => {
  expect(normalizeText(input)).toBe(expected);
});
