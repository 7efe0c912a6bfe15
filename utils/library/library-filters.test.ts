import { describe, expect, test } from 'vitest';
import { isSearching, NO_FILTERS, toLibraryFilters } from './library-filters';

describe('toLibraryFilters', () => {
  test('no filters', () => {
    expect(toLibraryFilters(NO_FILTERS)).toEqual({});
  });

  test('every field', () => {
    expect(
      toLibraryFilters(
        { tag: ' rust ', colour: 'green', site: 'example.com', from: '2024-05-03', to: '2024-05-03' },
        101,
      ),
    ).toEqual({
      tag: 'rust',
      colour: 'green',
      site: 'example.com',
      from: new Date(2024, 4, 3).getTime(),
      to: new Date(2024, 4, 4).getTime(),
      limit: 101,
    });
  });

  test('an unknown colour or a bad date is ignored, not an error', () => {
    expect(toLibraryFilters({ ...NO_FILTERS, colour: 'red', from: '2024-02-30' })).toEqual({});
  });
});

describe('isSearching', () => {
  test.each([
    ['', NO_FILTERS, false],
    ['   ', NO_FILTERS, false],
    ['?!', NO_FILTERS, false],
    ['bees', NO_FILTERS, true],
    ['', { ...NO_FILTERS, colour: 'pink' }, true],
    ['', { ...NO_FILTERS, to: '2024-05-03' }, true],
    ['', { ...NO_FILTERS, tag: '  ' }, false],
  ])('%j with %j → %s', (query, state, expected) => {
    expect(isSearching(query, state)).toBe(expected);
  });
});
