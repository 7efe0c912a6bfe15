import { describe, expect, test } from 'vitest';
import { DEFAULT_READER_SETTINGS, LIMITS } from '../settings/reader-settings';
import { FALLBACK_CHARACTER_EM, MEASURE_SAMPLE, lineMeasureCss } from './line-measure';

describe('lineMeasureCss', () => {
  test('a line is as wide as that many average characters of the measured font', () => {
    // 10.8 px a character: DejaVu Serif at 20 px, the font the 80-character lines were measured in.
    const sample = MEASURE_SAMPLE.length * 10.8;
    expect(lineMeasureCss(68, sample)).toBe('734px');
    expect(lineMeasureCss(100, sample)).toBe('1080px');
  });

  test('without a measurement it estimates in em, never in ch (the digit zero is wider than text)', () => {
    expect(lineMeasureCss(68, null)).toBe(`${68 * FALLBACK_CHARACTER_EM}em`);
    expect(lineMeasureCss(68, 0)).toBe('34em');
    expect(lineMeasureCss(68, Number.NaN)).toBe('34em');
  });

  test("the default asks for 65–70 characters, inside the setting's limits", () => {
    expect(DEFAULT_READER_SETTINGS.lineWidth).toBeGreaterThanOrEqual(65);
    expect(DEFAULT_READER_SETTINGS.lineWidth).toBeLessThanOrEqual(70);
    expect(DEFAULT_READER_SETTINGS.lineWidth).toBeGreaterThanOrEqual(LIMITS.lineWidth.min);
  });

  test('the sample is prose: mostly lower-case letters, about one space in six characters', () => {
    const spaces = MEASURE_SAMPLE.split(' ').length - 1;
    expect(spaces / MEASURE_SAMPLE.length).toBeGreaterThan(0.14);
    expect(spaces / MEASURE_SAMPLE.length).toBeLessThan(0.2);
    expect(MEASURE_SAMPLE.length).toBeGreaterThan(200);
  });
});
