/**
 * Reader view typography and theme: the settings model, its defaults and the
 * rules that turn any stored value (old, partial or hand-edited) into a valid one.
 * Pure: no browser APIs, so it is unit-tested in Node.
 */

export type ReaderTheme = 'light' | 'sepia' | 'dark' | 'system';
export type ReaderFont = 'serif' | 'sans' | 'mono';

export interface ReaderSettings {
  theme: ReaderTheme;
  font: ReaderFont;
  /** Body font size in CSS px. */
  fontSize: number;
  /**
   * Measure: how many characters of running text a body line holds at most (see
   * `line-measure.ts`). Stored values from before, meant as `ch`, are read as characters:
   * the same number now gives the line length its label promised, about 15% narrower.
   */
  lineWidth: number;
  /** Unitless line height. */
  lineHeight: number;
}

export const THEMES: readonly ReaderTheme[] = ['light', 'sepia', 'dark', 'system'];
export const FONTS: readonly ReaderFont[] = ['serif', 'sans', 'mono'];

/** Bounds and steps of the numeric settings; the toolbar's buttons move by `step`. */
export const LIMITS = {
  fontSize: { min: 14, max: 32, step: 1 },
  lineWidth: { min: 45, max: 100, step: 5 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
} as const;

// 20px / 1.6 and lines of at most 70 characters (most hold 62–68, as a line breaks
// between words) sit in the range typographers recommend for long-form screen reading
// (45–75 characters, 66 the ideal).
export const DEFAULT_READER_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  theme: 'system',
  font: 'serif',
  fontSize: 20,
  lineWidth: 70,
  lineHeight: 1.6,
});

type NumericKey = keyof typeof LIMITS;

/**
 * The default width before widths meant characters (68, applied as `ch`). Stepping moves by
 * 5, from 68 then and from 70 now, so a stored 68 is the old default left as it was, never a
 * choice: it reads as today's default. Any other stored width is kept, read as characters.
 */
const LEGACY_DEFAULT_LINE_WIDTH = 68;

function clampNumber(value: unknown, key: NumericKey): number {
  const { min, max } = LIMITS[key];
  const n = typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(n)) return DEFAULT_READER_SETTINGS[key];
  // Round to the step's precision so 1.7000000000000002 never reaches the UI.
  return Math.round(Math.min(max, Math.max(min, n)) * 10) / 10;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * Makes a valid settings object from whatever storage holds.
 * @param raw - a stored value of any shape; unknown keys are dropped, bad values replaced by defaults
 */
export function normalizeReaderSettings(raw: unknown): ReaderSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    theme: oneOf(r.theme, THEMES, DEFAULT_READER_SETTINGS.theme),
    font: oneOf(r.font, FONTS, DEFAULT_READER_SETTINGS.font),
    fontSize: clampNumber(r.fontSize, 'fontSize'),
    lineWidth:
      r.lineWidth === LEGACY_DEFAULT_LINE_WIDTH
        ? DEFAULT_READER_SETTINGS.lineWidth
        : clampNumber(r.lineWidth, 'lineWidth'),
    lineHeight: clampNumber(r.lineHeight, 'lineHeight'),
  };
}

/**
 * Moves a numeric setting one step up or down, staying within its limits.
 * @param direction - +1 or -1
 */
export function stepSetting(settings: ReaderSettings, key: NumericKey, direction: 1 | -1): ReaderSettings {
  return normalizeReaderSettings({ ...settings, [key]: settings[key] + direction * LIMITS[key].step });
}

/** Resolves `system` to the concrete theme the user's OS asks for. */
export function effectiveTheme(theme: ReaderTheme, prefersDark: boolean): Exclude<ReaderTheme, 'system'> {
  if (theme !== 'system') return theme;
  return prefersDark ? 'dark' : 'light';
}
