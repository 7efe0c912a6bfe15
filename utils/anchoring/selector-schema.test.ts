import { describe, expect, it } from 'vitest';
import { isValidPosition, selectorSchemas } from './selector-schema';

describe('selectorSchemas', () => {
  const { quote, position } = selectorSchemas({ exact: 10, context: 3, position: 100 });

  it('takes an empty passage (end = start) and refuses one that ends before it starts', () => {
    expect(position.safeParse({ type: 'TextPositionSelector', start: 5, end: 5 }).success).toBe(true);
    const refused = position.safeParse({ type: 'TextPositionSelector', start: 6, end: 5 });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['end', 'end is before start']]);
    expect(isValidPosition({ type: 'TextPositionSelector', start: 6, end: 5 })).toBe(false);
  });

  it('holds each part to its limit', () => {
    expect(quote.safeParse({ type: 'TextQuoteSelector', exact: 'x'.repeat(11) }).success).toBe(false);
    expect(quote.safeParse({ type: 'TextQuoteSelector', exact: 'x', prefix: 'abcd' }).success).toBe(false);
    expect(position.safeParse({ type: 'TextPositionSelector', start: 0, end: 101 }).success).toBe(false);
  });
});
