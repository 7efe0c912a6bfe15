import { expect, test } from 'vitest';
import type { AnchorStatus } from '@/utils/db/schema';
import { cardState, isOnPage, orderCards } from './card-order';

const h = (id: string, anchor: AnchorStatus, position: number, createdAt = 1) => ({ id, anchor, position, createdAt });

test('placed and low-confidence highlights in page order, then orphans, then kept notes', () => {
  const cards = orderCards([
    h('note', 'detached', 0),
    h('third', 'anchored', 300),
    h('orphan', 'orphaned', 10),
    h('first', 'weak', 5),
    h('second', 'anchored', 120),
  ]);
  expect(cards.map((c) => c.id)).toEqual(['first', 'second', 'third', 'orphan', 'note']);
});

test('two highlights starting at the same place: the older first, then by id', () => {
  const cards = orderCards([h('b', 'anchored', 50, 2), h('c', 'anchored', 50, 1), h('a', 'anchored', 50, 2)]);
  expect(cards.map((c) => c.id)).toEqual(['c', 'a', 'b']);
});

test('the input is not reordered in place', () => {
  const input = [h('b', 'anchored', 2), h('a', 'anchored', 1)];
  orderCards(input);
  expect(input.map((c) => c.id)).toEqual(['b', 'a']);
});

test.each([
  ['anchored', 'placed', true],
  ['weak', 'low-confidence', true],
  ['orphaned', 'orphan', false],
  ['detached', 'note', false],
] as const)('%s shows as %s (on the page: %s)', (anchor, state, onPage) => {
  expect(cardState(anchor)).toBe(state);
  expect(isOnPage(cardState(anchor))).toBe(onPage);
});
