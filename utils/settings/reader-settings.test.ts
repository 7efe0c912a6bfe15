import { describe, expect, test } from 'vitest';
import { DEFAULT_READER_SETTINGS, effectiveTheme, normalizeReaderSettings, stepSetting } from './reader-settings';

describe('normalizeReaderSettings', () => {
  test.each([
    ['nothing stored', undefined, DEFAULT_READER_SETTINGS],
    ['a string', 'dark', DEFAULT_READER_SETTINGS],
    ['unknown theme and font', { theme: 'neon', font: 'comic' }, DEFAULT_READER_SETTINGS],
    ['size far too large', { fontSize: 400 }, { ...DEFAULT_READER_SETTINGS, fontSize: 32 }],
    ['size as a string', { fontSize: '18' }, DEFAULT_READER_SETTINGS],
    ['NaN width', { lineWidth: Number.NaN }, DEFAULT_READER_SETTINGS],
    ['line height too tight', { lineHeight: 0.5 }, { ...DEFAULT_READER_SETTINGS, lineHeight: 1.2 }],
    [
      'a full valid object',
      { theme: 'sepia', font: 'mono', fontSize: 18, lineWidth: 80, lineHeight: 1.8 },
      { theme: 'sepia', font: 'mono', fontSize: 18, lineWidth: 80, lineHeight: 1.8 },
    ],
  ])('%s', (_name, raw, expected) => {
    expect(normalizeReaderSettings(raw)).toEqual(expected);
  });

  test("the old default width (68, applied as ch: 75-90 characters) reads as today's default", () => {
    expect(normalizeReaderSettings({ ...DEFAULT_READER_SETTINGS, lineWidth: 68 }).lineWidth).toBe(
      DEFAULT_READER_SETTINGS.lineWidth,
    );
    expect(DEFAULT_READER_SETTINGS.lineWidth).toBe(70);
    // A width the user stepped to is kept, now read as characters.
    expect(normalizeReaderSettings({ lineWidth: 78 }).lineWidth).toBe(78);
    expect(normalizeReaderSettings({ lineWidth: 63 }).lineWidth).toBe(63);
  });

  test('steps from the default never land on the old default', () => {
    let s = { ...DEFAULT_READER_SETTINGS, lineWidth: 45 };
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) seen.add((s = stepSetting(s, 'lineWidth', 1)).lineWidth);
    expect(seen.has(68)).toBe(false);
    expect(seen.has(70)).toBe(true);
  });

  test('drops keys it does not know', () => {
    expect(Object.keys(normalizeReaderSettings({ ...DEFAULT_READER_SETTINGS, evil: 1 }))).not.toContain('evil');
  });
});

describe('stepSetting', () => {
  test('moves by one step and stops at the limits', () => {
    expect(stepSetting(DEFAULT_READER_SETTINGS, 'fontSize', 1).fontSize).toBe(21);
    expect(stepSetting({ ...DEFAULT_READER_SETTINGS, fontSize: 32 }, 'fontSize', 1).fontSize).toBe(32);
    expect(stepSetting({ ...DEFAULT_READER_SETTINGS, lineWidth: 45 }, 'lineWidth', -1).lineWidth).toBe(45);
  });

  test('line height steps land on tenths, not float noise', () => {
    let s = { ...DEFAULT_READER_SETTINGS };
    for (let i = 0; i < 3; i++) s = stepSetting(s, 'lineHeight', 1);
    expect(s.lineHeight).toBe(1.9);
  });
});

test('system theme follows the OS, explicit themes do not', () => {
  expect(effectiveTheme('system', true)).toBe('dark');
  expect(effectiveTheme('system', false)).toBe('light');
  expect(effectiveTheme('sepia', true)).toBe('sepia');
});
