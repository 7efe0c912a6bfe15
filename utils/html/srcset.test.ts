import { describe, expect, it } from 'vitest';
import { parseSrcset, pickSrcsetUrl, serializeSrcset } from './srcset';

describe('srcset', () => {
  it('keeps commas that are part of a URL', () => {
    expect(
      parseSrcset('https://img.example/w_300,h_200/a.jpg 300w, https://img.example/w_600,h_400/a.jpg 600w'),
    ).toEqual([
      { url: 'https://img.example/w_300,h_200/a.jpg', descriptor: '300w' },
      { url: 'https://img.example/w_600,h_400/a.jpg', descriptor: '600w' },
    ]);
  });

  it('reads candidates without descriptors and trailing commas', () => {
    expect(parseSrcset(' a.jpg, b.jpg 2x ,  ')).toEqual([
      { url: 'a.jpg', descriptor: '' },
      { url: 'b.jpg', descriptor: '2x' },
    ]);
    // As in browsers, a comma without a space after it is part of the URL.
    expect(parseSrcset('a.jpg,b.jpg 2x')).toEqual([{ url: 'a.jpg,b.jpg', descriptor: '2x' }]);
  });

  it('round-trips', () => {
    const value = 'a.jpg 1x, b.jpg 2x';
    expect(serializeSrcset(parseSrcset(value))).toBe(value);
  });

  it.each([
    ['a.jpg 400w, b.jpg 1200w, c.jpg 2400w', 'b.jpg'],
    ['a.jpg 400w, b.jpg 800w', 'b.jpg'],
    ['a.jpg 1x, b.jpg 2x, c.jpg 3x', 'b.jpg'],
    ['a.jpg', 'a.jpg'],
    ['', null],
  ])('picks from %j → %j', (value, expected) => {
    expect(pickSrcsetUrl(parseSrcset(value))).toBe(expected);
  });
});
