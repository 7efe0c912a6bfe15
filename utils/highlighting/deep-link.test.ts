import { describe, expect, it } from 'vitest';
import { deepLink } from './deep-link';

describe('deepLink', () => {
  it('links a short quote with a few words of context on each side', () => {
    expect(
      deepLink('https://medium.com/@s/post?x=1#old', {
        type: 'TextQuoteSelector',
        exact: 'hallway track',
        prefix: 'the day was all about the ',
        suffix: ', which beats any keynote',
      }),
    ).toBe('https://medium.com/@s/post?x=1#:~:text=all%20about%20the-,hallway%20track,-%2C%20which%20beats');
  });

  it('links a long quote by its first and last words, and escapes the syntax characters', () => {
    const link = deepLink('https://example.com/a', {
      type: 'TextQuoteSelector',
      exact: 'one two three four five - six seven eight nine ten eleven & twelve',
    });
    expect(link).toBe('https://example.com/a#:~:text=one%20two%20three%20four,ten%20eleven%20%26%20twelve');
  });
});
