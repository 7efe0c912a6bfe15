import { expect, test } from 'vitest';
import { formatTagInput, parseTagInput, sameTags } from './tag-input';

test.each([
  ['', []],
  ['  ', []],
  ['kubernetes', ['kubernetes']],
  [' talks ,  hallway track,', ['talks', 'hallway track']],
  ['a,,b', ['a', 'b']],
  ['Talk, talk, TALK, other', ['Talk', 'other']],
])('%j → %j', (input, tags) => {
  expect(parseTagInput(input)).toEqual(tags);
});

test('the field shows tags comma-separated, and reads back the same', () => {
  const tags = ['talks', 'hallway track'];
  expect(parseTagInput(formatTagInput(tags))).toEqual(tags);
});

test('sameTags compares order and content', () => {
  expect(sameTags(['a', 'b'], ['a', 'b'])).toBe(true);
  expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(false);
  expect(sameTags(['a'], ['a', 'b'])).toBe(false);
});
