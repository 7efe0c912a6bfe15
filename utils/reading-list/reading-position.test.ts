import { describe, expect, test } from 'vitest';
import { FIELD_LIMITS } from '@/utils/backup/backup-limits';
import { READING_STARTED } from './reading-state';
import {
  offsetAtProgress,
  progressAtOffset,
  RESTORE_MIN_PROGRESS,
  RESUME_QUOTE_MAX,
  restoreTarget,
  resumeQuoteAt,
  samePosition,
  shouldRestore,
} from './reading-position';

const ARTICLE = [
  'The power of the hallway track cannot be underestimated.',
  'It is where the heart of KubeCon truly beats, between the talks and the coffee.',
  'I met maintainers I had only known by their handles, and we fixed a bug on a napkin.',
  'Later, at the booth, a student asked how to start contributing; the answer was the hallway.',
  'The keynotes were good, but the conversations were better, and they are what I remember.',
].join(' ');

describe('progress and offsets', () => {
  test.each([
    [0, 100, 0],
    [50, 100, 0.5],
    [100, 100, 1],
    [150, 100, 1],
    [-5, 100, 0],
    [1, 3, 0.3333],
    [10, 0, 0],
    [Number.NaN, 100, 0],
  ])('offset %d of %d is %d', (offset, length, progress) => {
    expect(progressAtOffset(offset, length)).toBe(progress);
  });

  test('a fraction points back at the offset it came from', () => {
    for (const offset of [0, 7, 123, 999]) {
      expect(offsetAtProgress(progressAtOffset(offset, 1000), 1000)).toBe(offset);
    }
    expect(offsetAtProgress(2, 10)).toBe(10);
    expect(offsetAtProgress(0.5, 0)).toBe(0);
  });
});

describe('resumeQuoteAt', () => {
  test('starts at the beginning of the word the offset falls in', () => {
    const at = ARTICLE.indexOf('heart') + 2; // inside "heart"
    expect(resumeQuoteAt(ARTICLE, at)?.startsWith('heart of KubeCon')).toBe(true);
  });

  test('holds at most 80 characters and ends on a whole word', () => {
    const quote = resumeQuoteAt(ARTICLE, ARTICLE.indexOf('I met'))!;
    expect(quote.length).toBeLessThanOrEqual(RESUME_QUOTE_MAX);
    expect(ARTICLE).toContain(quote);
    const after = ARTICLE[ARTICLE.indexOf(quote) + quote.length];
    expect(after === ' ' || after === undefined).toBe(true);
    expect(quote.length).toBeGreaterThan(60);
  });

  test('skips the space it starts on', () => {
    const at = ARTICLE.indexOf(' It is where');
    expect(resumeQuoteAt(ARTICLE, at)?.startsWith('It is where')).toBe(true);
  });

  test('none at the very end, where too little text is left to find the place by', () => {
    expect(resumeQuoteAt(ARTICLE, ARTICLE.length - 4)).toBeNull();
    expect(resumeQuoteAt('', 0)).toBeNull();
  });

  test('text without spaces (Japanese) is cut at 80 characters', () => {
    const text = '日本語の文章'.repeat(30);
    expect(resumeQuoteAt(text, 12)).toBe(text.slice(12, 92));
  });
});

describe('shouldRestore', () => {
  const stored = { progress: 0.4, resumeQuote: 'It is where the heart' };
  test.each([
    ['a listed article opened at its top', stored, { scrolled: false, fragment: false }, true],
    ['not on the reading list', null, { scrolled: false, fragment: false }, false],
    [
      'never scrolled past the start',
      { progress: 0.01, resumeQuote: null },
      { scrolled: false, fragment: false },
      false,
    ],
    ['the view was already moved (back/forward, the user)', stored, { scrolled: true, fragment: false }, false],
    ['a link to a passage', stored, { scrolled: false, fragment: true }, false],
  ])('%s', (_, position, view, expected) => {
    expect(shouldRestore(position, view)).toBe(expected);
  });
});

describe('restoreTarget', () => {
  test('finds the quote in another layout of the same text', () => {
    const quote = resumeQuoteAt(ARTICLE, ARTICLE.indexOf('Later, at the booth'))!;
    // The reader view's text has a header before the article: the fraction is off, the quote is not.
    const reader = `KubeCon EU 2024 Steve Wade 5 min read ${ARTICLE}`;
    const target = restoreTarget(reader, { progress: 0.1, resumeQuote: quote });
    expect(target).toEqual({ offset: reader.indexOf('Later, at the booth'), by: 'quote' });
  });

  test('finds a quote whose spaces differ from the view’s normalized text', () => {
    const target = restoreTarget(ARTICLE, { progress: 0.5, resumeQuote: 'I met  maintainers\nI had only known' });
    expect(target).toEqual({ offset: ARTICLE.indexOf('I met'), by: 'quote' });
  });

  test('a verbatim quote far from the stored fraction is found among near-identical sentences', () => {
    // The live page's fraction counts its menus and comments; the reader's text has none: the hint is far off.
    const text = Array.from({ length: 40 }, (_, i) => `Step ${i} of the recipe is much like the others.`).join(' ');
    const quote = 'Step 31 of the recipe is much like the others. Step 32 of the';
    expect(restoreTarget(text, { progress: 0.1, resumeQuote: quote })).toEqual({
      offset: text.indexOf('Step 31'),
      by: 'quote',
    });
  });

  test('a repeated quote is taken nearest the stored fraction', () => {
    const paragraph = 'A paragraph the template repeats on every page of the site. ';
    const text = `${paragraph}Middle words of this article. ${paragraph}End.`;
    const second = text.lastIndexOf(paragraph);
    const target = restoreTarget(text, { progress: second / text.length, resumeQuote: paragraph.trim() });
    expect(target?.offset).toBe(second);
  });

  test('among many copies (a text that repeats itself), the one nearest the stored fraction', () => {
    const line = 'the same eighty characters of text, again and again, as a template writes them. ';
    const text = line.repeat(500);
    const at = line.length * 377;
    expect(restoreTarget(text, { progress: at / text.length, resumeQuote: line.trim() })?.offset).toBe(at);
  });

  test('falls back to the fraction when the passage is gone', () => {
    const target = restoreTarget(ARTICLE, { progress: 0.5, resumeQuote: 'A sentence the author deleted since' });
    expect(target).toEqual({ offset: Math.round(ARTICLE.length / 2), by: 'progress' });
    expect(restoreTarget(ARTICLE, { progress: 0.25, resumeQuote: null })?.by).toBe('progress');
  });

  test('nothing in an empty view', () => {
    expect(restoreTarget('', { progress: 0.5, resumeQuote: 'anything at all here' })).toBeNull();
  });
});

test('samePosition compares the place, not the object', () => {
  expect(samePosition({ progress: 0.5, resumeQuote: 'a' }, { progress: 0.5, resumeQuote: 'a' })).toBe(true);
  expect(samePosition({ progress: 0.5, resumeQuote: 'a' }, { progress: 0.5, resumeQuote: 'b' })).toBe(false);
  expect(samePosition(null, { progress: 0, resumeQuote: null })).toBe(false);
});

test('the limits agree with the stored fields: a quote fits, and "started" means the same', () => {
  expect(RESUME_QUOTE_MAX).toBeLessThanOrEqual(FIELD_LIMITS.resumeQuote);
  expect(RESTORE_MIN_PROGRESS).toBe(READING_STARTED);
});
