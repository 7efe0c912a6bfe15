import { expect, test } from 'vitest';
import { sameCard } from './same-card';

const card = {
  id: 'h1',
  updatedAt: 10,
  quote: 'A passage',
  colour: 'yellow' as const,
  note: 'A thought',
  tags: ['reading'],
  anchor: 'anchored' as const,
};

test('the same highlight read again (new objects) is the same card', () => {
  expect(sameCard(card, { ...card, tags: [...card.tags] })).toBe(true);
  expect(sameCard({ ...card, noteConflicts: [] }, card)).toBe(true);
});

test.each([
  ['id', { id: 'h2' }],
  ['write stamp', { updatedAt: 11 }],
  ['quote', { quote: 'Another passage' }],
  ['colour', { colour: 'blue' as const }],
  ['note', { note: 'Changed my mind' }],
  ['tags', { tags: ['reading', 'later'] }],
  ['tag order', { tags: ['later'] }],
  ['anchor state', { anchor: 'orphaned' as const }],
  ['note conflicts', { noteConflicts: [{ text: 'other', at: 5, deviceId: 'd' }] }],
])('a different %s is a different card', (_, change) => {
  expect(sameCard(card, { ...card, ...change })).toBe(false);
});
