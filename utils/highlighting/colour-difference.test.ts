import { describe, expect, test } from 'vitest';
import { composite, deltaE2000, paintedDifference, parseCssColour, toLab } from './colour-difference';

describe('parseCssColour', () => {
  test.each([
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#3367D1', { r: 51, g: 103, b: 209, a: 1 }],
    ['rgb(1, 2, 3)', { r: 1, g: 2, b: 3, a: 1 }],
    ['rgba(0, 190, 200, 0.4)', { r: 0, g: 190, b: 200, a: 0.4 }],
  ])('%s', (css, rgba) => expect(parseCssColour(css)).toEqual(rgba));
  test('refuses what it cannot read', () => expect(() => parseCssColour('hsl(0 0% 0%)')).toThrow());
});

test('a translucent paint blends with the background', () => {
  expect(composite(parseCssColour('rgba(0, 0, 0, 0.5)'), parseCssColour('#ffffff'))).toEqual({
    r: 127.5,
    g: 127.5,
    b: 127.5,
    a: 1,
  });
});

test('sRGB to Lab matches the reference values', () => {
  const white = toLab(parseCssColour('#ffffff'));
  expect(white.L).toBeCloseTo(100, 3);
  expect(white.a).toBeCloseTo(0, 3);
  const red = toLab(parseCssColour('#ff0000'));
  expect(red.L).toBeCloseTo(53.24, 1);
  expect(red.a).toBeCloseTo(80.09, 1);
  expect(red.b).toBeCloseTo(67.2, 1);
});

// Pairs from Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula" (2005), table 1.
test.each([
  [{ L: 50, a: 2.6772, b: -79.7751 }, { L: 50, a: 0, b: -82.7485 }, 2.0425],
  [{ L: 50, a: -1.3802, b: -84.2814 }, { L: 50, a: 0, b: -82.7485 }, 1.0],
  [{ L: 50, a: 2.5, b: 0 }, { L: 50, a: 0, b: -2.5 }, 4.3065],
  [{ L: 50, a: 2.5, b: 0 }, { L: 73, a: 25, b: -18 }, 27.1492],
  [{ L: 60.2574, a: -34.0099, b: 36.2677 }, { L: 60.4626, a: -34.1751, b: 39.4387 }, 1.2644],
  [{ L: 2.0776, a: 0.0795, b: -1.135 }, { L: 0.9033, a: -0.0636, b: -0.5514 }, 0.9082],
])('CIEDE2000 of the published pair %#', (x, y, expected) => {
  expect(deltaE2000(x, y)).toBeCloseTo(expected, 3);
  expect(deltaE2000(y, x)).toBeCloseTo(expected, 3);
});

test('a colour painted over itself differs by nothing', () => {
  expect(paintedDifference('rgba(0, 190, 200, 0.4)', 'rgba(0, 190, 200, 0.4)')).toBe(0);
});
