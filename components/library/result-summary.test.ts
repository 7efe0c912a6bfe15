import { expect, test } from 'vitest';
import type { LibraryHit } from '@/utils/db';
import { resultSummary } from './result-summary';

const hit = (kind: LibraryHit['kind']) => ({ kind }) as LibraryHit;

test.each([
  [[], false, 'No results'],
  [[hit('highlight')], false, '1 result: 1 highlight'],
  [
    [hit('highlight'), hit('article'), hit('highlight'), hit('pageNote')],
    false,
    '4 results: 2 highlights, 1 article note, 1 article',
  ],
  [[hit('article'), hit('article')], true, 'More than 2 results, newest 2 shown: 2 articles'],
])('%#', (hits, more, text) => {
  expect(resultSummary(hits, more)).toBe(text);
});
