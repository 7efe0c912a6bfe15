import { describe, expect, test } from 'vitest';
import { focusAfterChange, readingKeyAction, type ReadingKeyTarget } from './reading-list-keys';

const ids = ['a', 'b', 'c'];
const key = (k: string, target: ReadingKeyTarget = 'row', modified = false) => ({ key: k, target, modified });

describe('reading list keys', () => {
  test.each([
    ['j', null, 'a'],
    ['j', 'a', 'b'],
    ['ArrowDown', 'c', 'c'],
    ['k', 'c', 'b'],
    ['ArrowUp', null, 'c'],
    ['k', 'a', 'a'],
  ])('%s from %s moves to %s', (k, focused, to) => {
    expect(readingKeyAction(key(k), { ids, focused })).toEqual({ type: 'move', id: to });
  });

  test.each([
    ['Enter', 'open'],
    ['o', 'open'],
    ['e', 'archive'],
    ['f', 'favourite'],
    ['u', 'unread'],
    ['#', 'remove'],
    ['Delete', 'remove'],
  ])('%s acts on the focused row: %s', (k, type) => {
    expect(readingKeyAction(key(k), { ids, focused: 'b' })).toEqual({ type, id: 'b' });
  });

  test('keys typed in a filter field, with a modifier, or with no row focused do nothing', () => {
    expect(readingKeyAction(key('e', 'field'), { ids, focused: 'b' })).toBeNull();
    expect(readingKeyAction(key('j', 'field'), { ids, focused: 'b' })).toBeNull();
    // A button of the import panel, focused after a row was: its keys are not the list's.
    expect(readingKeyAction(key('e', 'outside'), { ids, focused: 'b' })).toBeNull();
    expect(readingKeyAction(key('e', 'row', true), { ids, focused: 'b' })).toBeNull();
    expect(readingKeyAction(key('e', 'other'), { ids, focused: null })).toBeNull();
    expect(readingKeyAction(key('j'), { ids: [], focused: null })).toBeNull();
    expect(readingKeyAction(key('x'), { ids, focused: 'b' })).toBeNull();
  });

  test('Enter on a button inside the row presses the button, not open', () => {
    expect(readingKeyAction(key('Enter', 'control'), { ids, focused: 'b' })).toBeNull();
    expect(readingKeyAction(key('e', 'control'), { ids, focused: 'b' })).toEqual({ type: 'archive', id: 'b' });
  });
});

describe('focus after a row leaves the list', () => {
  test.each([
    [['a', 'b', 'c'], ['a', 'c'], 'b', 'c'],
    [['a', 'b', 'c'], ['a', 'b'], 'c', 'b'],
    [['a'], [], 'a', null],
    [['a', 'b'], ['a', 'b'], 'b', 'b'],
    [['a', 'b'], ['b'], null, null],
  ])('%j → %j with %s focused: %s', (before, after, focused, expected) => {
    expect(focusAfterChange(before, after, focused)).toBe(expected);
  });
});
