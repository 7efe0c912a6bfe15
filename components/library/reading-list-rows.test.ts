import { expect, test } from 'vitest';
import { startOfLocalDay } from '@/utils/library/day-range';
import { NO_READING_FILTERS, toReadingListFilter } from './reading-list-rows';

test('an empty form narrows nothing', () => {
  expect(toReadingListFilter(NO_READING_FILTERS)).toEqual({});
});

test('each field becomes its part of the query', () => {
  expect(
    toReadingListFilter({ ...NO_READING_FILTERS, status: 'archived', site: 'medium.com', tag: 'kubecon' }),
  ).toEqual({ states: ['archived'], site: 'medium.com', tag: 'kubecon' });
  expect(toReadingListFilter({ ...NO_READING_FILTERS, status: 'favourite' })).toEqual({ favourite: true });
  // Both days whole, in the user's calendar.
  expect(toReadingListFilter({ ...NO_READING_FILTERS, from: '2024-03-01', to: '2024-03-31' })).toEqual({
    from: startOfLocalDay('2024-03-01'),
    to: startOfLocalDay('2024-03-31', 1),
  });
  expect(toReadingListFilter({ ...NO_READING_FILTERS, site: '  ', from: 'not a day' })).toEqual({});
});
