import { describe, expect, test } from 'vitest';
import { panelKeyAction, type CardCursor, type PanelKey } from './panel-keys';

const ids = ['a', 'b', 'c'];
const cursor = (focused: string | null, editing: string | null = null): CardCursor => ({ ids, focused, editing });
const key = (k: string, target: PanelKey['target'] = 'card', modified = false): PanelKey => ({
  key: k,
  target,
  modified,
});

describe('moving between cards', () => {
  test.each([
    ['j', null, 'a'],
    ['ArrowDown', null, 'a'],
    ['j', 'a', 'b'],
    ['ArrowDown', 'b', 'c'],
    ['j', 'c', 'c'], // stays on the last card
    ['k', null, 'c'],
    ['ArrowUp', 'c', 'b'],
    ['k', 'a', 'a'], // stays on the first card
    ['j', 'gone', 'a'], // the focused card was deleted meanwhile
  ])('%s from %s → %s', (k, focused, expected) => {
    expect(panelKeyAction(key(k), cursor(focused))).toEqual({ type: 'move', id: expected });
  });

  test('from a button inside a card, j still moves (buttons do not take letters)', () => {
    expect(panelKeyAction(key('j', 'control'), cursor('a'))).toEqual({ type: 'move', id: 'b' });
  });

  test('no cards: nothing to move to', () => {
    expect(panelKeyAction(key('j'), { ids: [], focused: null, editing: null })).toBeNull();
  });
});

describe('keys typed into a field are text, not shortcuts', () => {
  test.each(['j', 'k', 'ArrowDown', 'ArrowUp', 'Enter'])('%s in a field', (k) => {
    expect(panelKeyAction(key(k, 'field'), cursor('a', 'a'))).toBeNull();
  });

  test('Esc in a field of the card being edited leaves editing', () => {
    expect(panelKeyAction(key('Escape', 'field'), cursor('b', 'b'))).toEqual({ type: 'leave', id: 'b' });
  });
});

describe('editing', () => {
  test('Enter on the focused card edits it', () => {
    expect(panelKeyAction(key('Enter'), cursor('b'))).toEqual({ type: 'edit', id: 'b' });
  });
  test('Enter on a button presses the button', () => {
    expect(panelKeyAction(key('Enter', 'control'), cursor('b'))).toBeNull();
  });
  test('Enter on a card already being edited does nothing more', () => {
    expect(panelKeyAction(key('Enter'), cursor('b', 'b'))).toBeNull();
  });
  test('Esc with nothing being edited is left to the browser', () => {
    expect(panelKeyAction(key('Escape'), cursor('b'))).toBeNull();
  });
  test('with Ctrl, Alt or Meta held no key is ours', () => {
    expect(panelKeyAction(key('j', 'card', true), cursor('a'))).toBeNull();
    expect(panelKeyAction(key('Escape', 'field', true), cursor('a', 'a'))).toBeNull();
  });
});
