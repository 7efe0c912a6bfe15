import { describe, expect, it } from 'vitest';
import { readingMinutes } from './reading-time';

const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('readingMinutes', () => {
  it.each([
    ['empty text', '', 1],
    ['one word', 'Lighthouse', 1],
    ['exactly 238 words', words(238), 1],
    ['239 words', words(239), 2],
    ['2,380 words', words(2380), 10],
    ['500 Chinese characters', '灯'.repeat(500), 1],
    ['1,500 Japanese characters', 'ひかり'.repeat(500), 3],
    ['CJK mixed with English', `${'灯'.repeat(500)} ${words(238)}`, 2],
    ['Korean counts words', Array.from({ length: 239 }, () => '등대').join(' '), 2],
  ])('%s → %i min', (_, text, minutes) => {
    expect(readingMinutes(text)).toBe(minutes);
  });
});
