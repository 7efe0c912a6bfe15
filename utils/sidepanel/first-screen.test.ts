import { describe, expect, test } from 'vitest';
import { cardsToRender, firstScreenCount, MIN_CARD_HEIGHT } from './first-screen';

const ids = Array.from({ length: 200 }, (_, i) => `h${i}`);

describe('firstScreenCount', () => {
  test('enough of the shortest cards to fill the panel, and more', () => {
    for (const height of [300, 800, 1400]) expect(firstScreenCount(height) * MIN_CARD_HEIGHT).toBeGreaterThan(height);
  });
  test('a panel with no height yet still renders a screenful', () => {
    expect(firstScreenCount(0)).toBeGreaterThan(10);
    expect(firstScreenCount(Number.NaN)).toBeGreaterThan(10);
  });
});

describe('cardsToRender', () => {
  test('the first frame holds the first screenful only, then every card', () => {
    expect(cardsToRender(ids, 19, false, [null, null])).toBe(19);
    expect(cardsToRender(ids, 19, true, [null, null])).toBe(200);
  });
  test('fewer cards than a screenful: all of them', () => {
    expect(cardsToRender(ids.slice(0, 4), 19, false, [])).toBe(4);
  });
  test('a card opened or moved to before the rest came is rendered at once, with every card before it', () => {
    expect(cardsToRender(ids, 19, false, ['h150', null])).toBe(151);
    expect(cardsToRender(ids, 19, false, ['h3', 'h170'])).toBe(171);
  });
  test('a card no longer listed changes nothing', () => {
    expect(cardsToRender(ids, 19, false, ['gone'])).toBe(19);
  });
});
